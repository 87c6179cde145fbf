using Microsoft.EntityFrameworkCore;
using TagMyStock.Web.Features.Jobs;
using TagMyStock.Web.Features.Usage;

namespace TagMyStock.Web.Features.Tagging;

/// <summary>
/// Tags a selection in the background, image after image, each in a scope of its own so that one image's
/// failure cannot spoil the next. The checkpoint says how far it got, so a restart goes on from there.
/// </summary>
internal sealed partial class TagSelectionJob(IServiceScopeFactory scopes, ILogger<TagSelectionJob> logger) : IJobHandler
{
    public const string Kind = "tag";

    public async Task RunAsync(JobContext job, CancellationToken cancellationToken)
    {
        var input = job.Input<TagSelectionInput>();
        var progress = job.Checkpoint<TagSelectionProgress>() ?? new TagSelectionProgress(0, 0, []);
        foreach (var imageId in input.ImageIds.Skip(progress.Processed))
        {
            var failure = await TagOneAsync(job, imageId, input.Hint, cancellationToken);
            progress = failure is null
                ? progress with { Done = progress.Done + 1 }
                : progress with { Failed = progress.Failed + 1, Failures = [.. progress.Failures, new TaggingFailure(imageId, failure)] };
            await job.SaveCheckpointAsync(progress, cancellationToken);
            await job.ReportAsync(
                input.ImageIds.Count == 0 ? 100 : progress.Processed * 100 / input.ImageIds.Count,
                $"Tagged {progress.Processed} of {input.ImageIds.Count}",
                TagSelectionDetail.From(input, progress),
                cancellationToken);
        }

        await job.ReportAsync(100, $"Tagged {progress.Done} of {input.ImageIds.Count}", TagSelectionDetail.From(input, progress), cancellationToken);
    }

    /// <summary>Tags one image; the reason it failed, in words for the contributor, or null when it worked.</summary>
    private async Task<string?> TagOneAsync(JobContext job, Guid imageId, string? hint, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<TaggingService>().TagAsync(job.OwnerId, imageId, hint, cancellationToken);
            if (outcome is null)
            {
                return "The image was deleted before it could be tagged.";
            }

            job.RecordUsage(new UsageEntry(outcome.Result.Engine, Model: null, Images: 1));
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return "The image was changed while it was being tagged; its newer metadata was kept. Tag it again if you want.";
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogImageFailed(logger, exception, imageId, job.Id);
            return "The tagging engine failed on this image.";
        }
    }

    [LoggerMessage(LogLevel.Error, "Tagging image {ImageId} of job {JobId} failed")]
    private static partial void LogImageFailed(ILogger logger, Exception exception, Guid imageId, Guid jobId);
}

/// <param name="ImageIds">The owner's images of the selection, in order; ids of other accounts or of no image never get here.</param>
/// <param name="NotFound">How many selected ids were not the owner's images.</param>
internal sealed record TagSelectionInput(IReadOnlyList<Guid> ImageIds, string? Hint, int NotFound);

internal sealed record TagSelectionProgress(int Done, int Failed, IReadOnlyList<TaggingFailure> Failures)
{
    public int Processed => Done + Failed;
}

/// <summary>Why one image of a selection could not be tagged; the job goes on with the others.</summary>
public sealed record TaggingFailure(Guid ImageId, string Message);

/// <summary>A tagging job's <see cref="JobResponse.Detail"/>.</summary>
/// <param name="Total">The account's images in the selection; <paramref name="NotFound"/> counts the other ids.</param>
public sealed record TagSelectionDetail(int Total, int Done, int Failed, int NotFound, IReadOnlyList<TaggingFailure> Failures)
{
    internal static TagSelectionDetail From(TagSelectionInput input, TagSelectionProgress progress) =>
        new(input.ImageIds.Count, progress.Done, progress.Failed, input.NotFound, progress.Failures);
}
