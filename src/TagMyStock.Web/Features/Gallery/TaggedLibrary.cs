using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using TagMyStock.Core.Similarity;
using TagMyStock.Web.Infrastructure.Data;

namespace TagMyStock.Web.Features.Gallery;

/// <summary>
/// An account's own tagged images as the library the tagging engine learns from: each image's embedding and the
/// keywords and title the contributor kept. Strictly one account's: no other account's image is ever in it.
/// </summary>
public interface ITaggedLibrary
{
    /// <summary>
    /// The account's images that have keywords and an embedding of the current model, each under
    /// <see cref="StockImage.LibraryId"/>; current as of the account's gallery version.
    /// </summary>
    Task<SimilarImageIndex> ForAccountAsync(Guid accountId, CancellationToken cancellationToken);
}

/// <summary>
/// Reads the library with one query of five columns (embeddings of tagged images only: about 1 KB each) and keeps
/// it per account under its <see cref="GalleryVersions">gallery version</see>, which every change of the account's
/// images raises: a run of taggings reads it once per tagged image, a series of edits elsewhere not at all. One entry
/// per account, replaced when its version moves, so memory holds at most one library per active account.
/// </summary>
internal sealed class TaggedLibrary(AppDbContext db, GalleryVersions versions, IImageEmbedder embedder, IMemoryCache cache) : ITaggedLibrary
{
    // Keywords are stored as JSON; comparing with an empty list compares with the stored "[]".
    private static readonly List<string> NoKeywords = [];

    private static readonly TimeSpan IdleLifetime = TimeSpan.FromMinutes(10);

    public async Task<SimilarImageIndex> ForAccountAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var version = await versions.CacheKeyAsync(accountId, cancellationToken);
        var key = (nameof(TaggedLibrary), accountId);
        if (cache.TryGetValue(key, out (string Version, SimilarImageIndex Library) known) && known.Version == version)
        {
            return known.Library;
        }

        var rows = await db.Set<StockImage>().AsNoTracking()
            .OwnedBy(accountId)
            .Where(image => image.Embedding != null && image.Keywords != NoKeywords)
            .OrderBy(image => image.UploadedAt)
            .ThenBy(image => image.Id)
            .Select(image => new { image.Id, image.FileName, image.Embedding, image.Keywords, image.Title, image.Categories })
            .ToListAsync(cancellationToken);
        var library = new SimilarImageIndex(rows
            .Select(row => (row.Id, row.FileName, row.Keywords, row.Title, row.Categories, Embedding: Current(row.Embedding!)))
            .Where(row => row.Embedding is not null)
            .Select(row => new LibraryImage(StockImage.LibraryIdOf(row.Id, row.FileName), row.Embedding!, row.Keywords) { Title = row.Title, Categories = row.Categories }));
        cache.Set(key, (version, library), new MemoryCacheEntryOptions { SlidingExpiration = IdleLifetime });
        return library;
    }

    /// <summary>The stored embedding when the current embedder made it; an older model's is left out until recomputed.</summary>
    private ImageEmbedding? Current(byte[] stored)
    {
        try
        {
            var embedding = ImageEmbedding.FromBytes(stored);
            return embedding.Model == embedder.Model ? embedding : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
