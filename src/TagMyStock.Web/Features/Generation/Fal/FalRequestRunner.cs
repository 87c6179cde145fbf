using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TagMyStock.Web.Features.Jobs;
using TagMyStock.Web.Features.Usage;
using TagMyStock.Web.Infrastructure;
using TagMyStock.Web.Infrastructure.Data;
using TagMyStock.Web.Infrastructure.ExternalServices;

namespace TagMyStock.Web.Features.Generation.Fal;

/// <summary>A request a job submitted to FAL: all it needs to follow the request after a restart.</summary>
public sealed record FalRequest(string ModelId, string RequestId, DateTime SubmittedAt);

/// <summary>How a job shows its FAL request while FAL works on it.</summary>
/// <param name="Working">What the model does, for the job's note: "Generating", "Upscaling".</param>
/// <param name="Detail">The job's detail, saved with each note.</param>
/// <param name="BilledIfFinished">The usage to record when a cancelled request turns out to be finished (and billed) already.</param>
public sealed record FalProgress(string Working, object? Detail, UsageEntry BilledIfFinished);

/// <summary>
/// Runs a durable job's FAL request, the same way for every job that pays FAL: <see cref="SubmitAsync{TCheckpoint}"/>
/// saves the request id in the job's checkpoint before anything else can happen; <see cref="FollowAsync"/> waits for
/// FAL to finish it (polling, or FAL's webhook when <see cref="TagMyStockOptions.PublicBaseUrl"/> is set), shows its
/// place in the queue and the model's log, gives up after <see cref="FalOptions.GiveUpAfter"/>, and cancels it at
/// FAL when the user cancels the job; every failed call becomes a <see cref="JobFailedException"/>, transient or not.
/// </summary>
public sealed partial class FalRequestRunner(
    FalQueueClient fal,
    AppDbContext db,
    IOptions<FalOptions> options,
    IOptions<TagMyStockOptions> app,
    TimeProvider time,
    ILogger<FalRequestRunner> logger)
{
    /// <summary>The usage log's engine name for FAL.ai.</summary>
    public const string Engine = "fal";

    private const int QueuedPercent = 10;
    private const int WorkingPercent = 30;

    /// <summary>Where FAL posts its notices, when this server has a public address.</summary>
    public Uri? Webhook => app.Value.PublicBaseUrl is { } baseUrl ? new Uri(baseUrl, FalWebhookApi.Path) : null;

    /// <summary>
    /// Submits <paramref name="input"/> to <paramref name="modelId"/> and saves the job's checkpoint made from the
    /// request at once, whatever the token says: a request FAL accepted is paid for, and must never be forgotten.
    /// </summary>
    public async Task<TCheckpoint> SubmitAsync<TCheckpoint>(JobContext job, string modelId, JsonObject input, Func<FalRequest, TCheckpoint> checkpointFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(checkpointFor);
        var submission = await CallAsync(() => fal.SubmitAsync(modelId, input, Webhook, cancellationToken));
        var checkpoint = checkpointFor(new FalRequest(submission.ModelId, submission.RequestId, time.GetUtcNow().UtcDateTime));
        await job.SaveCheckpointAsync(checkpoint, CancellationToken.None);
        return checkpoint;
    }

    /// <summary>
    /// Returns once FAL has finished the request. A job the user cancels cancels the request too (a queued one then
    /// costs nothing); a server that is stopping leaves it running, to be followed after the restart.
    /// </summary>
    public async Task FollowAsync(JobContext job, FalRequest request, FalProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(progress);
        try
        {
            await WaitUntilFinishedAsync(job, request, progress, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            if (await job.IsCancelRequestedAsync(CancellationToken.None))
            {
                await CancelAtFalAsync(job, request, progress);
                await ForgetAsync(request, CancellationToken.None);
            }

            throw;
        }
        catch (JobFailedException failure) when (!failure.Transient)
        {
            await ForgetAsync(request, CancellationToken.None);
            throw;
        }

        await ForgetAsync(request, cancellationToken);
    }

    /// <summary>The output of a finished request; a model that failed on its input fails the job for good.</summary>
    public Task<FalResult> GetResultAsync(FalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return CallAsync(() => fal.GetResultAsync(request.ModelId, request.RequestId, cancellationToken));
    }

    /// <summary>Copies a result file to <paramref name="destination"/> (see <see cref="FalQueueClient.DownloadAsync"/>).</summary>
    public Task<FalDownload> DownloadAsync(FalImage image, Stream destination, CancellationToken cancellationToken) =>
        CallAsync(() => fal.DownloadAsync(image, destination, cancellationToken));

    private async Task WaitUntilFinishedAsync(JobContext job, FalRequest request, FalProgress progress, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var webhook = Webhook is not null;
        if (webhook)
        {
            await AwaitNoticeAsync(job, request, cancellationToken);
        }

        // With a webhook, FAL says when the request is done and polling is only the fallback for a lost notice;
        // the job still looks at the database every poll interval, for the notice and for the user's cancel.
        DateTimeOffset? lastStatus = null;
        while (true)
        {
            var now = time.GetUtcNow();
            if (!webhook || lastStatus is null || now - lastStatus >= settings.WebhookPollInterval)
            {
                var status = await CallAsync(() => fal.GetStatusAsync(request.ModelId, request.RequestId, cancellationToken));
                if (status.State == FalRequestState.Completed)
                {
                    return;
                }

                lastStatus = now;
                var (percent, note) = Describe(status, progress.Working);
                await job.ReportAsync(percent, note, progress.Detail, cancellationToken);
            }
            else if (await IsNotifiedAsync(request, cancellationToken))
            {
                return;
            }
            else if (await job.IsCancelRequestedAsync(cancellationToken))
            {
                throw new OperationCanceledException("The user cancelled the job.");
            }

            if (now.UtcDateTime - request.SubmittedAt > settings.GiveUpAfter)
            {
                await CancelAtFalAsync(job, request, progress);
                throw new JobFailedException($"FAL.ai did not finish the request within {settings.GiveUpAfter.TotalMinutes:0} minutes; it was cancelled.", transient: false);
            }

            await Task.Delay(settings.PollInterval, time, cancellationToken);
        }
    }

    private static (int Percent, string Note) Describe(FalStatus status, string working) => status.State == FalRequestState.InQueue
        ? (QueuedPercent, status.QueuePosition switch
        {
            null => "Waiting in FAL.ai's queue",
            0 => "Next in FAL.ai's queue",
            var ahead => $"Waiting in FAL.ai's queue: {ahead} request(s) ahead",
        })
        : (WorkingPercent, status.Logs.LastOrDefault(log => !string.IsNullOrWhiteSpace(log.Message)) is { } log
            ? $"{working}: {log.Message}"
            : working);

    /// <summary>
    /// Records that the job waits for this request, so that <see cref="FalWebhookApi"/> knows it. Done here rather than
    /// at submission so that a job resumed after a crash, or submitted before the webhook was set, is known too.
    /// </summary>
    private async Task AwaitNoticeAsync(JobContext job, FalRequest request, CancellationToken cancellationToken)
    {
        if (!await db.Set<AwaitedFalRequest>().AnyAsync(awaited => awaited.RequestId == request.RequestId, cancellationToken))
        {
            db.Set<AwaitedFalRequest>().Add(new AwaitedFalRequest { RequestId = request.RequestId, JobId = job.Id, SubmittedAt = request.SubmittedAt });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private Task<bool> IsNotifiedAsync(FalRequest request, CancellationToken cancellationToken) =>
        db.Set<AwaitedFalRequest>().AnyAsync(awaited => awaited.RequestId == request.RequestId && awaited.NotifiedAt != null, cancellationToken);

    private async Task ForgetAsync(FalRequest request, CancellationToken cancellationToken)
    {
        if (Webhook is not null)
        {
            await db.Set<AwaitedFalRequest>().Where(awaited => awaited.RequestId == request.RequestId).ExecuteDeleteAsync(cancellationToken);
        }
    }

    /// <summary>Asks FAL to drop the request; a failure to ask is logged, never thrown, as the job ends either way.</summary>
    private async Task CancelAtFalAsync(JobContext job, FalRequest request, FalProgress progress)
    {
        try
        {
            if (await fal.CancelAsync(request.ModelId, request.RequestId, CancellationToken.None) == FalCancelOutcome.AlreadyCompleted)
            {
                job.RecordUsage(progress.BilledIfFinished);
            }
        }
        catch (ExternalServiceException exception)
        {
            LogCancelFailed(logger, exception, request.RequestId, job.Id);
        }
    }

    /// <summary>A failed FAL call as a job failure: transient ones are retried by the job, permanent ones end it with FAL's reason.</summary>
    private static async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (ExternalServiceException failure)
        {
            throw new JobFailedException(failure.Message, failure.IsTransient, failure.RetryAfter, failure);
        }
    }

    [LoggerMessage(LogLevel.Warning, "FAL request {RequestId} of job {JobId} could not be cancelled")]
    private static partial void LogCancelFailed(ILogger logger, Exception exception, string requestId, Guid jobId);
}
