using Amazon.S3;
using Amazon.S3.Model;

namespace TagMyStock.Web.Infrastructure.Storage;

/// <summary>
/// Presigned GET URLs straight to the bucket, so image bytes do not pass through the app. The
/// response headers (type, disposition, caching) are signed into the URL as overrides.
/// </summary>
public sealed class S3BlobLinks(IAmazonS3 client, string bucket, Protocol protocol, TimeProvider time) : IBlobLinks
{
    public string LinkTo(string key, string contentType, TimeSpan lifetime, string? downloadName = null)
    {
        BlobKeys.EnsureValid(key);
        BlobLinkLifetime.EnsureValid(lifetime);
        var request = new GetPreSignedUrlRequest
        {
            BucketName = bucket,
            Key = key,
            Verb = HttpVerb.GET,
            Protocol = protocol,
            Expires = time.GetUtcNow().Add(lifetime).UtcDateTime,
        };
        request.ResponseHeaderOverrides.ContentType = contentType;
        request.ResponseHeaderOverrides.ContentDisposition = ContentDispositions.For(downloadName);
        request.ResponseHeaderOverrides.CacheControl = BlobLinkLifetime.CacheControl(lifetime);
        return client.GetPreSignedURL(request);
    }

    /// <summary>
    /// The scheme, host and port every link points to (the bucket's host in virtual-hosted style), for
    /// the page's content security policy; taken from a link, so it is the SDK's own addressing.
    /// </summary>
    public string Origin() =>
        new Uri(LinkTo("origin", "application/octet-stream", TimeSpan.FromMinutes(1))).GetLeftPart(UriPartial.Authority);
}
