using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TagMyStock.Web.Features.Usage;
using TagMyStock.Web.Infrastructure.Data;

namespace TagMyStock.Web.Features.Jobs;

/// <summary>
/// What Hangfire runs: one attempt at one job, judged from and recorded in the job's row. Retries are decided
/// here rather than by Hangfire's filter, so that a permanent failure is never retried, a transient one waits
/// at least as long as the service asked, and the row always says what will happen next.
/// </summary>
public sealed partial class JobExecutor(
    AppDbContext db,
    IServiceProvider services,
    JobQueue queue,
    IUsageLog usage,
    IOptions<JobOptions> options,
    TimeProvider time,
    ILogger<JobExecutor> logger)
{
    /// <param name="cancellationToken">Hangfire's: signalled when the server stops or the run is deleted.</param>
    /// <remarks>
    /// The handler's failures never reach Hangfire. What does (the database failing while the job's start or end
    /// is saved) is retried by Hangfire a few times, so that the row is not left unfinished with no run to finish it.
    /// </remarks>
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [5, 30, 120])]
    public async Task RunAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var job = await db.Set<Job>().SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken);
        if (job is null || job.IsFinished)
        {
            return;
        }

        if (job.CancelRequested)
        {
            Finish(job, JobState.Cancelled, error: null, time);
            await db.SaveChangesAsync(CancellationToken.None);
            return;
        }

        job.State = JobState.Running;
        job.Attempts++;
        job.StartedAt ??= time.GetUtcNow().UtcDateTime;
        job.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);

        var started = time.GetTimestamp();
        var context = new JobContext(job, db, time);
        JobState outcome;
        try
        {
            await services.GetRequiredKeyedService<IJobHandler>(job.Kind).RunAsync(context, cancellationToken);
            job.Percent = 100;
            outcome = JobState.Succeeded;
        }
        catch (OperationCanceledException)
        {
            if (!await context.IsCancelRequestedAsync(CancellationToken.None))
            {
                // The server is stopping: the row stays Running, and the next start resumes it from its checkpoint.
                throw;
            }

            outcome = JobState.Cancelled;
        }
        catch (JobFailedException failure) when (failure.Transient && job.Attempts < options.Value.MaxAttempts)
        {
            await RetryLaterAsync(job, failure.Message, failure.RetryAfter);
            return;
        }
        catch (JobFailedException failure)
        {
            job.Error = failure.Message;
            outcome = JobState.Failed;
        }
        catch (Exception exception)
        {
            LogUnexpectedFailure(logger, exception, job.Id, job.Kind);
            const string unexpected = "An unexpected error stopped the job.";
            if (job.Attempts < options.Value.MaxAttempts)
            {
                await RetryLaterAsync(job, unexpected, retryAfter: null);
                return;
            }

            job.Error = unexpected;
            outcome = JobState.Failed;
        }

        // The place where a job's reserved credits will be captured (succeeded) or released (failed, cancelled).
        // The job's end and its usage record are saved together (one context): a finished job always has its record.
        Finish(job, outcome, job.Error, time);
        var result = outcome switch
        {
            JobState.Succeeded => UsageResult.Succeeded,
            JobState.Cancelled => UsageResult.Cancelled,
            _ => UsageResult.Failed,
        };
        await usage.RecordAsync(
            new UsageOperation(job.OwnerId, job.Id, job.Kind, job.StartedAt!.Value, time.GetElapsedTime(started), result),
            context.Usage,
            CancellationToken.None);
    }

    internal static void Finish(Job job, JobState state, string? error, TimeProvider time)
    {
        job.State = state;
        job.Error = error;
        job.FinishedAt = job.UpdatedAt = time.GetUtcNow().UtcDateTime;
        if (state == JobState.Cancelled)
        {
            job.Note = "Cancelled.";
        }
    }

    /// <summary>Exponential backoff from the configured base, never sooner than the service asked, with jitter so retries do not arrive together.</summary>
    internal static TimeSpan Backoff(int attempt, TimeSpan baseDelay, TimeSpan? retryAfter)
    {
        var exponential = baseDelay * Math.Pow(4, Math.Max(0, attempt - 1));
        var delay = TimeSpan.FromTicks(Math.Min(exponential.Ticks, TimeSpan.FromMinutes(30).Ticks));
        delay += delay * (Random.Shared.NextDouble() * 0.2);
        return retryAfter is { } asked && asked > delay ? asked : delay;
    }

    private async Task RetryLaterAsync(Job job, string reason, TimeSpan? retryAfter)
    {
        job.State = JobState.Queued;
        job.Note = $"Will try again: {reason}";
        job.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await queue.HandOverAsync(job, CancellationToken.None, Backoff(job.Attempts, options.Value.RetryBaseDelay, retryAfter));
    }

    [LoggerMessage(LogLevel.Error, "Job {JobId} ({Kind}) failed unexpectedly")]
    private static partial void LogUnexpectedFailure(ILogger logger, Exception exception, Guid jobId, string kind);
}

public sealed class JobOptions
{
    public const string Section = "TagMyStock:Jobs";

    /// <summary>Attempts at a job whose failures are transient (rate limits, timeouts, server errors) before it fails.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The first retry's delay; each next one waits four times longer, up to 30 minutes.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Whether this process runs jobs (a worker) or only records them (a web-only node of a cluster).</summary>
    public bool RunWorker { get; set; } = true;

    /// <summary>Jobs run at once by this process. Most wait on outside services; local tagging uses one core each.</summary>
    public int Workers { get; set; } = Math.Max(2, Environment.ProcessorCount * 2);
}
