using Microsoft.EntityFrameworkCore;
using TagMyStock.Web.Infrastructure.Data;

namespace TagMyStock.Web.Features.Jobs;

/// <summary>
/// With Hangfire's queue in memory, a restart forgets it: at start, every job whose row is not finished is handed
/// to Hangfire again, and its handler resumes from its checkpoint.
/// </summary>
internal sealed partial class UnfinishedJobs(IServiceScopeFactory scopes, ILogger<UnfinishedJobs> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var queue = scope.ServiceProvider.GetRequiredService<JobQueue>();
            var unfinished = await db.Set<Job>()
                .Where(job => job.State == JobState.Queued || job.State == JobState.Running)
                .OrderBy(job => job.CreatedAt)
                .ToListAsync(cancellationToken);
            foreach (var job in unfinished)
            {
                job.State = JobState.Queued;
                await queue.HandOverAsync(job, cancellationToken);
            }

            if (unfinished.Count > 0)
            {
                LogResumed(logger, unfinished.Count);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Without a migrated database there is nothing to resume; new jobs still run.
            LogResumeFailed(logger, exception);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Information, "Handed {Count} unfinished jobs to the executor again")]
    private static partial void LogResumed(ILogger logger, int count);

    [LoggerMessage(LogLevel.Warning, "Unfinished jobs could not be resumed")]
    private static partial void LogResumeFailed(ILogger logger, Exception exception);
}
