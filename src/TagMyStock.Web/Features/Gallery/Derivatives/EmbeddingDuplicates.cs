using Microsoft.EntityFrameworkCore;
using TagMyStock.Core.Similarity;
using TagMyStock.Web.Infrastructure.Data;

namespace TagMyStock.Web.Features.Gallery.Derivatives;

/// <summary>
/// Marks near-identical images of one account by their embeddings, as upload marks them by perceptual hash: a
/// later image points at the earliest image it looks like (<see cref="StockImage.NearDuplicateOf"/>). Embeddings
/// also catch what the hash misses (crops, a reframed shot of a series), at the threshold the command line's batch
/// report uses (<see cref="NearDuplicates.DefaultThreshold"/>). Embeddings arrive in any order, so an image that
/// gets its embedding also marks later look-alikes that had theirs first.
/// </summary>
internal static class EmbeddingDuplicates
{
    /// <summary>Sets the marks on <paramref name="image"/> and on the later images it concerns, tracked by <paramref name="db"/> for the caller's save.</summary>
    public static async Task MarkAsync(AppDbContext db, StockImage image, ImageEmbedding embedding, CancellationToken cancellationToken)
    {
        var others = await db.Set<StockImage>().AsNoTracking()
            .OwnedBy(image.OwnerId)
            .Where(other => other.Id != image.Id && other.Embedding != null)
            .Select(other => new { other.Id, other.UploadedAt, other.Embedding, other.NearDuplicateOf })
            .ToListAsync(cancellationToken);
        var alike = others
            .Where(other => IsAlike(embedding, other.Embedding!))
            .OrderBy(other => other.UploadedAt)
            .ThenBy(other => other.Id)
            .ToList();
        var earlier = alike.Where(other => IsEarlier(other.UploadedAt, other.Id, image)).ToList();
        if (image.NearDuplicateOf is null && earlier.Count > 0)
        {
            image.NearDuplicateOf = earlier[0].Id;
        }

        var laterUnmarked = alike.Where(other => other.NearDuplicateOf is null && !earlier.Contains(other)).Select(other => other.Id).ToList();
        if (laterUnmarked.Count == 0)
        {
            return;
        }

        var target = image.NearDuplicateOf ?? image.Id;
        foreach (var later in await db.Set<StockImage>().Where(other => laterUnmarked.Contains(other.Id)).ToListAsync(cancellationToken))
        {
            later.NearDuplicateOf = target;
        }
    }

    private static bool IsAlike(ImageEmbedding embedding, byte[] stored)
    {
        try
        {
            var other = ImageEmbedding.FromBytes(stored);
            return other.Model == embedding.Model
                && other.Dimensions == embedding.Dimensions
                && embedding.Similarity(other) >= NearDuplicates.DefaultThreshold;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static bool IsEarlier(DateTime uploadedAt, Guid id, StockImage image) =>
        uploadedAt < image.UploadedAt || (uploadedAt == image.UploadedAt && id.CompareTo(image.Id) < 0);
}
