using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace TagMyStock.Web.Infrastructure.Storage;

/// <summary>
/// Signed URLs of this app, <c>/blobs/{key}?type=..&amp;expires=..&amp;download=..&amp;sig=..</c>, served
/// by <see cref="BlobLinksApi"/>. The signature is an HMAC-SHA256 of every other part under a key of the
/// <see cref="LinkSigningKeyRing"/>, which lives in the database, so any node verifies what another signed,
/// and keys rotate. A change to any part, an expired link, or a link signed with another key ring is refused.
/// </summary>
public sealed class LocalBlobLinks(LinkSigningKeyRing keys, TimeProvider time) : IBlobLinks
{
    public const string RoutePrefix = "/blobs";

    public string LinkTo(string key, string contentType, TimeSpan lifetime, string? downloadName = null)
    {
        BlobKeys.EnsureValid(key);
        BlobLinkLifetime.EnsureValid(lifetime);
        var link = new LocalBlobLink(
            contentType,
            downloadName is null ? null : ContentDispositions.SafeFileName(downloadName),
            time.GetUtcNow().Add(lifetime).ToUnixTimeSeconds());
        var query = new Dictionary<string, string?>
        {
            ["type"] = link.ContentType,
            ["expires"] = link.Expires.ToString(CultureInfo.InvariantCulture),
        };
        if (link.DownloadName is not null)
        {
            query["download"] = link.DownloadName;
        }

        var signingKey = keys.Current;
        query["kid"] = signingKey.Id.ToString(CultureInfo.InvariantCulture);
        query["sig"] = WebEncoders.Base64UrlEncode(Signature(signingKey, key, link));
        var path = $"{RoutePrefix}/{string.Join('/', key.Split('/').Select(Uri.EscapeDataString))}";
        return QueryHelpers.AddQueryString(path, query);
    }

    /// <summary>The link's terms when its signature holds and it has not expired; else null.</summary>
    internal async ValueTask<LocalBlobLink?> VerifyAsync(string key, IQueryCollection query, CancellationToken cancellationToken)
    {
        if (query["type"] is not [{ } contentType]
            || query["expires"] is not [{ } expiresText]
            || !long.TryParse(expiresText, NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || query["kid"] is not [{ } keyIdText]
            || !int.TryParse(keyIdText, NumberStyles.None, CultureInfo.InvariantCulture, out var keyId)
            || query["sig"] is not [{ } signatureText]
            || query["download"].Count > 1)
        {
            return null;
        }

        var link = new LocalBlobLink(contentType, query["download"].SingleOrDefault(), expires);
        if (link.Remaining(time) <= TimeSpan.Zero || await keys.FindAsync(keyId, cancellationToken) is not { } signingKey)
        {
            return null;
        }

        byte[] signature;
        try
        {
            signature = WebEncoders.Base64UrlDecode(signatureText);
        }
        catch (FormatException)
        {
            return null;
        }

        return CryptographicOperations.FixedTimeEquals(signature, Signature(signingKey, key, link)) ? link : null;
    }

    /// <summary>Each part escaped, so no value can contain the separator and shift another's bytes.</summary>
    private static byte[] Signature(SigningKey signingKey, string key, LocalBlobLink link) =>
        HMACSHA256.HashData(signingKey.Secret, Encoding.UTF8.GetBytes(string.Join(
            '\n',
            Uri.EscapeDataString(key),
            Uri.EscapeDataString(link.ContentType),
            Uri.EscapeDataString(link.DownloadName ?? ""),
            link.DownloadName is null ? "inline" : "attachment",
            link.Expires.ToString(CultureInfo.InvariantCulture))));
}

/// <summary>What a local blob link grants: the blob as <paramref name="ContentType"/> until <paramref name="Expires"/> (Unix seconds).</summary>
internal sealed record LocalBlobLink(string ContentType, string? DownloadName, long Expires)
{
    public TimeSpan Remaining(TimeProvider time) => DateTimeOffset.FromUnixTimeSeconds(Expires) - time.GetUtcNow();
}
