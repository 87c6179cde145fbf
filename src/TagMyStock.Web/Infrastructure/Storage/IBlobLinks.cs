namespace TagMyStock.Web.Infrastructure.Storage;

/// <summary>
/// Short-lived links that let a browser fetch one blob without a session: an S3 presigned URL, or an
/// HMAC-signed URL of this app for local storage. Only code that has checked the viewer owns the
/// blob may ask for a link.
/// </summary>
public interface IBlobLinks
{
    /// <summary>
    /// A URL valid for <paramref name="lifetime"/> that serves the blob as <paramref name="contentType"/>,
    /// as an attachment named <paramref name="downloadName"/> when one is given, else inline.
    /// </summary>
    string LinkTo(string key, string contentType, TimeSpan lifetime, string? downloadName = null);
}
