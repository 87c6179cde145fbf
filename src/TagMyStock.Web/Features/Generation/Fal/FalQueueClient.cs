using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;
using TagMyStock.Web.Infrastructure.ExternalServices;

namespace TagMyStock.Web.Features.Generation.Fal;

/// <summary>
/// FAL.ai's queue API, one call per step so that a durable job can record where it is between them:
/// <see cref="SubmitAsync"/> (record the request id), <see cref="GetStatusAsync"/> until completed,
/// <see cref="GetResultAsync"/>, <see cref="DownloadAsync"/> each image; <see cref="CancelAsync"/> on the way.
/// </summary>
/// <remarks>
/// Status, result and cancel URLs are built from the configured base URL, the model's <c>owner/app</c> and the
/// request id (FAL's sub-path rule) rather than taken from the answer: the key is only ever sent to the
/// configured host, and a job needs nothing but the model id and request id to resume.
/// </remarks>
public sealed class FalQueueClient(HttpClient http, IHttpClientFactory clients, IOptions<FalOptions> options)
{
    public const string ServiceName = "FAL.ai";

    /// <summary>The named client that downloads result files: no key, no retries on a partly read body.</summary>
    public const string DownloadClient = "fal-files";

    private readonly FalOptions _options = options.Value;

    public bool IsConfigured => _options.IsConfigured;

    /// <summary>Puts a request in the model's queue; <paramref name="webhook"/> is called when it finishes, if given.</summary>
    public async Task<FalSubmission> SubmitAsync(string modelId, JsonObject input, Uri? webhook, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        ArgumentNullException.ThrowIfNull(input);
        var path = modelId.Trim('/');
        if (webhook is not null)
        {
            path += "?fal_webhook=" + Uri.EscapeDataString(webhook.AbsoluteUri);
        }

        using var request = Request(HttpMethod.Post, path);
        request.Content = new StringContent(input.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        var answer = await SendAsync(request, FalJson.Default.QueueAnswer, cancellationToken);
        if (string.IsNullOrWhiteSpace(answer.RequestId))
        {
            throw Failure(ExternalServiceFailure.MalformedResponse, "no request_id");
        }

        return new FalSubmission(modelId, answer.RequestId, answer.QueuePosition)
        {
            StatusUrl = AbsoluteOrNull(answer.StatusUrl),
            ResponseUrl = AbsoluteOrNull(answer.ResponseUrl),
            CancelUrl = AbsoluteOrNull(answer.CancelUrl),
        };
    }

    public async Task<FalStatus> GetStatusAsync(string modelId, string requestId, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, RequestPath(modelId, requestId) + "/status?logs=1");
        var answer = await SendAsync(request, FalJson.Default.QueueAnswer, cancellationToken);
        var state = answer.Status switch
        {
            "IN_QUEUE" => FalRequestState.InQueue,
            "IN_PROGRESS" => FalRequestState.InProgress,
            "COMPLETED" => FalRequestState.Completed,
            _ => throw Failure(ExternalServiceFailure.MalformedResponse, $"unknown status \"{answer.Status}\""),
        };
        if (state == FalRequestState.Completed && !string.IsNullOrWhiteSpace(answer.Error))
        {
            throw Failure(FailureForErrorType(answer.ErrorType) ?? ExternalServiceFailure.Failed, answer.Error);
        }

        var inference = answer.Metrics?.InferenceTime is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
        return new FalStatus(state, answer.QueuePosition, answer.Logs ?? [], inference);
    }

