using TagMyStock.Core.Tagging;
using TagMyStock.Web.Features.Usage;
using TagMyStock.Web.Infrastructure.ExternalServices;

namespace TagMyStock.Web.Features.Tagging;

/// <summary>
/// One image tagged while the person waits (the API's <c>POST /api/images/{id}/tag</c>, the editor's button), with
/// its usage record: the engine, and for a vision model the tokens and the provider's cost. A remote engine's
/// failure is recorded too (no image delivered), then passed on for the caller to explain.
/// </summary>
public sealed class InteractiveTagging(TaggingService tagging, IUsageLog usage, TimeProvider time)
{
    /// <returns>What was saved, or null when the owner has no such image (nothing is recorded then).</returns>
    /// <exception cref="ExternalServiceException">The remote engine failed; nothing was saved.</exception>
    /// <exception cref="Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException">The image changed while the engine ran.</exception>
    public async Task<TagOutcome?> TagAsync(Guid ownerId, Guid imageId, string? hint, string engine, CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow().UtcDateTime;
        var started = time.GetTimestamp();
        TagOutcome? outcome;
        try
        {
            outcome = await tagging.TagAsync(ownerId, imageId, hint, engine, cancellationToken);
        }
        catch (ExternalServiceException failure)
        {
            await usage.RecordAsync(
                new UsageOperation(ownerId, JobId: null, TagSelectionJob.Kind, startedAt, time.GetElapsedTime(started), UsageResult.Failed),
                [TaggingUsage.Failed(engine, failure, imageId)],
                cancellationToken);
            throw;
        }

        if (outcome is not null)
        {
            await usage.RecordAsync(
                new UsageOperation(ownerId, JobId: null, TagSelectionJob.Kind, startedAt, time.GetElapsedTime(started), UsageResult.Succeeded),
                [TaggingUsage.Of(outcome.Result, imageId)],
                cancellationToken);
        }

        return outcome;
    }
}

/// <summary>What a tagging run used, as a usage entry.</summary>
internal static class TaggingUsage
{
    public static UsageEntry Of(TaggingResult result, Guid imageId) => Entry(result.Engine, result.Usage, images: 1, imageId);

    /// <summary>A failed run: no image delivered, but what the provider billed for it, when it says.</summary>
    public static UsageEntry Failed(string engine, ExternalServiceException failure, Guid imageId) => Entry(engine, failure.BilledUsage, images: 0, imageId);

    private static UsageEntry Entry(string engine, EngineUsage? paid, int images, Guid imageId) => paid is not null
        ? new UsageEntry(engine, paid.Model, images, paid.PromptTokens, paid.CompletionTokens, paid.Cost, imageId)
        : new UsageEntry(engine, Model: null, images, ImageId: imageId);
}
