namespace TagMyStock.Web.Infrastructure.Web;

/// <summary>
/// The headers that keep the privacy policy's "no third party" promise in the browser: every page may
/// load scripts, styles, fonts and images from this origin only, and may not be framed.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// No inline script or style, no eval, no third-party origin. <c>connect-src 'self'</c> covers the
    /// same-origin WebSocket of interactive components; <c>blob:</c> images are the upload previews.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
        "connect-src 'self'; media-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Cross-Origin-Resource-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";
                return Task.CompletedTask;
            });
            return next(context);
        });
}
