using Microsoft.EntityFrameworkCore;
using TagMyStock.Core.Agencies;
using TagMyStock.Core.Keywords;
using TagMyStock.Core.Metadata;
using TagMyStock.Core.Rules;
using TagMyStock.Core.Tagging;
using TagMyStock.Core.Validation;
using TagMyStock.Web.Features.Gallery;
using TagMyStock.Web.Features.Settings;
using TagMyStock.Web.Infrastructure.Data;

namespace TagMyStock.Web.Features.Editor;

/// <summary>An image's metadata as one editor session sees it: the fields, their version, and the agencies and own rules to check.</summary>
/// <param name="Evidence">Why the last tagging run wrote each keyword and flag; words added since have none.</param>
/// <param name="PixelSize">The image's upright size; null while the gallery has not read it.</param>
public sealed record EditorDocument(
    Guid Id,
    string FileName,
    int Version,
    ImageMetadata Metadata,
    string? TaggedBy,
    DateTime? TaggedAt,
    IReadOnlyList<Evidence> Evidence,
    IReadOnlyList<AgencyProfile> Agencies,
    UserRules Rules,
    (int Width, int Height)? PixelSize)
{
    public static EditorDocument From(StockImage image, IReadOnlyList<AgencyProfile> agencies, UserRules rules) =>
        new(image.Id, image.FileName, image.Version, image.Metadata, image.TaggedBy, image.TaggedAt, image.Evidence, agencies, rules, image.PixelSize);

    public static EditorDocument From(StockImage image, AccountChecks checks) => From(image, checks.Agencies, checks.Rules);

    /// <summary>What is wrong with <paramref name="metadata"/> for <paramref name="agency"/> under the account's own rules.</summary>
    public ValidationReport Validate(ImageMetadata metadata, AgencyProfile agency) =>
        MetadataValidator.Validate(metadata, agency, Rules, FileName, PixelSize);

    /// <summary>The agencies whose minimum image size this image misses; none when its size is unknown.</summary>
    public IReadOnlyList<ImageSizeShortfall> SizeShortfalls() =>
        PixelSize is var (width, height) ? ImageSizeCheck.Check(width, height, Agencies) : [];

    /// <summary>Why the last tagging run wrote the title, while it is still the title it wrote.</summary>
    public Evidence? TitleEvidence() => Evidence.FirstOrDefault(evidence => evidence.Term == EvidenceTerm.Title);

    /// <summary>
    /// The evidence of each keyword, by <see cref="KeywordHygiene.Key"/>, of each flag, and of each category the engine chose,
    /// by its term (<see cref="EvidenceTerm.Of(string, string)"/>).
    /// </summary>
    public EvidenceIndex EvidenceByTerm()
    {
        var keywords = new Dictionary<string, Evidence>(StringComparer.Ordinal);
        var flags = new Dictionary<ContentFlags, Evidence>();
        var categories = new Dictionary<string, Evidence>(StringComparer.Ordinal);
        foreach (var evidence in Evidence)
        {
            if (EvidenceTerm.IsFlag(evidence.Term))
            {
                flags.TryAdd(EvidenceTerm.Flag(evidence.Term), evidence);
            }
            else if (EvidenceTerm.IsCategory(evidence.Term, out _, out _))
            {
                categories.TryAdd(evidence.Term, evidence);
            }
            else if (EvidenceTerm.IsKeyword(evidence.Term))
            {
                keywords.TryAdd(KeywordHygiene.Key(evidence.Term), evidence);
            }
        }

        return new EvidenceIndex(keywords, flags, categories);
    }
}

/// <summary>The evidence of a document's keywords, flags and categories, each looked up as the editor shows it.</summary>
public sealed record EvidenceIndex(
    IReadOnlyDictionary<string, Evidence> Keywords,
    IReadOnlyDictionary<ContentFlags, Evidence> Flags,
    IReadOnlyDictionary<string, Evidence> Categories)
{
    public static readonly EvidenceIndex Empty = new(new Dictionary<string, Evidence>(), new Dictionary<ContentFlags, Evidence>(), new Dictionary<string, Evidence>());

    /// <summary>Why the engine chose this category for the agency, while it is still the one chosen; null otherwise.</summary>
    public Evidence? Category(string agencyId, string code) => code.Length == 0 ? null : Categories.GetValueOrDefault(EvidenceTerm.Of(agencyId, code));
}

public enum SaveStatus
{
    Saved,
    NotFound,

    /// <summary>The image changed since the version the save started from; nothing was written.</summary>
    Conflict,
}

/// <param name="Document">The saved document, or on a conflict the newer one now stored; null when not found.</param>
public sealed record SaveResult(SaveStatus Status, EditorDocument? Document);

/// <summary>
/// Loads and saves an account's image metadata with an optimistic version check: what the editor page and
/// the metadata API both go through.
/// </summary>
public sealed class MetadataEditor(AppDbContext db, IAccountSettings settings, TimeProvider time)
{
    public const string ConflictMessage =
        "This image was changed in another tab or by tagging since you opened it, so your last change was not saved. "
        + "Load the newer version, or keep yours and overwrite it.";

    /// <summary>The image when <paramref name="ownerId"/> owns it, else null.</summary>
    public async Task<EditorDocument?> GetAsync(Guid ownerId, Guid imageId, CancellationToken cancellationToken)
    {
        var image = await db.Set<StockImage>().AsNoTracking().OwnedBy(ownerId).SingleOrDefaultAsync(i => i.Id == imageId, cancellationToken);
        return image is null ? null : EditorDocument.From(image, await settings.GetChecksAsync(ownerId, cancellationToken));
    }

    /// <summary>
    /// Saves <paramref name="metadata"/> (tidied, see <see cref="MetadataInput.Tidy"/>) if the stored version is still
    /// <paramref name="version"/>. The check is in the UPDATE itself, so two saves racing cannot both win.
    /// </summary>
    public async Task<SaveResult> SaveAsync(Guid ownerId, Guid imageId, int version, ImageMetadata metadata, CancellationToken cancellationToken)
    {
        var image = await db.Set<StockImage>().OwnedBy(ownerId).SingleOrDefaultAsync(i => i.Id == imageId, cancellationToken);
        if (image is null)
        {
            return new SaveResult(SaveStatus.NotFound, null);
        }

        var checks = await settings.GetChecksAsync(ownerId, cancellationToken);
        if (image.Version != version)
        {
            return new SaveResult(SaveStatus.Conflict, EditorDocument.From(image, checks));
        }

        var tidied = MetadataInput.Tidy(metadata);
        if (!string.Equals(tidied.Title, image.Title, StringComparison.Ordinal))
        {
            // A title the user rewrote is theirs: the engine's reasons for its own no longer apply.
            image.Evidence = [.. image.Evidence.Where(evidence => evidence.Term != EvidenceTerm.Title)];
        }

        image.Apply(tidied);
        image.UpdatedAt = time.GetUtcNow().UtcDateTime;
        image.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await GetAsync(ownerId, imageId, cancellationToken) is { } newer
                ? new SaveResult(SaveStatus.Conflict, newer)
                : new SaveResult(SaveStatus.NotFound, null);
        }

        return new SaveResult(SaveStatus.Saved, EditorDocument.From(image, checks));
    }
}
