using System.Text.Json;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using TagMyStock.Web.Infrastructure.Data;

namespace TagMyStock.Web.Features.Jobs;

/// <summary>How features start and stop background work; the job's row is written before the executor hears of it.</summary>
public interface IJobQueue
{
    /// <summary>Records a job for <paramref name="ownerId"/> and hands it to the executor.</summary>
    /// <param name="detail">What the UI shows of the job before it starts (see <see cref="Job.Detail"/>).</param>
    Task<Job> EnqueueAsync(Guid ownerId, string kind, object input, object? detail, CancellationToken cancellationToken);

    /// <summary>
    /// Records a job under <paramref name="jobId"/>, chosen and checkpointed by the caller beforehand, unless it is
    /// recorded already: a handler resumed after a crash that asks again gets the job it started, not a second one.
    /// </summary>
    Task<Job> EnqueueOnceAsync(Guid jobId, Guid ownerId, string kind, object input, object? detail, CancellationToken cancellationToken);

    /// <summary>Asks the owner's job to stop: a queued job is cancelled at once, a running one at its next progress report.</summary>
    /// <returns>The job, or null when the owner has no such job.</returns>
    Task<Job?> CancelAsync(Guid ownerId, Guid jobId, CancellationToken cancellationToken);
}

public sealed class JobQueue(AppDbContext db, IBackgroundJobClient executor, TimeProvider time) : IJobQueue
{
    public Task<Job> EnqueueAsync(Guid ownerId, string kind, object input, object? detail, CancellationToken cancellationToken) =>
        RecordAsync(Guid.CreateVersion7(), ownerId, kind, input, detail, cancellationToken);

    public async Task<Job> EnqueueOnceAsync(Guid jobId, Guid ownerId, string kind, object input, object? detail, CancellationToken cancellationToken) =>
        await db.Set<Job>().SingleOrDefaultAsync(job => job.Id == jobId && job.OwnerId == ownerId, cancellationToken)
            ?? await RecordAsync(jobId, ownerId, kind, input, detail, cancellationToken);

    private async Task<Job> RecordAsync(Guid jobId, Guid ownerId, string kind, object input, object? detail, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var job = new Job
        {
            Id = jobId,
            OwnerId = ownerId,
            Kind = kind,
            State = JobState.Queued,
            Input = JsonSerializer.Serialize(input, input.GetType(), JobContext.Json),
            Detail = detail is null ? null : JsonSerializer.Serialize(detail, detail.GetType(), JobContext.Json),
            CreatedAt = now,
            UpdatedAt = now,
        };
        // The place where a job's credits will be reserved, in the same save as the job itself.
        db.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        await HandOverAsync(job, cancellationToken);
        return job;
    }

    public async Task<Job?> CancelAsync(Guid ownerId, Guid jobId, CancellationToken cancellationToken)
    {
        var job = await db.Set<Job>().SingleOrDefaultAsync(j => j.Id == jobId && j.OwnerId == ownerId, cancellationToken);
        if (job is null || job.IsFinished)
        {
            return job;
        }

        job.CancelRequested = true;
        if (job.State == JobState.Queued)
        {
            JobExecutor.Finish(job, JobState.Cancelled, error: null, time);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (job.ExecutorId is not null)
        {
            // A running handler's cancellation token fires, so it need not wait for its next progress report.
            executor.Delete(job.ExecutorId);
        }
        return job;
    }

    /// <summary>Gives a recorded job to the executor, now or after <paramref name="delay"/>, and notes which run owns it.</summary>
    internal async Task HandOverAsync(Job job, CancellationToken cancellationToken, TimeSpan? delay = null)
    {
        job.ExecutorId = delay is { } wait
            ? executor.Schedule<JobExecutor>(run => run.RunAsync(job.Id, CancellationToken.None), wait)
            : executor.Enqueue<JobExecutor>(run => run.RunAsync(job.Id, CancellationToken.None));
        await db.SaveChangesAsync(cancellationToken);
    }
}
