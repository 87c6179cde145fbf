using Microsoft.EntityFrameworkCore;
using TagMyStock.Core.Preparation;
using TagMyStock.Core.Tagging;
using TagMyStock.Web.Features.Gallery;
using TagMyStock.Web.Features.Settings;
using TagMyStock.Web.Infrastructure.Data;

namespace TagMyStock.Web.Features.Tagging;

/// <summary>The metadata one tagging run saved on an image, and what the engine said about it.</summary>
public sealed record TagOutcome(StockImage Image, TaggingResult Result, PreparedImage Prepared);

/// <summary>
/// Runs the registered <see cref="ITaggingEngine"/> on an image and saves the result, prepared for the
/// account's agencies exactly as the command line's <c>tag</c> prepares it (Core's <see cref="AgencyPreparation"/>).
/// </summary>
public sealed class TaggingService(AppDbContext db, ITaggingEngine engine, IAccountSettings settings, TimeProvider time)
{
    /// <summary>
    /// Tags the image when it belongs to <paramref name="ownerId"/>; null when there is no such image. The saved
    /// metadata is fixed for every chosen agency (what an embedded file would carry), and the version goes up.
    /// </summary>
    /// <exception cref="DbUpdateConcurrencyException">The image changed while the engine ran.</exception>
    public async Task<TagOutcome?> TagAsync(Guid ownerId, Guid imageId, string? hint, CancellationToken cancellationToken)
    {
        var image = await db.Set<StockImage>().OwnedBy(ownerId).SingleOrDefaultAsync(i => i.Id == imageId, cancellationToken);
        if (image is null)
        {
            return null;
        }

        var agencies = await settings.GetAgenciesAsync(ownerId, cancellationToken);
        var input = new TaggingInput(image.FileName, string.IsNullOrWhiteSpace(hint) ? null : hint.Trim(), image.GenerationPrompt, image.Metadata);
        var result = await engine.TagAsync(input, cancellationToken);
        var prepared = AgencyPreparation.Prepare(image.FileName, result.Metadata, agencies, rules: null) with { Prompt = image.GenerationPrompt };

        var now = time.GetUtcNow().UtcDateTime;
        image.Apply(prepared.ForEmbedding);
        image.TaggedBy = result.Engine;
        image.TaggedAt = now;
        image.UpdatedAt = now;
        image.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return new TagOutcome(image, result, prepared);
    }
}
