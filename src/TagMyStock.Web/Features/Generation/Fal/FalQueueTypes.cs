using System.Text.Json;

namespace TagMyStock.Web.Features.Generation.Fal;

/// <summary>
/// A request FAL accepted. A job records <see cref="RequestId"/> (with the model id) the moment it has it, and
/// after a restart follows it with <see cref="FalQueueClient.GetStatusAsync"/> instead of submitting again.
/// </summary>
public sealed record FalSubmission(string ModelId, string RequestId, int? QueuePosition)
{
    public Uri? StatusUrl { get; init; }

    public Uri? ResponseUrl { get; init; }

    public Uri? CancelUrl { get; init; }
}

public enum FalRequestState
{
    InQueue,
    InProgress,
    Completed,
}

/// <summary>One line of a model's log, as the status call reports it.</summary>
public sealed record FalLogEntry(string? Message, string? Level, string? Source, string? Timestamp);

/// <summary>Where a request stands.</summary>
/// <param name="QueuePosition">Requests ahead of it while <see cref="FalRequestState.InQueue"/>.</param>
/// <param name="InferenceTime">How long the model ran, once completed, when FAL says.</param>
public sealed record FalStatus(FalRequestState State, int? QueuePosition, IReadOnlyList<FalLogEntry> Logs, TimeSpan? InferenceTime);

/// <summary>An output file as FAL describes it; only these URLs are ever downloaded.</summary>
public sealed record FalImage(string Url, int? Width, int? Height, string? ContentType, string? FileName, long? FileSize);

/// <summary>A completed request's output: its images (one for upscalers and background removal) and the raw JSON.</summary>
public sealed record FalResult(IReadOnlyList<FalImage> Images, long? Seed, JsonElement Output)
{
    /// <summary>What the model said about its output, for models that describe it.</summary>
    public string? Description { get; init; }

    /// <summary>Per image, whether FAL's safety checker flagged it; empty when the model does not say.</summary>
    public IReadOnlyList<bool> NsfwFlags { get; init; } = [];
}

public enum FalCancelOutcome
{
    /// <summary>Cancelled in the queue, or a signal sent to the running model.</summary>
    Requested,

    /// <summary>Too late: the request finished (and is billed).</summary>
    AlreadyCompleted,

    NotFound,
}

/// <summary>A downloaded result file.</summary>
public sealed record FalDownload(long Bytes, string ContentType);
