using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TagMyStock.Web.Features.Generation.Fal;

/// <summary>
/// A FAL request a job is waiting for while FAL's webhook is configured: <see cref="FalWebhookApi"/> marks it notified,
/// and the job's follow loop, on whichever node runs it, stops polling and reads the result. Removed once followed.
/// </summary>
public sealed class AwaitedFalRequest
{
    /// <summary>FAL's request id; FAL's notices name it.</summary>
    public string RequestId { get; set; } = "";

    public Guid JobId { get; set; }

    public DateTime SubmittedAt { get; set; }

    /// <summary>When FAL's first notice about the request arrived; later deliveries of it change nothing.</summary>
    public DateTime? NotifiedAt { get; set; }
}

internal sealed class AwaitedFalRequestConfiguration : IEntityTypeConfiguration<AwaitedFalRequest>
{
    public void Configure(EntityTypeBuilder<AwaitedFalRequest> request)
    {
        request.ToTable("AwaitedFalRequests");
        request.HasKey(r => r.RequestId);
        request.Property(r => r.RequestId).HasMaxLength(100);
        request.HasIndex(r => r.JobId);
    }
}
