using Microsoft.Extensions.Options;

namespace TagMyStock.Web.Infrastructure.Web;

/// <summary>
/// The headers that keep the privacy policy's "no third party" promise in the browser: every page may
/// load scripts, styles, fonts and images from this origin only, and may not be framed.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// No inline script or style, no eval, no third-party origin. <c>connect-src 'self'</c> covers the
    /// same-origin WebSocket of interactive components; <c>blob:</c> images are the upload previews;
    /// <paramref name="imageSources"/> are the origins the app itself links images to (its S3 bucket).
    /// </summary>
    public static string ContentSecurityPolicy(IEnumerable<string> imageSources) =>
        $"default-src 'self'; script-src 'self'; style-src 'self'; img-src {string.Join(' ', ["'self'", "data:", "blob:", .. imageSources])}; font-src 'self'; " +
        "connect-src 'self'; media-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var policy = ContentSecurityPolicy(app.ApplicationServices.GetRequiredService<IOptions<ContentSecurityPolicyOptions>>().Value.ImageSources);
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = policy;
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
}

/// <summary>What the content security policy allows beyond this origin; filled by the features that need it at start.</summary>
public sealed class ContentSecurityPolicyOptions
{
    /// <summary>Origins (<c>scheme://host[:port]</c>) images may come from, such as the S3 bucket presigned links point to.</summary>
    public IList<string> ImageSources { get; } = [];
}
