using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace TagMyStock.Web.Features.Tagging.OpenRouter;

// OpenRouter's chat completions as sent and received (OpenAI's shape plus OpenRouter's fields: models,
// provider, usage.cost). Only what TagMyStock uses is declared; unknown fields are ignored.

internal sealed record ChatRequest(
    string Model,
    IReadOnlyList<ChatMessage> Messages,
    ResponseFormat ResponseFormat,
    int MaxTokens,
    double Temperature,
    ProviderPreferences Provider)
{
    /// <summary>Tried in turn when <see cref="Model"/> fails; null (not sent) when there are none.</summary>
    public IReadOnlyList<string>? Models { get; init; }
}

internal sealed record ChatMessage(string Role, IReadOnlyList<ContentPart> Content);

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextPart), "text")]
[JsonDerivedType(typeof(ImagePart), "image_url")]
internal abstract record ContentPart;

internal sealed record TextPart(string Text) : ContentPart;

internal sealed record ImagePart(ImageUrl ImageUrl) : ContentPart;

internal sealed record ImageUrl(string Url, string Detail = "auto");

internal sealed record ResponseFormat(string Type, JsonSchemaFormat JsonSchema);

internal sealed record JsonSchemaFormat(string Name, bool Strict, JsonObject Schema);

internal sealed record ProviderPreferences(bool RequireParameters, string DataCollection);

internal sealed record ChatResponse(string? Id, string? Model, IReadOnlyList<ChatChoice>? Choices, ChatUsage? Usage);

internal sealed record ChatChoice(string? FinishReason, string? NativeFinishReason, ChatAnswer? Message, ErrorBody? Error);

internal sealed record ChatAnswer(string? Role, string? Content, string? Refusal);

internal sealed record ChatUsage(int PromptTokens, int CompletionTokens, int TotalTokens, decimal? Cost);

internal sealed record ErrorEnvelope(ErrorBody? Error);

internal sealed record ErrorBody(int Code, string? Message, JsonElement? Metadata);

/// <summary>The answer the model gives, as <see cref="TaggingPrompt.Schema"/> asks for it.</summary>
internal sealed record TaggingAnswer(
    string? Title,
    string? Description,
    IReadOnlyList<string>? Keywords,
    TaggingAnswerFlags? Flags,
    IReadOnlyDictionary<string, string>? Categories);

internal sealed record TaggingAnswerFlags(bool Editorial, bool Mature, bool Illustration, bool RecognizablePeople, bool RecognizableProperty);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(ChatRequest))]
[JsonSerializable(typeof(ChatResponse))]
[JsonSerializable(typeof(ErrorEnvelope))]
[JsonSerializable(typeof(TaggingAnswer))]
internal sealed partial class OpenRouterJson : JsonSerializerContext;
