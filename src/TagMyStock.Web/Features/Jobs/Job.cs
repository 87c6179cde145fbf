using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TagMyStock.Web.Features.Jobs;

/// <summary>
/// The app's own record of one piece of background work, and the truth about it: the executor (Hangfire)
/// only runs what these rows say is unfinished, and after a restart the rows say where each job stood.
/// </summary>
public sealed class Job
{
    public Guid Id { get; set; }

    public Guid OwnerId { get; set; }

    /// <summary>Which <see cref="IJobHandler"/> runs it.</summary>
    public string Kind { get; set; } = "";

    public JobState State { get; set; }

    /// <summary>0 to 100, as the UI shows it.</summary>
    public int Percent { get; set; }

    /// <summary>What the job is doing now, in words for the user.</summary>
    public string? Note { get; set; }

    /// <summary>Why the job failed, in words for the user.</summary>
    public string? Error { get; set; }

    /// <summary>How many times the job has started, retries and restarts included.</summary>
    public int Attempts { get; set; }

    public bool CancelRequested { get; set; }

    /// <summary>The handler's input, as JSON.</summary>
    public string Input { get; set; } = "{}";

    /// <summary>
    /// What the handler must remember to resume without repeating paid work, as JSON: the external request ids
    /// it already has and the steps it finished. Saved the moment it changes.
    /// </summary>
    public string? Checkpoint { get; set; }

    /// <summary>The handler's own account of its progress for the UI (counts, failures, results), as JSON.</summary>
    public string? Detail { get; set; }

    /// <summary>The executor's id of the run that owns the job now (a Hangfire job id).</summary>
    public string? ExecutorId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    public bool IsFinished => State is JobState.Succeeded or JobState.Failed or JobState.Cancelled;
}

public enum JobState
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}

internal sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> job)
    {
        job.ToTable("Jobs");
        job.HasKey(j => j.Id);
        job.HasIndex(j => new { j.OwnerId, j.CreatedAt });
        job.HasIndex(j => j.State);
        job.Property(j => j.Kind).HasMaxLength(40);
        job.Property(j => j.State).HasConversion<string>().HasMaxLength(10);
        job.Property(j => j.Note).HasMaxLength(300);
        job.Property(j => j.Error).HasMaxLength(1000);
        job.Property(j => j.ExecutorId).HasMaxLength(100);
        job.Ignore(j => j.IsFinished);
    }
}
