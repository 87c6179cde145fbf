using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TagMyStock.Web.Features.Usage;

/// <summary>
/// One operation done for a user: who, when, what, with which engine and model, on how many images, how long it
/// took, how it ended, and what the provider reported it cost us. The credit ledger will charge from these.
/// </summary>
public sealed class UsageRecord
{
    public Guid Id { get; set; }

    public Guid OwnerId { get; set; }

    /// <summary>The job it belongs to, when it ran as one.</summary>
    public Guid? JobId { get; set; }

    /// <summary>What was done, e.g. <c>tag</c>, <c>generate</c>, <c>upscale</c>.</summary>
    public string Operation { get; set; } = "";

    /// <summary>Who did it: <c>local</c>, <c>openrouter</c>, <c>fal</c>.</summary>
    public string Engine { get; set; } = "";

    public string? Model { get; set; }

    public int Images { get; set; }

    public DateTime StartedAt { get; set; }

    public TimeSpan Duration { get; set; }

    public UsageResult Result { get; set; }

    public int PromptTokens { get; set; }

    public int CompletionTokens { get; set; }

    /// <summary>What the provider reported the work cost, in US dollars; null when it did not say (or it was free).</summary>
    public decimal? ProviderCost { get; set; }
}

public enum UsageResult
{
    Succeeded,
    Failed,
    Cancelled,
}

/// <summary>Outside work a job or a request did, to be summed into its usage record.</summary>
/// <param name="Engine">Who did it: <c>local</c>, <c>openrouter</c>, <c>fal</c>.</param>
public sealed record UsageEntry(string Engine, string? Model, int Images, int PromptTokens = 0, int CompletionTokens = 0, decimal? ProviderCost = null);

internal sealed class UsageRecordConfiguration : IEntityTypeConfiguration<UsageRecord>
{
    public void Configure(EntityTypeBuilder<UsageRecord> usage)
    {
        usage.ToTable("UsageRecords");
        usage.HasKey(u => u.Id);
        usage.HasIndex(u => new { u.OwnerId, u.StartedAt });
        usage.Property(u => u.Operation).HasMaxLength(40);
        usage.Property(u => u.Engine).HasMaxLength(40);
        usage.Property(u => u.Model).HasMaxLength(200);
        usage.Property(u => u.Result).HasConversion<string>().HasMaxLength(10);
        usage.Property(u => u.ProviderCost).HasPrecision(18, 6);
    }
}
