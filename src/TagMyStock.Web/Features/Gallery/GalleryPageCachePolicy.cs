using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.OutputCaching;
using TagMyStock.Web.Features.Accounts;

namespace TagMyStock.Web.Features.Gallery;

/// <summary>
/// Caches each rendered gallery page per signed-in browser for a minute, keyed by the account's
/// <see cref="GalleryVersion"/>: browsing back and forth costs one primary-key lookup instead of a query,
/// a count, dozens of signed links and the rendering. Any change to the account's images raises the version
/// and so misses the cache (see <see cref="GalleryVersions"/> for how soon on other nodes).
/// </summary>
/// <remarks>
/// The key includes the browser's cookies (hashed): the page carries a token bound to that browser's session
/// and its session's name, and another browser of the same account must not receive them. A response that sets
/// a cookie, or is not a plain 200, is never stored. The tiles' signed links live 30 minutes, far longer
/// than an entry.
/// </remarks>
internal sealed class GalleryPageCachePolicy : IOutputCachePolicy
{
    public const string Name = "gallery";

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var cookies = http.Request.Headers.Cookie.ToString();
        if (!HttpMethods.IsGet(http.Request.Method) || http.User.Identity?.IsAuthenticated != true || cookies.Length == 0)
        {
            return;
        }

        var accountId = http.User.AccountId();
        var version = await http.RequestServices.GetRequiredService<GalleryVersions>().CacheKeyAsync(accountId, cancellationToken);
        context.EnableOutputCaching = true;
        // A reload, or the gallery's script refreshing after a change, asks for a fresh page: render it (and keep it).
        context.AllowCacheLookup = !AsksForFreshPage(http.Request);
        context.AllowCacheStorage = true;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Lifetime;
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues["account"] = accountId.ToString("N");
        context.CacheVaryByRules.VaryByValues["version"] = version;
        context.CacheVaryByRules.VaryByValues["browser"] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(cookies)));
    }

    private static bool AsksForFreshPage(HttpRequest request) =>
        request.Headers.CacheControl.ToString() is var cacheControl
        && (cacheControl.Contains("no-cache", StringComparison.OrdinalIgnoreCase) || cacheControl.Contains("max-age=0", StringComparison.Ordinal)
            || request.Headers.Pragma.ToString().Contains("no-cache", StringComparison.OrdinalIgnoreCase));

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
