using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace TagMyStock.Web.Infrastructure.Storage;

/// <summary>
/// Signed URLs of this app, <c>/blobs/{key}?type=..&amp;expires=..&amp;download=..&amp;sig=..</c>, served
/// by <see cref="BlobLinksApi"/>. The signature is the SHA-256 of every other part, protected by ASP.NET
/// Data Protection: its key ring lives in the database, so any node verifies what another signed, and
/// key rotation and revocation come with it. A change to any part, an expired link, or a link signed
/// with another key ring is refused.
/// </summary>
public sealed class LocalBlobLinks(IDataProtectionProvider dataProtection, TimeProvider time) : IBlobLinks
{
    public const string RoutePrefix = "/blobs";

    private readonly IDataProtector _protector = dataProtection.CreateProtector("TagMyStock.Storage.BlobLinks.v1");

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

        query["sig"] = WebEncoders.Base64UrlEncode(_protector.Protect(Digest(key, link)));
        var path = $"{RoutePrefix}/{string.Join('/', key.Split('/').Select(Uri.EscapeDataString))}";
        return QueryHelpers.AddQueryString(path, query);
    }

    /// <summary>The link's terms when its signature holds and it has not expired; else null.</summary>
    internal LocalBlobLink? Verify(string key, IQueryCollection query)
    {
        if (query["type"] is not [{ } contentType]
            || query["expires"] is not [{ } expiresText]
            || !long.TryParse(expiresText, NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || query["sig"] is not [{ } signature]
            || query["download"].Count > 1)
        {
            return null;
        }

        var link = new LocalBlobLink(contentType, query["download"].SingleOrDefault(), expires);
        byte[] signed;
        try
        {
            signed = _protector.Unprotect(WebEncoders.Base64UrlDecode(signature));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }

        return CryptographicOperations.FixedTimeEquals(signed, Digest(key, link)) && link.Remaining(time) > TimeSpan.Zero
            ? link
            : null;
    }

    /// <summary>Each part escaped, so no value can contain the separator and shift another's bytes.</summary>
    private static byte[] Digest(string key, LocalBlobLink link) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(
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
