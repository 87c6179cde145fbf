namespace TagMyStock.Web.Features.Generation;

/// <summary>Settings under <c>TagMyStock:Generation</c>: how a generation job follows its request at FAL.ai.</summary>
public sealed class GenerationOptions
{
    public const string Section = "TagMyStock:Generation";

    /// <summary>How often a running job asks FAL.ai where its request stands.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long after submitting a job waits for FAL.ai to finish before it cancels the request and gives up.</summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromMinutes(30);
}
