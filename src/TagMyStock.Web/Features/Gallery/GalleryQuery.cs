using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using TagMyStock.Core.Agencies;
using TagMyStock.Core.Metadata;
using TagMyStock.Core.Validation;
using TagMyStock.Web.Features.Settings;
using TagMyStock.Web.Infrastructure.Data;

namespace TagMyStock.Web.Features.Gallery;

/// <summary>Which images the gallery shows; the query string's <c>show</c> value.</summary>
public enum GalleryShow
{
    All,
    Untagged,
    Tagged,
    AiGenerated,
    NearDuplicates,
    Problems,
}

/// <summary>A gallery request: what to show, for which agency's problems, and which page (from 1).</summary>
public sealed record GalleryFilter(GalleryShow Show, AgencyProfile? Agency, int Page);

/// <summary>What a gallery tile shows of an image: a handful of columns, not the metadata itself.</summary>
public sealed record GalleryTile(
    Guid Id,
    Guid OwnerId,
    string FileName,
    long ByteSize,
    int Width,
    int Height,
    DerivativeState Derivatives,
    string? DerivativeError,
    bool IsTagged,
    bool IsAiGenerated,
    bool IsNearDuplicate);

/// <summary>One page of the gallery, newest first, and how many images match in all.</summary>
public sealed record GalleryPageResult(GalleryFilter Filter, IReadOnlyList<GalleryTile> Images, int Total, int AccountTotal)
{
    public int PageCount => Math.Max(1, (Total + GalleryQuery.PageSize - 1) / GalleryQuery.PageSize);
}

/// <summary>
/// The gallery's one query: the account's images filtered and paged on the database, newest first, served
/// by the (owner, upload time, id) index, reading only the columns a tile shows; counts are kept in memory
/// under the account's <see cref="GalleryVersions">gallery version</see>. Agency problems need
/// <see cref="MetadataValidator"/>, which runs in memory: that filter reads the metadata columns of all the
/// account's images and checks every one against the agency and the account's own rules, so the count and pages are
/// exact; the images with problems are kept under the gallery version too (the rules raise it), so that the filter's
/// other pages do not check them all again.
/// </summary>
internal sealed class GalleryQuery(AppDbContext db, GalleryVersions versions, IAccountSettings settings, IMemoryCache cache)
{
    public const int PageSize = 50;

    // Keywords are stored as JSON; comparing with an empty list compares with the stored "[]".
    private static readonly List<string> NoKeywords = [];

    // Counts and the images with problems only change with the gallery version, so they are kept under it: paging costs no count.
    private static readonly TimeSpan CountLifetime = TimeSpan.FromMinutes(10);

    public async Task<GalleryPageResult> RunAsync(Guid accountId, GalleryFilter filter, CancellationToken cancellationToken)
    {
        var version = await versions.CacheKeyAsync(accountId, cancellationToken);
        var owned = db.Set<StockImage>().AsNoTracking().OwnedBy(accountId);
        var accountTotal = await CountAsync(owned, accountId, version, GalleryShow.All, cancellationToken);
        if (filter.Show == GalleryShow.Problems && filter.Agency is { } agency)
        {
            var withProblems = await WithProblemsAsync(owned, accountId, version, agency, cancellationToken);
            var pageIds = withProblems.Skip((filter.Page - 1) * PageSize).Take(PageSize).ToList();
            var problemPage = await Tiles(Newest(owned.Where(image => pageIds.Contains(image.Id)))).ToListAsync(cancellationToken);
            return new GalleryPageResult(filter, problemPage, withProblems.Length, accountTotal);
        }

        var matching = filter.Show switch
        {
            GalleryShow.Untagged => owned.Where(image => image.Keywords == NoKeywords),
            GalleryShow.Tagged => owned.Where(image => image.Keywords != NoKeywords),
            GalleryShow.AiGenerated => owned.Where(image => (image.Flags & ContentFlags.AiGenerated) != 0),
            GalleryShow.NearDuplicates => owned.Where(image => image.NearDuplicateOf != null),
            _ => owned,
        };
        var total = filter.Show == GalleryShow.All ? accountTotal : await CountAsync(matching, accountId, version, filter.Show, cancellationToken);
        var page = await Tiles(Newest(matching).Skip((filter.Page - 1) * PageSize).Take(PageSize))
            .ToListAsync(cancellationToken);
        return new GalleryPageResult(filter, page, total, accountTotal);
    }

    /// <summary>The ids of the images with a problem for <paramref name="agency"/> (a warning or worse), newest first.</summary>
    private async Task<Guid[]> WithProblemsAsync(IQueryable<StockImage> owned, Guid accountId, string version, AgencyProfile agency, CancellationToken cancellationToken)
    {
        var key = (nameof(WithProblemsAsync), accountId, version, agency.Id);
        if (cache.TryGetValue(key, out Guid[]? known) && known is not null)
        {
            return known;
        }

        var rules = await settings.GetRulesAsync(accountId, cancellationToken);
        // Only the columns validation reads, as untracked entities so StockImage.Metadata builds the model.
        var candidates = await Newest(owned)
            .Select(image => new StockImage
            {
                Id = image.Id,
                FileName = image.FileName,
                Title = image.Title,
                Description = image.Description,
                Keywords = image.Keywords,
                Categories = image.Categories,
                Flags = image.Flags,
                DigitalSourceType = image.DigitalSourceType,
                Width = image.Width,
                Height = image.Height,
            })
            .ToListAsync(cancellationToken);
        var withProblems = candidates
            .Where(candidate => MetadataValidator.Validate(candidate.Metadata, agency, rules, candidate.FileName, candidate.PixelSize).Problems
                .Any(problem => problem.Severity >= Severity.Warning))
            .Select(candidate => candidate.Id)
            .ToArray();
        cache.Set(key, withProblems, CountLifetime);
        return withProblems;
    }

    private async Task<int> CountAsync(IQueryable<StockImage> images, Guid accountId, string version, GalleryShow show, CancellationToken cancellationToken)
    {
        var key = (nameof(GalleryQuery), accountId, version, show);
        if (cache.TryGetValue(key, out int known))
        {
            return known;
        }

        var count = await images.CountAsync(cancellationToken);
        cache.Set(key, count, CountLifetime);
        return count;
    }

    private static IQueryable<GalleryTile> Tiles(IQueryable<StockImage> images) =>
        images.Select(image => new GalleryTile(
            image.Id,
            image.OwnerId,
            image.FileName,
            image.ByteSize,
            image.Width,
            image.Height,
            image.Derivatives,
            image.DerivativeError,
            image.Keywords != NoKeywords,
            (image.Flags & ContentFlags.AiGenerated) != 0,
            image.NearDuplicateOf != null));

    private static IOrderedQueryable<StockImage> Newest(IQueryable<StockImage> images) =>
        images.OrderByDescending(image => image.UploadedAt).ThenByDescending(image => image.Id);
}
