using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace TagMyStock.Web.Infrastructure.Storage;

/// <summary>Serves the signed links of local storage; with S3, links point to the bucket and nothing is mapped.</summary>
public static class BlobLinksApi
{
    public static IEndpointRouteBuilder MapBlobLinks(this IEndpointRouteBuilder routes)
    {
        if (routes.ServiceProvider.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == StorageProvider.Local)
        {
            routes.MapGet($"{LocalBlobLinks.RoutePrefix}/{{**key}}", ServeAsync).ExcludeFromDescription();
        }

        return routes;
    }

    /// <summary>
    /// The blob, with range support for large files, when the link is genuine and current; a bare 403
    /// for any other link and a bare 404 for a deleted blob, telling nothing about why.
    /// </summary>
    internal static async Task<Results<FileStreamHttpResult, StatusCodeHttpResult, NotFound>> ServeAsync(
        string key, HttpContext context, LocalBlobLinks links, IBlobStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
        {
            statusCodePages.Enabled = false;
        }

        if (!BlobKeys.IsValid(key) || await links.VerifyAsync(key, context.Request.Query, cancellationToken) is not { } link)
        {
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }

        if (await store.OpenReadAsync(key, cancellationToken) is not { } content)
        {
            return TypedResults.NotFound();
        }

        var headers = context.Response.Headers;
        headers.CacheControl = BlobLinkLifetime.CacheControl(link.Remaining(time));
        headers.ContentDisposition = ContentDispositions.For(link.DownloadName);
        return TypedResults.Stream(content, link.ContentType, enableRangeProcessing: true);
    }
}
