using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TagMyStock.Web.Features.Jobs;

namespace TagMyStock.Web.Support;

/// <summary>
/// What a test that waited in vain for a job needs to say: where the executor (Hangfire) has the job, whether
/// this app's server is alive, and what the test apps logged at warning level or above meanwhile.
/// </summary>
internal static class JobDiagnostics
{
    private static readonly ConditionalWeakTable<HttpClient, TestApp> Apps = [];

    /// <summary>
    /// One log for every test app in the process: Hangfire logs through a static provider, set by whichever
    /// app started last, so its warnings about one app may arrive through another's logger factory.
    /// </summary>
    public static ConcurrentQueue<(DateTime At, string Text)> Warnings { get; } = new();

    public static void Register(HttpClient client, TestApp app) => Apps.AddOrUpdate(client, app);

    public static async Task<string> DescribeAsync(HttpClient client, Guid jobId)
    {
        if (!Apps.TryGetValue(client, out var app))
        {
            return "";
        }

        var text = new StringBuilder();
        var executorId = await app.WithDbAsync(db => db.Set<Job>().AsNoTracking()
            .Where(job => job.Id == jobId).Select(job => job.ExecutorId).SingleOrDefaultAsync(TestContext.Current.CancellationToken));
        var monitoring = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        text.Append(CultureInfo.InvariantCulture, $"\nExecutor job {executorId ?? "(none)"}:");
        if (executorId is not null && monitoring.JobDetails(executorId) is { } details)
        {
            foreach (var state in details.History.AsEnumerable().Reverse())
            {
                text.Append(CultureInfo.InvariantCulture, $"\n  {state.CreatedAt:HH:mm:ss.fff} {state.StateName} {state.Reason} {string.Join(", ", state.Data.Select(pair => $"{pair.Key}={Shorten(pair.Value)}"))}");
            }
        }

        foreach (var server in monitoring.Servers())
        {
            text.Append(CultureInfo.InvariantCulture, $"\nServer {server.Name}: {server.WorkersCount} workers, queues {string.Join(",", server.Queues)}, heartbeat {server.Heartbeat:HH:mm:ss.fff}");
        }

        foreach (var queue in monitoring.Queues())
        {
            text.Append(CultureInfo.InvariantCulture, $"\nQueue {queue.Name}: {queue.Length} enqueued, {queue.Fetched} fetched");
        }

        var statistics = monitoring.GetStatistics();
        text.Append(CultureInfo.InvariantCulture, $"\nJobs: {statistics.Enqueued} enqueued, {statistics.Processing} processing, {statistics.Scheduled} scheduled, {statistics.Succeeded} succeeded, {statistics.Failed} failed, now {DateTime.UtcNow:HH:mm:ss.fff}");
        var since = await app.WithDbAsync(db => db.Set<Job>().AsNoTracking()
            .Where(job => job.Id == jobId).Select(job => job.CreatedAt).SingleOrDefaultAsync(TestContext.Current.CancellationToken));
        foreach (var (at, warning) in Warnings.Where(entry => entry.At >= since.AddSeconds(-10)))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{at:HH:mm:ss.fff} {warning}");
        }

        return text.ToString();
    }

    private static string Shorten(string? value) => value is { Length: > 600 } ? value[..600] + "…" : value ?? "";
}

/// <summary>Keeps what the app logs at warning level or above, for <see cref="JobDiagnostics"/>.</summary>
internal sealed class WarningCollector : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            JobDiagnostics.Warnings.Enqueue((DateTime.UtcNow, $"{logLevel} {category}: {formatter(state, exception)} {exception}"));
            while (JobDiagnostics.Warnings.Count > 2000 && JobDiagnostics.Warnings.TryDequeue(out _))
            {
            }
        }
    }
}