    /// <summary>The output of a completed request; a model that failed on its input is a permanent failure.</summary>
    public async Task<FalResult> GetResultAsync(string modelId, string requestId, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, RequestPath(modelId, requestId));
        var output = await SendAsync(request, FalJson.Default.JsonObject, cancellationToken);
        return FalOutput.Read(JsonSerializer.SerializeToElement(output, FalJson.Default.JsonObject));
    }

    public async Task<FalCancelOutcome> CancelAsync(string modelId, string requestId, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Put, RequestPath(modelId, requestId) + "/cancel");
        using var response = await http.SendAsync(request, ServiceName, cancellationToken);
        var body = await ReadAsync(response, cancellationToken);
        var status = TryParse(body, FalJson.Default.QueueAnswer)?.Status;
        return (response.StatusCode, status) switch
        {
            (_, "CANCELLATION_REQUESTED") when response.IsSuccessStatusCode => FalCancelOutcome.Requested,
            (_, "ALREADY_COMPLETED") => FalCancelOutcome.AlreadyCompleted,
            (HttpStatusCode.NotFound, _) or (_, "NOT_FOUND") => FalCancelOutcome.NotFound,
            _ when response.IsSuccessStatusCode => FalCancelOutcome.Requested,
            _ => throw HttpFailure(response, body),
        };
    }

    /// <summary>
    /// Copies a result file to <paramref name="destination"/>: a <c>data:</c> URL (sync mode) is decoded, an
    /// HTTP(S) URL fetched only from <see cref="FalOptions.DownloadHosts"/>, without our key, up to
    /// <see cref="FalOptions.MaxDownloadBytes"/>.
    /// </summary>
    public async Task<FalDownload> DownloadAsync(FalImage image, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(destination);
        if (FalDataUrl.TryDecode(image.Url, out var bytes, out var dataType))
        {
            await destination.WriteAsync(bytes, cancellationToken);
            return new FalDownload(bytes.Length, dataType);
        }

        var url = Uri.TryCreate(image.Url, UriKind.Absolute, out var parsed) && IsAllowedDownload(parsed)
            ? parsed
            : throw Failure(ExternalServiceFailure.MalformedResponse, "a result file on a host that is not FAL's");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        using var response = await clients.CreateClient(DownloadClient).SendAsync(request, ServiceName, cancellationToken, HttpCompletionOption.ResponseHeadersRead);
        if (!response.IsSuccessStatusCode)
        {
            throw HttpFailure(response, []);
        }

        var contentType = response.Content.Headers.ContentType?.MediaType ?? image.ContentType ?? "application/octet-stream";
        if (response.Content.Headers.ContentLength > _options.MaxDownloadBytes)
        {
            throw Failure(ExternalServiceFailure.Failed, "the result file is larger than TagMyStock accepts");
        }

        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            return new FalDownload(await CopyBoundedAsync(body, destination, cancellationToken), contentType);
        }
        catch (IOException exception)
        {
            throw new ExternalServiceException(ServiceName, ExternalServiceFailure.Unavailable, Describe(ExternalServiceFailure.Unavailable, "the download was cut off"), exception);
        }
    }

    private async Task<long> CopyBoundedAsync(Stream source, Stream destination, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > _options.MaxDownloadBytes)
            {
                throw Failure(ExternalServiceFailure.Failed, "the result file is larger than TagMyStock accepts");
            }

            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return total;
    }

    private bool IsAllowedDownload(Uri url) =>
        (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback))
        && _options.DownloadHosts.Any(host =>
            string.Equals(url.Host, host, StringComparison.OrdinalIgnoreCase)
            || url.Host.EndsWith("." + host, StringComparison.OrdinalIgnoreCase));

    /// <summary>Status, result and cancel live under <c>owner/app</c>: <c>fal-ai/flux/dev</c> → <c>fal-ai/flux/requests/{id}</c>.</summary>
    private static string RequestPath(string modelId, string requestId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        ArgumentException.ThrowIfNullOrWhiteSpace(requestId);
        var parts = modelId.Trim('/').Split('/');
        var app = string.Join('/', parts.Take(2));
        return $"{app}/requests/{Uri.EscapeDataString(requestId)}";
    }

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        if (!IsConfigured)
        {
            throw Failure(ExternalServiceFailure.NotConfigured, detail: null);
        }

        var request = new HttpRequestMessage(method, ServiceCalls.Endpoint(_options.QueueBaseUrl, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Key", _options.Key);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    private async Task<T> SendAsync<T>(HttpRequestMessage request, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(request, ServiceName, cancellationToken);
        var body = await ReadAsync(response, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw HttpFailure(response, body);
        }

        try
        {
            return JsonSerializer.Deserialize(body, type) ?? throw Failure(ExternalServiceFailure.MalformedResponse, "an empty answer");
        }
        catch (JsonException exception)
        {
            throw new ExternalServiceException(ServiceName, ExternalServiceFailure.MalformedResponse, Describe(ExternalServiceFailure.MalformedResponse, "not JSON"), exception);
        }
    }

    private static async Task<byte[]> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadAsByteArrayAsync(cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw new ExternalServiceException(ServiceName, ExternalServiceFailure.Unavailable, Describe(ExternalServiceFailure.Unavailable, "the answer was cut off"), exception);
        }
    }

    private static ExternalServiceException HttpFailure(HttpResponseMessage response, byte[] body)
    {
        var errorType = response.Headers.TryGetValues("X-Fal-Error-Type", out var values) ? values.FirstOrDefault() : null;
        var detail = FalErrorDetail.Read(body, ref errorType);
        var failure = FailureForErrorType(errorType) ?? ServiceCalls.FailureFor(response.StatusCode);
        return new ExternalServiceException(ServiceName, failure, Describe(failure, detail))
        {
            StatusCode = response.StatusCode,
            RetryAfter = RetryAfter.Of(response),
        };
    }

    /// <summary>FAL's infrastructure errors: its own timeouts and scheduling failures pass; others are the model's.</summary>
    private static ExternalServiceFailure? FailureForErrorType(string? errorType) => errorType switch
    {
        "request_timeout" or "startup_timeout" or "generation_timeout" => ExternalServiceFailure.Timeout,
        "runner_scheduling_failure" or "runner_connection_timeout" or "runner_disconnected" or "runner_connection_refused"
            or "runner_connection_error" or "runner_server_error" or "internal_error" => ExternalServiceFailure.Unavailable,
        "content_policy_violation" => ExternalServiceFailure.Refused,
        _ => null,
    };

    private static ExternalServiceException Failure(ExternalServiceFailure failure, string? detail) => new(ServiceName, failure, Describe(failure, detail));

    private static string Describe(ExternalServiceFailure failure, string? detail) => ServiceCalls.Describe(ServiceName, failure, detail, FalOptions.KeySetting);

    private static Uri? AbsoluteOrNull(string? url) => Uri.TryCreate(url, UriKind.Absolute, out var parsed) ? parsed : null;

    private static T? TryParse<T>(byte[] json, JsonTypeInfo<T> type)
    {
        try
        {
            return json.Length == 0 ? default : JsonSerializer.Deserialize(json, type);
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
