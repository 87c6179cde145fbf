using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using TagMyStock.Web.Features.Accounts;
using TagMyStock.Web.Infrastructure.Data;
using TagMyStock.Web.Infrastructure.Storage;
using TagMyStock.Web.Infrastructure.Web;

namespace TagMyStock.Web.Features.Gallery;

/// <summary>
/// An account's image files and their deletion. Every route answers 404 for an image of another account,
/// exactly as for one that does not exist.
/// </summary>
public static class ImagesApi
{
    /// <summary>The most ids one delete request may name.</summary>
    public const int MaxIdsPerDelete = 1000;

    public static RouteGroupBuilder MapImages(this IEndpointRouteBuilder routes)
    {
        var images = routes.MapGroup("/api/images").RequireAuthorization().WithTags("Images");
        images.MapGet("/{id:guid}/thumbnail", (Guid id, ClaimsPrincipal user, AppDbContext db, IBlobStore blobs, CancellationToken cancellationToken) =>
            ServeAsync(id, ImageFile.Thumbnail, user, db, blobs, cancellationToken));
        images.MapGet("/{id:guid}/preview", (Guid id, ClaimsPrincipal user, AppDbContext db, IBlobStore blobs, CancellationToken cancellationToken) =>
            ServeAsync(id, ImageFile.Preview, user, db, blobs, cancellationToken));
        images.MapGet("/{id:guid}/original", (Guid id, ClaimsPrincipal user, AppDbContext db, IBlobStore blobs, CancellationToken cancellationToken) =>
            ServeAsync(id, ImageFile.Original, user, db, blobs, cancellationToken));
        images.MapDelete("/{id:guid}", DeleteOneAsync).RequireAntiforgeryHeader();
        images.MapPost("/delete", DeleteManyAsync).RequireAntiforgeryHeader();
        return images;
    }

    /// <summary>The URL a gallery tile shows its image from; the one place that decides it.</summary>
    public static string ThumbnailUrl(Guid imageId) => $"/api/images/{imageId:D}/thumbnail";

    public static string PreviewUrl(Guid imageId) => $"/api/images/{imageId:D}/preview";

    private static async Task<Results<FileStreamHttpResult, NotFound>> ServeAsync(
        Guid id, ImageFile file, ClaimsPrincipal user, AppDbContext db, IBlobStore blobs, CancellationToken cancellationToken)
    {
        var accountId = user.AccountId();
        var image = await db.Set<StockImage>().AsNoTracking()
            .OwnedBy(accountId)
            .Where(i => i.Id == id)
            .Select(i => new { i.OwnerId, i.Format, i.OriginalKey, i.ContentHash, i.Derivatives })
            .SingleOrDefaultAsync(cancellationToken);
        if (image is null || (file != ImageFile.Original && image.Derivatives != DerivativeState.Ready))
        {
            return TypedResults.NotFound();
        }

        var (key, contentType, etag) = file switch
        {
            ImageFile.Thumbnail => (BlobKeys.Thumbnail(image.OwnerId, id), "image/jpeg", $"\"t-{image.ContentHash}\""),
            ImageFile.Preview => (BlobKeys.Preview(image.OwnerId, id), "image/jpeg", $"\"p-{image.ContentHash}\""),
            _ => (image.OriginalKey, ImageFormats.ContentType(image.Format), $"\"{image.ContentHash}\""),
        };
        var stream = await blobs.OpenReadAsync(key, cancellationToken);
        if (stream is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Stream(stream, contentType, entityTag: new EntityTagHeaderValue(etag));
    }

    private static async Task<Results<NoContent, NotFound>> DeleteOneAsync(Guid id, ClaimsPrincipal user, IImageCatalog catalog, CancellationToken cancellationToken)
    {
        var deleted = await catalog.DeleteOwnedAsync(user.AccountId(), [id], cancellationToken);
        return deleted.Count == 1 ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<DeleteResult>, BadRequest<ProblemDetails>>> DeleteManyAsync(
        DeleteRequest request, ClaimsPrincipal user, IImageCatalog catalog, CancellationToken cancellationToken)
    {
        if (request.Ids is not { Count: > 0 and <= MaxIdsPerDelete } ids)
        {
            return TypedResults.BadRequest(new ProblemDetails
            {
                Title = "Nothing to delete.",
                Detail = $"Send between 1 and {MaxIdsPerDelete} image ids in \"ids\".",
                Status = StatusCodes.Status400BadRequest,
            });
        }

        var deleted = await catalog.DeleteOwnedAsync(user.AccountId(), ids, cancellationToken);
        return TypedResults.Ok(new DeleteResult(deleted));
    }

    private enum ImageFile
    {
        Thumbnail,
        Preview,
        Original,
    }
}

/// <summary>Body of <c>POST /api/images/delete</c>.</summary>
public sealed record DeleteRequest(IReadOnlyList<Guid>? Ids);

/// <summary>The ids actually deleted: ids of other accounts or of no image are left out, silently.</summary>
public sealed record DeleteResult(IReadOnlyList<Guid> Deleted);
