using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using TagMyStock.Core.Tagging;
using TagMyStock.Web.Infrastructure.ExternalServices;

namespace TagMyStock.Web.Features.Tagging.OpenRouter;

/// <summary>
/// OpenRouter's chat completions endpoint (<c>POST {BaseUrl}/chat/completions</c>), with every failure named:
/// HTTP errors, errors reported inside a 200 answer, refusals and content filters.
/// </summary>
public sealed class OpenRouterClient(HttpClient http, IOptions<OpenRouterOptions> options)
{
    public const string ServiceName = "OpenRouter";

    private readonly OpenRouterOptions _options = options.Value;

    public bool IsConfigured => _options.IsConfigured;

    /// <summary>The first choice of a completion: its message and the usage reported for the whole call.</summary>
    /// <exception cref="ExternalServiceException">Not configured, refused, failed or unreadable.</exception>
    internal async Task<(ChatAnswer Answer, ChatResponse Response)> CompleteAsync(ChatRequest chat, CancellationToken cancellationToken)
    {
        if (!IsConfigured)
        {
            throw NotConfigured();
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, ServiceCalls.Endpoint(_options.BaseUrl, "chat/completions"))
        {
            Content = JsonContent.Create(chat, OpenRouterJson.Default.ChatRequest),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.Key);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (_options.AppUrl is not null)
        {
            request.Headers.Referrer = _options.AppUrl;
        }

        request.Headers.Add("X-OpenRouter-Title", _options.AppTitle);

        using var response = await http.SendAsync(request, ServiceName, cancellationToken);
        var body = await ReadAsync(response, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw HttpFailure(response, body);
        }

        var completion = Parse(body, OpenRouterJson.Default.ChatResponse) ?? throw Malformed("an empty answer");
        var billed = Billed(completion);
        var choice = completion.Choices is [var first, ..] ? first : throw Malformed("no choices", billed);
        if (choice.Error is { } error)
        {
            throw ErrorFailure(error, RetryAfter.Of(response), billed);
        }

        if (choice.FinishReason == "content_filter" || !string.IsNullOrWhiteSpace(choice.Message?.Refusal))
        {
            throw Failure(ExternalServiceFailure.Refused, choice.Message?.Refusal ?? "content filter", billed: billed);
        }

        if (choice.FinishReason == "error")
        {
            throw Failure(ExternalServiceFailure.Unavailable, choice.NativeFinishReason, billed: billed);
        }

        if (choice.FinishReason == "length")
        {
            throw Malformed("the answer was cut off at the token limit", billed);
        }

        return string.IsNullOrWhiteSpace(choice.Message?.Content) ? throw Malformed("an empty message", billed) : (choice.Message, completion);
    }

    /// <summary>What the answer says the call used, or null when it reports no usage.</summary>
    internal EngineUsage? Billed(ChatResponse completion) => completion.Usage is { } usage
        ? new EngineUsage(AnsweringModel(completion), usage.PromptTokens, usage.CompletionTokens, usage.Cost)
        : null;

    /// <summary>The model that answered (a fallback, perhaps), or the one asked for when the answer does not say.</summary>
    internal string AnsweringModel(ChatResponse completion) => completion.Model ?? _options.Model;

    private static async Task<byte[]> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadAsByteArrayAsync(cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw new ExternalServiceException(ServiceName, ExternalServiceFailure.Unavailable, ServiceCalls.Describe(ServiceName, ExternalServiceFailure.Unavailable, "the answer was cut off", OpenRouterOptions.KeySetting), exception);
        }
    }

    private static ExternalServiceException HttpFailure(HttpResponseMessage response, byte[] body)
    {
        var error = TryParse(body, OpenRouterJson.Default.ErrorEnvelope)?.Error;
        var failure = response.StatusCode switch
        {
            // 403 is the moderation guardrail here, not a bad key (that is 401).
            HttpStatusCode.Forbidden => ExternalServiceFailure.Refused,
            _ => ServiceCalls.FailureFor(response.StatusCode),
        };
        return Failure(failure, error?.Message, response.StatusCode, RetryAfter.Of(response));
    }

    /// <summary>An error reported after generation started: HTTP 200 with <c>choices[].error</c>.</summary>
    private static ExternalServiceException ErrorFailure(ErrorBody error, TimeSpan? retryAfter, EngineUsage? billed)
    {
        var failure = error.Code switch
        {
            403 => ExternalServiceFailure.Refused,
            >= 400 and < 600 => ServiceCalls.FailureFor((HttpStatusCode)error.Code),
            _ => ExternalServiceFailure.Unavailable,
        };
        return Failure(failure, error.Message, retryAfter: retryAfter, billed: billed);
    }

    /// <summary>No key is set: the failure the engine and the client both give.</summary>
    internal static ExternalServiceException NotConfigured() => Failure(ExternalServiceFailure.NotConfigured, detail: null);

    /// <summary>An answer that cannot be used, with what the call was billed when the answer said.</summary>
    internal static ExternalServiceException Malformed(string what, EngineUsage? billed = null, Exception? inner = null) =>
        Failure(ExternalServiceFailure.MalformedResponse, what, billed: billed, inner: inner);

    private static ExternalServiceException Failure(
        ExternalServiceFailure failure, string? detail, HttpStatusCode? status = null, TimeSpan? retryAfter = null, EngineUsage? billed = null, Exception? inner = null) =>
        new(ServiceName, failure, ServiceCalls.Describe(ServiceName, failure, detail, OpenRouterOptions.KeySetting), inner)
        {
            StatusCode = status,
            RetryAfter = retryAfter,
            BilledUsage = billed,
        };

    internal static T? Parse<T>(ReadOnlySpan<byte> json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(json, type);
        }
        catch (JsonException exception)
        {
            throw new ExternalServiceException(ServiceName, ExternalServiceFailure.MalformedResponse, ServiceCalls.Describe(ServiceName, ExternalServiceFailure.MalformedResponse, "not JSON", OpenRouterOptions.KeySetting), exception);
        }
    }

    private static T? TryParse<T>(ReadOnlySpan<byte> json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(json, type);
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
