using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TagMyStock.Web.Features.Usage;
using TagMyStock.Web.Infrastructure.Data;

namespace TagMyStock.Web.Features.Jobs;

/// <summary>
/// Does one kind of job. Registered with <see cref="JobsExtensions.AddJobHandler{THandler}"/> under its kind;
/// runs in a scope of its own. A handler that pays for outside work saves what it needs to resume
/// (<see cref="JobContext.SaveCheckpointAsync{T}"/>) the moment it has it, and on a new attempt follows what its
/// checkpoint says was already submitted instead of submitting it again.
/// </summary>
public interface IJobHandler
{
    /// <summary>Runs, or resumes, the job. Throw <see cref="JobFailedException"/> to fail it (or retry it, when transient).</summary>
    Task RunAsync(JobContext job, CancellationToken cancellationToken);
}

/// <summary>Why a job could not go on, in words for the user, and whether trying again later may help.</summary>
public sealed class JobFailedException(string message, bool transient, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>A rate limit, a timeout, a server error: another attempt later may succeed.</summary>
    public bool Transient { get; } = transient;

    /// <summary>How long the other side asked us to wait, when it said.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>What a handler sees of its job, and how it reports back.</summary>
public sealed class JobContext
{
    /// <summary>How a job's input, checkpoint and detail are written, by the queue and by the handlers alike.</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Job _job;
    private readonly AppDbContext _db;
    private readonly TimeProvider _time;
    private readonly List<UsageEntry> _usage = [];

    internal JobContext(Job job, AppDbContext db, TimeProvider time)
    {
        _job = job;
        _db = db;
        _time = time;
    }

    public Guid Id => _job.Id;

    public Guid OwnerId => _job.OwnerId;

    /// <summary>1 on the first run; more after a retry or a restart.</summary>
    public int Attempt => _job.Attempts;

    internal IReadOnlyList<UsageEntry> Usage => _usage;

    public T Input<T>() => Deserialize<T>(_job.Input, "input");

    public T? Checkpoint<T>() => _job.Checkpoint is null ? default : Deserialize<T>(_job.Checkpoint, "checkpoint");

    /// <summary>Saves the checkpoint at once: a crash a moment later must not forget a request already paid for.</summary>
    public async Task SaveCheckpointAsync<T>(T checkpoint, CancellationToken cancellationToken)
    {
        _job.Checkpoint = JsonSerializer.Serialize(checkpoint, Json);
        await SaveAsync(cancellationToken);
    }

    /// <summary>
    /// Saves the progress the UI shows; throws <see cref="OperationCanceledException"/> when the user has asked
    /// to cancel, so a handler stops at its next report.
    /// </summary>
    public async Task ReportAsync(int percent, string? note, object? detail, CancellationToken cancellationToken)
    {
        _job.Percent = Math.Clamp(percent, 0, 100);
        _job.Note = note is { Length: > 300 } ? note[..300] : note;
        if (detail is not null)
        {
            _job.Detail = JsonSerializer.Serialize(detail, Json);
        }

        await SaveAsync(cancellationToken);
        var cancelRequested = await _db.Set<Job>().Where(j => j.Id == _job.Id).Select(j => j.CancelRequested).SingleAsync(cancellationToken);
        if (cancelRequested)
        {
            throw new OperationCanceledException("The user cancelled the job.");
        }
    }

    /// <summary>Adds outside work done for this job (a model call, generated images) to its usage record.</summary>
    public void RecordUsage(UsageEntry usage) => _usage.Add(usage);

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        _job.UpdatedAt = _time.GetUtcNow().UtcDateTime;
        await _db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>An unreadable record fails the job for good: guessing could pay for the same work twice.</summary>
    private static T Deserialize<T>(string json, string what)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Json) ?? throw new JsonException($"The {what} is null.");
        }
        catch (JsonException exception)
        {
            throw new JobFailedException($"The job's {what} could not be read.", transient: false, inner: exception);
        }
    }
}
