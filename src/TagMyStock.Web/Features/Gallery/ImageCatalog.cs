using Microsoft.EntityFrameworkCore;
using TagMyStock.Web.Infrastructure.Data;
using TagMyStock.Web.Infrastructure.Storage;

namespace TagMyStock.Web.Features.Gallery;

internal sealed partial class ImageCatalog(AppDbContext db, IBlobStore blobs, ILogger<ImageCatalog> logger) : IImageCatalog
{
    public async Task<IReadOnlyList<StockImage>> FindOwnedAsync(Guid accountId, IReadOnlyCollection<Guid> imageIds, CancellationToken cancellationToken)
    {
        if (imageIds.Count == 0)
        {
            return [];
        }

        var ids = imageIds.Distinct().ToList();
        return await db.Set<StockImage>()
            .OwnedBy(accountId)
            .Where(image => ids.Contains(image.Id))
            .OrderByDescending(image => image.UploadedAt)
            .ThenByDescending(image => image.Id)
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Guid>> DeleteOwnedAsync(Guid accountId, IReadOnlyCollection<Guid> imageIds, CancellationToken cancellationToken)
    {
        var images = await FindOwnedAsync(accountId, imageIds, cancellationToken);
        if (images.Count == 0)
        {
            return [];
        }

        // Rows first: once they are gone nothing links to the blobs, and a blob left behind by a failure
        // below is wasted space, never a broken tile.
        db.Set<StockImage>().RemoveRange(images);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var image in images)
        {
            try
            {
                await foreach (var key in blobs.ListAsync(BlobKeys.Image(accountId, image.Id), cancellationToken))
                {
                    await blobs.DeleteAsync(key, cancellationToken);
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                LogBlobsLeft(logger, exception, image.Id);
            }
        }

        return [.. images.Select(image => image.Id)];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Image {ImageId} was deleted but some of its blobs could not be.")]
    private static partial void LogBlobsLeft(ILogger logger, Exception exception, Guid imageId);
}
