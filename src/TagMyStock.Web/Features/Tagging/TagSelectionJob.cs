using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TagMyStock.Web.Features.Jobs;
using TagMyStock.Web.Features.Tagging.OpenRouter;
using TagMyStock.Web.Features.Usage;
using TagMyStock.Web.Infrastructure.ExternalServices;

namespace TagMyStock.Web.Features.Tagging;

/// <summary>
/// Tags a selection in the background with the chosen engine, image after image, each in a scope of its own so
/// that one image's failure cannot spoil the next. The checkpoint says how far it got and what the images done so
/// far used, so a retry or a restart goes on from there and the usage record still counts every paid call.
/// </summary>
/// <remarks>
/// A remote engine's failures: a transient one (rate limit, outage, timeout) is retried on the same image, up to
/// <see cref="ImageAttempts"/> tries, waiting at least the service's Retry-After; an outage that outlasts them, or
/// a Retry-After longer than a worker should sit idle (<see cref="OpenRouterOptions.MaxRetryAfter"/>), hands the
/// job back to the executor as a transient failure, which runs it again later from this image. A failure of the
/// key or the account (no credit, bad key, no key, a request the service refuses as invalid) stops the job: every
/// other image would fail the same way. A refusal or an unreadable answer fails that image only.
/// </remarks>
internal sealed partial class TagSelectionJob(
    IServiceScopeFactory scopes,
    IOptions<OpenRouterOptions> remote,
    TimeProvider time,
    ILogger<TagSelectionJob> logger) : IJobHandler
{
    public const string Kind = "tag";

    /// <summary>Tries at one image when a remote engine fails transiently, before the job is handed back to the executor.</summary>
    internal const int ImageAttempts = 3;

    public async Task RunAsync(JobContext job, CancellationToken cancellationToken)
    {
        var input = job.Input<TagSelectionInput>();
        var progress = job.Checkpoint<TagSelectionProgress>() ?? TagSelectionProgress.None;
        if (progress.Spent is { } earlier)
        {
            // What earlier attempts used: their usage went with them, the checkpoint kept the sum.
            job.RecordUsage(earlier.ToEntry(input.Engine));
        }

        // A failed try the provider billed (an error inside a 200 answer) is paid for even when the image is tried
        // again: it joins the usage and the checkpoint at once, so that a job handed back keeps it too.
        async Task RecordBilledTryAsync(UsageEntry billed)
        {
            job.RecordUsage(billed);
            progress = progress with { Spent = TaggingSpend.Add(progress.Spent, billed) };
            await job.SaveCheckpointAsync(progress, cancellationToken);
        }

        foreach (var (imageId, index) in input.ImageIds.Select((id, index) => (id, index)).Skip(progress.Processed))
        {
            var (failure, usage) = await TagWithRetriesAsync(job, input, index, imageId, RecordBilledTryAsync, cancellationToken);
            if (usage is not null)
            {
                job.RecordUsage(usage);
            }

            progress = failure is null
                ? progress with { Done = progress.Done + 1 }
                : progress with { Failed = progress.Failed + 1, Failures = [.. progress.Failures, new TaggingFailure(imageId, failure)] };
            progress = progress with { Spent = TaggingSpend.Add(progress.Spent, usage) };
            await job.SaveCheckpointAsync(progress, cancellationToken);
            await job.ReportAsync(
                input.ImageIds.Count == 0 ? 100 : progress.Processed * 100 / input.ImageIds.Count,
                $"Tagged {progress.Processed} of {input.ImageIds.Count}",
                TagSelectionDetail.From(input, progress),
                cancellationToken);
        }

        await job.ReportAsync(100, $"Tagged {progress.Done} of {input.ImageIds.Count}", TagSelectionDetail.From(input, progress), cancellationToken);
    }

    /// <exception cref="JobFailedException">The job cannot go on now: for good, or (transient) until the executor runs it again.</exception>
    /// <param name="recordBilledTry">Records a try that failed but was billed, before the image is tried again or the job stops.</param>
    private async Task<ImageResult> TagWithRetriesAsync(
        JobContext job, TagSelectionInput input, int index, Guid imageId, Func<UsageEntry, Task> recordBilledTry, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TagOneAsync(job, input, imageId, cancellationToken);
            }
            catch (ExternalServiceException failure) when (StopsTheJob(failure))
            {
                await RecordIfBilledAsync(failure);
                throw new JobFailedException(failure.Message, transient: false, inner: failure);
            }
            catch (ExternalServiceException failure) when (IsWorthRetrying(failure))
            {
                await RecordIfBilledAsync(failure);
                var wait = Backoff(attempt, failure.RetryAfter);
                if (attempt >= ImageAttempts || wait > remote.Value.MaxRetryAfter)
                {
                    throw new JobFailedException(failure.Message, transient: true, failure.RetryAfter, failure);
                }

                await job.ReportAsync(
                    input.ImageIds.Count == 0 ? 0 : index * 100 / input.ImageIds.Count,
                    string.Create(CultureInfo.InvariantCulture, $"Trying image {index + 1} again in {Math.Ceiling(wait.TotalSeconds)} s: {failure.Message}"),
                    detail: null,
                    cancellationToken);
                await Task.Delay(wait, time, cancellationToken);
            }
            catch (ExternalServiceException failure)
            {
                // Refused or unreadable: this image's answer, not the service's state; the others may well work.
                LogImageRefused(logger, imageId, job.Id, failure.Failure);
                return new ImageResult(failure.Message, TaggingUsage.Failed(input.Engine, failure, imageId));
            }
        }

        Task RecordIfBilledAsync(ExternalServiceException failure) =>
            failure.BilledUsage is null ? Task.CompletedTask : recordBilledTry(TaggingUsage.Failed(input.Engine, failure, imageId));
    }

    /// <summary>Tags one image; the reason it failed, in words for the contributor, or what it used when it worked.</summary>
    private async Task<ImageResult> TagOneAsync(JobContext job, TagSelectionInput input, Guid imageId, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<TaggingService>().TagAsync(job.OwnerId, imageId, input.Hint, input.Engine, cancellationToken);
            return outcome is null
                ? new ImageResult("The image was deleted before it could be tagged.", Usage: null)
                : new ImageResult(Failure: null, TaggingUsage.Of(outcome.Result, imageId));
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ImageResult("The image was changed while it was being tagged; its newer metadata was kept. Tag it again if you want.", Usage: null);
        }
        catch (Exception exception) when (exception is not (OperationCanceledException or ExternalServiceException))
        {
            LogImageFailed(logger, exception, imageId, job.Id);
            return new ImageResult("The tagging engine failed on this image.", Usage: null);
        }
    }

    /// <summary>The key, the account or the request itself is wrong: every other image would fail the same way.</summary>
    private static bool StopsTheJob(ExternalServiceException failure) => failure.Failure is ExternalServiceFailure.NotConfigured
        or ExternalServiceFailure.Unauthorized
        or ExternalServiceFailure.PaymentRequired
        or ExternalServiceFailure.InvalidRequest
        or ExternalServiceFailure.NotFound;

    /// <summary>
    /// The service's state, which a wait may change. An unreadable answer is transient to the service too, but asking
    /// again about the same image pays again for what is most likely the same answer.
    /// </summary>
    private static bool IsWorthRetrying(ExternalServiceException failure) =>
        failure.IsTransient && failure.Failure != ExternalServiceFailure.MalformedResponse;

    /// <summary>Doubling from the service's retry delay, never sooner than it asked.</summary>
    private TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
    {
        var doubling = remote.Value.RetryDelay * Math.Pow(2, attempt - 1);
        return retryAfter is { } asked && asked > doubling ? asked : doubling;
    }

    private sealed record ImageResult(string? Failure, UsageEntry? Usage);

    [LoggerMessage(LogLevel.Error, "Tagging image {ImageId} of job {JobId} failed")]
    private static partial void LogImageFailed(ILogger logger, Exception exception, Guid imageId, Guid jobId);

    [LoggerMessage(LogLevel.Warning, "The vision model gave no usable answer for image {ImageId} of job {JobId}: {Failure}")]
    private static partial void LogImageRefused(ILogger logger, Guid imageId, Guid jobId, ExternalServiceFailure failure);
}

