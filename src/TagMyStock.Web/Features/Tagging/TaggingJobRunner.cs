using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using TagMyStock.Web.Infrastructure.Data;

namespace TagMyStock.Web.Features.Tagging;

/// <summary>The ids of jobs waiting for <see cref="TaggingJobRunner"/>.</summary>
public sealed class TaggingJobQueue
{
    private readonly Channel<Guid> _jobs = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(Guid jobId) => _jobs.Writer.TryWrite(jobId);

    internal ChannelReader<Guid> Reader => _jobs.Reader;
}

/// <summary>
/// Runs tagging jobs one at a time, each image in a scope of its own so that one image's failure cannot
/// spoil the next. At start it takes up the jobs a stop left unfinished; the database is the truth, the
/// queue only a wake-up call.
/// </summary>
internal sealed partial class TaggingJobRunner(
    TaggingJobQueue queue,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<TaggingJobRunner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await EnqueueUnfinishedAsync(stoppingToken);
        await foreach (var jobId in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await RunAsync(jobId, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogJobFailed(logger, exception, jobId);
            }
        }
    }

    private async Task EnqueueUnfinishedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var unfinished = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<TaggingJob>()
                .Where(job => job.State != TaggingJobState.Finished)
                .OrderBy(job => job.CreatedAt)
                .Select(job => job.Id)
                .ToListAsync(cancellationToken);
            unfinished.ForEach(queue.Enqueue);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Without a migrated database there is nothing to resume; new jobs still run.
            LogResumeFailed(logger, exception);
        }
    }

    private async Task RunAsync(Guid jobId, CancellationToken cancellationToken)
    {
        await using var jobScope = scopes.CreateAsyncScope();
        var db = jobScope.ServiceProvider.GetRequiredService<AppDbContext>();
        var job = await db.Set<TaggingJob>().SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken);
        if (job is null || job.State == TaggingJobState.Finished)
        {
            return;
        }

        job.State = TaggingJobState.Running;
        foreach (var imageId in job.ImageIds.Skip(job.Processed).ToList())
        {
            var failure = await TagOneAsync(job, imageId, cancellationToken);
            if (failure is null)
            {
                job.Done++;
            }
            else
            {
                job.Failed++;
                job.Failures = [.. job.Failures, new TaggingFailure(imageId, failure)];
            }

            job.UpdatedAt = time.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
        }

        job.State = TaggingJobState.Finished;
        job.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Tags one image; the reason it failed, in words for the contributor, or null when it worked.</summary>
    private async Task<string?> TagOneAsync(TaggingJob job, Guid imageId, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<TaggingService>().TagAsync(job.OwnerId, imageId, job.Hint, cancellationToken);
            return outcome is null ? "The image was deleted before it could be tagged." : null;
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

    [LoggerMessage(LogLevel.Error, "Tagging job {JobId} stopped with an error")]
    private static partial void LogJobFailed(ILogger logger, Exception exception, Guid jobId);

    [LoggerMessage(LogLevel.Warning, "Unfinished tagging jobs could not be resumed")]
    private static partial void LogResumeFailed(ILogger logger, Exception exception);

    [LoggerMessage(LogLevel.Error, "Tagging image {ImageId} of job {JobId} failed")]
    private static partial void LogImageFailed(ILogger logger, Exception exception, Guid imageId, Guid jobId);
}
