using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TagMyStock.Core.Tagging;

namespace TagMyStock.Web.Features.Tagging;

/// <summary>
/// Tagging a selection of images in the background. Images are tagged in <see cref="ImageIds"/> order, so
/// <see cref="Processed"/> is also where a job interrupted by a restart picks up again.
/// </summary>
public sealed class TaggingJob
{
    public Guid Id { get; set; }

    public Guid OwnerId { get; set; }

    public string? Hint { get; set; }

    /// <summary>The owner's images of the selection; ids of other accounts or of no image never get here.</summary>
    public List<Guid> ImageIds { get; set; } = [];

    /// <summary>How many selected ids were not the owner's images.</summary>
    public int NotFound { get; set; }

    public int Done { get; set; }

    public int Failed { get; set; }

    public List<TaggingFailure> Failures { get; set; } = [];

    public TaggingJobState State { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public int Total => ImageIds.Count;

    public int Processed => Done + Failed;
}

public enum TaggingJobState
{
    Queued,
    Running,
    Finished,
}

/// <summary>Why one image of a job could not be tagged; the job goes on with the others.</summary>
public sealed record TaggingFailure(Guid ImageId, string Message);

internal sealed class TaggingJobConfiguration : IEntityTypeConfiguration<TaggingJob>
{
    public void Configure(EntityTypeBuilder<TaggingJob> job)
    {
        job.ToTable("TaggingJobs");
        job.HasKey(j => j.Id);
        job.HasIndex(j => j.State);
        job.Property(j => j.Hint).HasMaxLength(TaggingInput.MaxHintLength);
        job.Property(j => j.State).HasConversion<string>().HasMaxLength(10);
        job.Property(j => j.ImageIds).HasConversion(
            ids => JsonSerializer.Serialize(ids, JsonSerializerOptions.Default),
            json => JsonSerializer.Deserialize<List<Guid>>(json, JsonSerializerOptions.Default) ?? new List<Guid>(),
            new ValueComparer<List<Guid>>((a, b) => a!.SequenceEqual(b!), list => list.Count, list => list.ToList()));
        job.Property(j => j.Failures).HasConversion(
            failures => JsonSerializer.Serialize(failures, JsonSerializerOptions.Default),
            json => JsonSerializer.Deserialize<List<TaggingFailure>>(json, JsonSerializerOptions.Default) ?? new List<TaggingFailure>(),
            new ValueComparer<List<TaggingFailure>>((a, b) => a!.SequenceEqual(b!), list => list.Count, list => list.ToList()));
        job.Ignore(j => j.Total);
        job.Ignore(j => j.Processed);
    }
}
