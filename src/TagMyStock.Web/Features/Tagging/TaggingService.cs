using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TagMyStock.Core.Preparation;
using TagMyStock.Core.Rules;
using TagMyStock.Core.Tagging;
using TagMyStock.Web.Features.Gallery;
using TagMyStock.Web.Features.Gallery.Derivatives;
using TagMyStock.Web.Features.Settings;
using TagMyStock.Web.Infrastructure;
using TagMyStock.Web.Infrastructure.Data;
using TagMyStock.Web.Infrastructure.Storage;

namespace TagMyStock.Web.Features.Tagging;

/// <summary>The metadata one tagging run saved on an image, and what the engine said about it.</summary>
/// <param name="Rules">The account's own rules the metadata was prepared with, to check it against with the agencies.</param>
public sealed record TagOutcome(StockImage Image, TaggingResult Result, PreparedImage Prepared, UserRules Rules);

/// <summary>
/// Runs the chosen engine (<see cref="TaggingEngines"/>) on an image and saves the result, prepared for the
/// account's agencies and its own rules exactly as the command line's <c>tag</c> prepares it (Core's <see cref="AgencyPreparation"/>).
/// The engine gets the image's pixels (the preview when the original is larger, which analysis shrinks far below
/// either), the account's agencies to aim at, the generation prompt of an AI image, and the account's own tagged
/// images to learn from, never another account's.
/// </summary>
public sealed class TaggingService(
    AppDbContext db,
    TaggingEngines engines,
    IAccountSettings settings,
    ITaggedLibrary library,
    IBlobStore blobs,
    DecodeGate decodes,
    IOptions<TagMyStockOptions> app,
    TimeProvider time)
{
    /// <summary>
    /// Tags the image with the engine keyed <paramref name="engine"/> when it belongs to <paramref name="ownerId"/>;
    /// null when there is no such image. The saved metadata is fixed for every chosen agency (what an embedded file
    /// would carry), and the version goes up.
    /// </summary>
    /// <exception cref="DbUpdateConcurrencyException">The image changed while the engine ran.</exception>
    /// <exception cref="Infrastructure.ExternalServices.ExternalServiceException">A remote engine failed; nothing was saved.</exception>
    public async Task<TagOutcome?> TagAsync(Guid ownerId, Guid imageId, string? hint, string engine, CancellationToken cancellationToken)
    {
        var image = await db.Set<StockImage>().OwnedBy(ownerId).SingleOrDefaultAsync(i => i.Id == imageId, cancellationToken);
        if (image is null)
        {
            return null;
        }

        var (agencies, rules) = await settings.GetChecksAsync(ownerId, cancellationToken);
        var input = new TaggingInput(image.FileName, string.IsNullOrWhiteSpace(hint) ? null : hint.Trim(), image.GenerationPrompt, image.Metadata)
        {
            Library = await library.ForAccountAsync(ownerId, cancellationToken),
            LibraryId = image.LibraryId,
            Agencies = agencies,
            Rules = rules,
        };
        var result = await RunEngineAsync(engine, image, input, cancellationToken);
        var prepared = AgencyPreparation.Prepare(image.FileName, result.Metadata, agencies, rules) with { Prompt = image.GenerationPrompt };

        var now = time.GetUtcNow().UtcDateTime;
        image.Apply(prepared.ForEmbedding);
        image.Evidence = KeptEvidence.For(prepared.ForEmbedding, result.Evidence, result.Metadata.Title, rules);
        if (result.Embedding is { } embedding)
        {
            image.SetEmbedding(embedding);
        }

        image.TaggedBy = result.Engine;
        image.TaggedAt = now;
        image.UpdatedAt = now;
        image.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return new TagOutcome(image, result, prepared, rules);
    }

    /// <summary>
    /// Runs the engine on a local copy of the image, which is deleted right after; without a stored copy the
    /// local engine still has the image's text. Only the local engine's run takes a <see cref="DecodeGate"/> slot:
    /// it decodes and analyses the full picture, where the vision-model engine shrinks it on load and then waits
    /// seconds on the network, which would keep uploads and previews waiting for nothing.
    /// </summary>
    private async Task<TaggingResult> RunEngineAsync(string engineKey, StockImage image, TaggingInput input, CancellationToken cancellationToken)
    {
        var engine = engines.Get(engineKey);
        await using var pixels = await OpenPixelsAsync(image, cancellationToken);
        if (pixels is null)
        {
            return await engine.TagAsync(input, cancellationToken);
        }

        await using var copy = await WorkFiles.CopyOfAsync(pixels, Path.Combine(app.Value.DataPath, "tagging"), Path.GetExtension(image.OriginalKey), cancellationToken);
        using (engineKey == TaggingEngines.Local ? await decodes.EnterAsync(cancellationToken) : null)
        {
            return await engine.TagAsync(input with { ImagePath = copy.Name }, cancellationToken);
        }
    }

    /// <summary>
    /// The preview when there is one and the original is larger (a fraction of the bytes, and analysis works at
    /// 640 px, far below the preview's 1600), else the original.
    /// </summary>
    private async Task<Stream?> OpenPixelsAsync(StockImage image, CancellationToken cancellationToken)
    {
        if (image.Derivatives == DerivativeState.Ready && Math.Max(image.Width, image.Height) > ThumbnailMaker.PreviewSize
            && await blobs.OpenReadAsync(BlobKeys.Preview(image.OwnerId, image.Id), cancellationToken) is { } preview)
        {
            return preview;
        }

        return await blobs.OpenReadAsync(image.OriginalKey, cancellationToken);
    }
}
