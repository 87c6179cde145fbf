using Microsoft.EntityFrameworkCore;
using TagMyStock.Core.Metadata;
using TagMyStock.Web.Features.Gallery;
using TagMyStock.Web.Infrastructure.Data;

namespace TagMyStock.Web.Features.Editor;

/// <summary>The parts of an image's metadata that can be copied onto others.</summary>
[Flags]
public enum MetadataParts
{
    None = 0,
    Title = 1 << 0,
    Description = 1 << 1,
    Keywords = 1 << 2,
    Categories = 1 << 3,
    Flags = 1 << 4,
}

/// <param name="Copied">Targets that now carry the copied parts.</param>
/// <param name="NotFound">Targets that are not the account's images (or the source itself); left alone.</param>
public sealed record CopyResult(IReadOnlyList<Guid> Copied, IReadOnlyList<Guid> NotFound);

/// <summary>Copies chosen parts of one image's metadata onto a selection of the same account's images.</summary>
public sealed class MetadataCopy(AppDbContext db, TimeProvider time)
{
    public const int MaxTargets = 5000;

    /// <summary>Null when the source is not the owner's image; otherwise which targets were changed and which not found.</summary>
    public async Task<CopyResult?> CopyAsync(Guid ownerId, Guid sourceId, IReadOnlyCollection<Guid> targetIds, MetadataParts parts, CancellationToken cancellationToken)
    {
        var source = await db.Set<StockImage>().AsNoTracking().OwnedBy(ownerId).SingleOrDefaultAsync(i => i.Id == sourceId, cancellationToken);
        if (source is null)
        {
            return null;
        }

        var wanted = targetIds.Where(id => id != sourceId).Distinct().ToList();
        var targets = await db.Set<StockImage>().OwnedBy(ownerId).Where(i => wanted.Contains(i.Id)).ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var target in targets)
        {
            target.Apply(Merge(source.Metadata, target.Metadata, parts));
            target.UpdatedAt = now;
            target.Version++;
        }

        await db.SaveChangesAsync(cancellationToken);
        var copied = targets.Select(target => target.Id).ToHashSet();
        return new CopyResult(
            [.. targetIds.Distinct().Where(copied.Contains)],
            [.. targetIds.Distinct().Where(id => !copied.Contains(id))]);
    }

    private static ImageMetadata Merge(ImageMetadata source, ImageMetadata target, MetadataParts parts) => target with
    {
        Title = parts.HasFlag(MetadataParts.Title) ? source.Title : target.Title,
        Description = parts.HasFlag(MetadataParts.Description) ? source.Description : target.Description,
        Keywords = parts.HasFlag(MetadataParts.Keywords) ? source.Keywords : target.Keywords,
        Categories = parts.HasFlag(MetadataParts.Categories) ? source.Categories : target.Categories,
        Flags = parts.HasFlag(MetadataParts.Flags) ? source.Flags : target.Flags,
        DigitalSourceType = parts.HasFlag(MetadataParts.Flags) ? source.DigitalSourceType : target.DigitalSourceType,
    };
}
