using System.Net;
using Polly.Timeout;

namespace TagMyStock.Web.Infrastructure.ExternalServices;

/// <summary>Sending a request to an external service and naming what went wrong, the same way for every service.</summary>
public static class ServiceCalls
{
    /// <summary>
    /// Sends the request; a timeout or a connection failure becomes a transient <see cref="ExternalServiceException"/>.
    /// Cancellation by <paramref name="cancellationToken"/> is passed on as it is.
    /// </summary>
    public static async Task<HttpResponseMessage> SendAsync(
        this HttpClient http,
        HttpRequestMessage request,
        string service,
        CancellationToken cancellationToken,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        ArgumentNullException.ThrowIfNull(http);
        try
        {
            return await http.SendAsync(request, completion, cancellationToken);
        }
        catch (TimeoutRejectedException exception)
        {
            throw new ExternalServiceException(service, ExternalServiceFailure.Timeout, $"{service} did not answer in time; the request can be tried again later.", exception);
        }
        catch (HttpRequestException exception)
        {
            throw new ExternalServiceException(service, ExternalServiceFailure.Unavailable, $"{service} could not be reached ({exception.HttpRequestError}); the request can be tried again later.", exception);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient's own timeout, or the connection cut while reading.
            throw new ExternalServiceException(service, ExternalServiceFailure.Timeout, $"{service} did not answer in time; the request can be tried again later.", exception);
        }
    }

    /// <summary>A path below a configured base URL, whether or not the setting ends with a slash.</summary>
    public static Uri Endpoint(Uri baseUrl, string relativePath)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var directory = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        return new Uri(directory, relativePath);
    }

    /// <summary>The failure an HTTP error status means when the service says nothing more precise.</summary>
    public static ExternalServiceFailure FailureFor(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => ExternalServiceFailure.Unauthorized,
        HttpStatusCode.PaymentRequired => ExternalServiceFailure.PaymentRequired,
        HttpStatusCode.NotFound or HttpStatusCode.Gone => ExternalServiceFailure.NotFound,
        HttpStatusCode.RequestTimeout or HttpStatusCode.GatewayTimeout => ExternalServiceFailure.Timeout,
        HttpStatusCode.TooManyRequests => ExternalServiceFailure.RateLimited,
        _ when (int)status >= 500 => ExternalServiceFailure.Unavailable,
        _ => ExternalServiceFailure.InvalidRequest,
    };

    /// <summary>A sentence for the user about a failure, ending with what the service itself said, if anything.</summary>
    public static string Describe(string service, ExternalServiceFailure failure, string? detail, string keySetting)
    {
        var sentence = failure switch
        {
            ExternalServiceFailure.NotConfigured => $"{service} is not configured: an admin sets {keySetting} to use it.",
            ExternalServiceFailure.Unauthorized => $"{service} refused the configured key: an admin checks {keySetting}.",
            ExternalServiceFailure.PaymentRequired => $"The {service} account has no credit left: an admin adds credit there.",
            ExternalServiceFailure.RateLimited => $"{service} is limiting how often we call it; the request can be tried again later.",
            ExternalServiceFailure.Unavailable => $"{service} is unavailable at the moment; the request can be tried again later.",
            ExternalServiceFailure.Timeout => $"{service} did not answer in time; the request can be tried again later.",
            ExternalServiceFailure.InvalidRequest => $"{service} refused the request as invalid.",
            ExternalServiceFailure.NotFound => $"{service} no longer knows this request, or its result has expired.",
            ExternalServiceFailure.Refused => $"{service}'s model declined this image or request.",
            ExternalServiceFailure.MalformedResponse => $"{service} sent an answer that could not be read; the request can be tried again.",
            _ => $"{service} failed on this request.",
        };
        return string.IsNullOrWhiteSpace(detail) ? sentence : $"{sentence} ({service} said: {Shorten(detail.Trim())})";
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : string.Concat(text.AsSpan(0, 299), "…");
}
