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
    /// <paramref name="imageSources"/> are the origins the app itself links images to (its S3 bucket);
    /// <paramref name="styleSources"/> are inline styles allowed by their hash, on the pages that need them.
    /// </summary>
    public static string ContentSecurityPolicy(IEnumerable<string> imageSources, IEnumerable<string>? styleSources = null) =>
        $"default-src 'self'; script-src 'self'; style-src {string.Join(' ', ["'self'", .. styleSources ?? []])}; " +
        $"img-src {string.Join(' ', ["'self'", "data:", "blob:", .. imageSources])}; font-src 'self'; " +
        "connect-src 'self'; media-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<IOptions<ContentSecurityPolicyOptions>>().Value;
        var policy = ContentSecurityPolicy(options.ImageSources);
        var policiesByPath = options.StyleSourcesByPath
            .Select(entry => (Path: new PathString(entry.Key), Policy: ContentSecurityPolicy(options.ImageSources, entry.Value)))
            .ToList();
        return app.Use((context, next) =>
        {
            // Chosen now: by the time the response starts, a mapped branch (the dashboard's) has moved its path into PathBase.
            var pagePolicy = policiesByPath.FirstOrDefault(entry => context.Request.Path.StartsWithSegments(entry.Path)).Policy ?? policy;
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = pagePolicy;
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

    /// <summary>
    /// Inline styles (CSP hash sources, <c>'sha256-…'</c>) allowed under a path only: for a page of a library the app
    /// serves there as it comes, such as the jobs dashboard, whose chart script adds one style element.
    /// </summary>
    public IDictionary<string, IReadOnlyList<string>> StyleSourcesByPath { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
}
