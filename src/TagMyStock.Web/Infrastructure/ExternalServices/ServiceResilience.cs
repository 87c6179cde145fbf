using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace TagMyStock.Web.Infrastructure.ExternalServices;

/// <summary>
/// The resilience every external service client shares: a timeout per attempt and a few retries with
/// exponential backoff. A request that may cost money when it reaches the service (a POST) is retried only
/// when the answer says it was not taken (429, 503); safe requests are retried on any transient failure.
/// So a submission is never sent twice after a timeout, when it may have been accepted.
/// </summary>
public static class ServiceResilience
{
    public static IHttpClientBuilder AddServiceResilience<TOptions>(this IHttpClientBuilder client)
        where TOptions : class, IServiceCallOptions
    {
        // Polly's attempt timeout governs; HttpClient's own 100 s default would cut a long attempt short.
        client.ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan);
        client.AddResilienceHandler(client.Name, (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<TOptions>>().Value;
            if (options.MaxRetries > 0)
            {
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = options.MaxRetries,
                    Delay = options.RetryDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    ShouldRetryAfterHeader = true,
                    ShouldHandle = arguments => ValueTask.FromResult(ShouldRetry(arguments.Outcome, arguments.Context.GetRequestMessage(), options.MaxRetryAfter)),
                });
            }

            pipeline.AddTimeout(options.RequestTimeout);
        });
        return client;
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request, TimeSpan maxRetryAfter)
    {
        if (outcome.Result is { } response)
        {
            if (RetryAfter.Of(response) > maxRetryAfter)
            {
                return false;
            }

            if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
            {
                return true;
            }
        }

        var idempotent = request is not null && request.Method != HttpMethod.Post && request.Method != HttpMethod.Patch;
        return idempotent && outcome switch
        {
            { Exception: HttpRequestException or TimeoutRejectedException } => true,
            { Result: { } answer } => (int)answer.StatusCode >= 500 || answer.StatusCode == HttpStatusCode.RequestTimeout,
            _ => false,
        };
    }
}
