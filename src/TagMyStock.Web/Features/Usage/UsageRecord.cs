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

    /// <summary>The paid calls summed here, one per image where the work was per image: tokens and cost of each.</summary>
    public List<UsageItem> Items { get; set; } = [];

    public int TotalTokens => PromptTokens + CompletionTokens;

    /// <summary>Tokens per image on average, the figure the 1,500-tokens-per-image target is about; null without images or tokens.</summary>
    public int? TokensPerImage => Images > 0 && TotalTokens > 0 ? (int)Math.Round((double)TotalTokens / Images, MidpointRounding.AwayFromZero) : null;
}

/// <summary>
/// One paid call behind a <see cref="UsageRecord"/> (a vision model's answer on one image, a generation run):
/// what it used, as the provider reported it. Work that pays nothing (the offline engine) has no items.
/// </summary>
public sealed class UsageItem
{
    public Guid Id { get; set; }

    public Guid UsageRecordId { get; set; }

    /// <summary>The image the call was about, when it was about one.</summary>
    public Guid? ImageId { get; set; }

    public string Engine { get; set; } = "";

    public string? Model { get; set; }

    public int Images { get; set; }

    public int PromptTokens { get; set; }

    public int CompletionTokens { get; set; }

    public decimal? ProviderCost { get; set; }

    public int TotalTokens => PromptTokens + CompletionTokens;
}

public enum UsageResult
{
    Succeeded,
    Failed,
    Cancelled,
}

/// <summary>Outside work a job or a request did, to be summed into its usage record.</summary>
/// <param name="Engine">Who did it: <c>local</c>, <c>openrouter</c>, <c>fal</c>.</param>
/// <param name="ImageId">The image the work was about, when it was about one.</param>
public sealed record UsageEntry(string Engine, string? Model, int Images, int PromptTokens = 0, int CompletionTokens = 0, decimal? ProviderCost = null, Guid? ImageId = null)
{
    /// <summary>Whether the provider reported anything it charges for: such entries are kept one by one as <see cref="UsageItem"/>s.</summary>
    public bool IsPaid => PromptTokens > 0 || CompletionTokens > 0 || ProviderCost is not null;
}

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
        usage.Ignore(u => u.TotalTokens);
        usage.Ignore(u => u.TokensPerImage);
        usage.HasMany(u => u.Items).WithOne().HasForeignKey(item => item.UsageRecordId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UsageItemConfiguration : IEntityTypeConfiguration<UsageItem>
{
    public void Configure(EntityTypeBuilder<UsageItem> item)
    {
        item.ToTable("UsageItems");
        item.HasKey(i => i.Id);
        item.Property(i => i.Engine).HasMaxLength(40);
        item.Property(i => i.Model).HasMaxLength(200);
        item.Property(i => i.ProviderCost).HasPrecision(18, 6);
        item.Ignore(i => i.TotalTokens);
    }
}
