using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace TagMyStock.Web.Features.Generation.Fal;

// FAL's queue API as sent and received; unknown fields are ignored.

internal sealed record QueueAnswer(
    string? Status,
    string? RequestId,
    string? ResponseUrl,
    string? StatusUrl,
    string? CancelUrl,
    int? QueuePosition,
    IReadOnlyList<FalLogEntry>? Logs,
    QueueMetrics? Metrics,
    string? Error,
    string? ErrorType);

internal sealed record QueueMetrics(double? InferenceTime);

/// <summary>A model's output: text-to-image and edits return <c>images</c>, upscalers and background removal one <c>image</c>.</summary>
internal sealed record ModelOutput(IReadOnlyList<FalImage>? Images, FalImage? Image, long? Seed, string? Description, IReadOnlyList<bool>? HasNsfwConcepts);

internal sealed record WebhookBody(string? RequestId, string? GatewayRequestId, string? Status, string? Error, JsonElement? Payload, string? PayloadError);

internal sealed record JsonWebKeySet(IReadOnlyList<JsonWebKey>? Keys);

internal sealed record JsonWebKey(string? Kty, string? Crv, string? X);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(QueueAnswer))]
[JsonSerializable(typeof(ModelOutput))]
[JsonSerializable(typeof(WebhookBody))]
[JsonSerializable(typeof(JsonWebKeySet))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class FalJson : JsonSerializerContext;