/// <param name="ImageIds">The owner's images of the selection, in order; ids of other accounts or of no image never get here.</param>
/// <param name="NotFound">How many selected ids were not the owner's images.</param>
/// <param name="Engine">The key of the engine chosen (<see cref="TaggingEngines"/>); jobs recorded before the choice existed ran the local one.</param>
internal sealed record TagSelectionInput(IReadOnlyList<Guid> ImageIds, string? Hint, int NotFound, string Engine = TaggingEngines.Local);

/// <param name="Spent">What the images processed so far used (billed failures included), summed: the usage of attempts before this one.</param>
internal sealed record TagSelectionProgress(int Done, int Failed, IReadOnlyList<TaggingFailure> Failures, TaggingSpend? Spent = null)
{
    public static TagSelectionProgress None { get; } = new(0, 0, []);

    public int Processed => Done + Failed;
}

/// <summary>A running sum of usage entries, small enough to save with every checkpoint.</summary>
internal sealed record TaggingSpend(string? Model, int Images, int PromptTokens, int CompletionTokens, decimal? ProviderCost)
{
    public static TaggingSpend? Add(TaggingSpend? sum, UsageEntry? entry) => entry is null
        ? sum
        : new TaggingSpend(
            entry.Model ?? sum?.Model,
            (sum?.Images ?? 0) + entry.Images,
            (sum?.PromptTokens ?? 0) + entry.PromptTokens,
            (sum?.CompletionTokens ?? 0) + entry.CompletionTokens,
            sum?.ProviderCost is null && entry.ProviderCost is null ? null : (sum?.ProviderCost ?? 0) + (entry.ProviderCost ?? 0));

    public UsageEntry ToEntry(string engine) => new(engine, Model, Images, PromptTokens, CompletionTokens, ProviderCost);
}

/// <summary>Why one image of a selection could not be tagged; the job goes on with the others.</summary>
public sealed record TaggingFailure(Guid ImageId, string Message);

/// <summary>A tagging job's <see cref="JobResponse.Detail"/>.</summary>
/// <param name="Total">The account's images in the selection; <paramref name="NotFound"/> counts the other ids.</param>
/// <param name="Engine">The key of the engine that tags them.</param>
public sealed record TagSelectionDetail(int Total, int Done, int Failed, int NotFound, IReadOnlyList<TaggingFailure> Failures, string Engine)
{
    internal static TagSelectionDetail From(TagSelectionInput input, TagSelectionProgress progress) =>
        new(input.ImageIds.Count, progress.Done, progress.Failed, input.NotFound, progress.Failures, input.Engine);
}
