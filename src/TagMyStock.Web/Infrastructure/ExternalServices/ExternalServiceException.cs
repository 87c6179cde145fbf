using System.Net;
using TagMyStock.Core.Tagging;

namespace TagMyStock.Web.Infrastructure.ExternalServices;

/// <summary>Why a call to an external AI service did not give a usable answer.</summary>
public enum ExternalServiceFailure
{
    /// <summary>No key is configured: the feature is off until an admin sets one.</summary>
    NotConfigured,

    /// <summary>The key was refused (401/403 on the key).</summary>
    Unauthorized,

    /// <summary>The account behind the key has no credit left (402).</summary>
    PaymentRequired,

    /// <summary>Too many requests (429): try again later, after <see cref="ExternalServiceException.RetryAfter"/> when given.</summary>
    RateLimited,

    /// <summary>The service or the model behind it is down or overloaded (5xx, connection failure).</summary>
    Unavailable,

    /// <summary>No answer in time.</summary>
    Timeout,

    /// <summary>The service refused the input (400, 422): sending it again gives the same answer.</summary>
    InvalidRequest,

    /// <summary>The request or its result is unknown to the service, or gone (404, result expired).</summary>
    NotFound,

    /// <summary>The model declined: moderation, a content filter or an explicit refusal.</summary>
    Refused,

    /// <summary>The answer could not be read: not JSON, or not the shape asked for.</summary>
    MalformedResponse,

    /// <summary>The model ran and failed on this input.</summary>
    Failed,
}

/// <summary>
/// A failed call to an external service, with a message a contributor or an admin understands and whether
/// trying the same call again later may succeed (<see cref="IsTransient"/>): a job retries transient
/// failures with backoff and gives up at once on permanent ones.
/// </summary>
public sealed class ExternalServiceException : Exception
{
    public ExternalServiceException(string service, ExternalServiceFailure failure, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Service = service;
        Failure = failure;
    }

    /// <summary>The service's name as the user reads it, e.g. <c>OpenRouter</c>.</summary>
    public string Service { get; }

    public ExternalServiceFailure Failure { get; }

    /// <summary>The HTTP status of the answer, when there was one.</summary>
    public HttpStatusCode? StatusCode { get; init; }

    /// <summary>How long the service asked us to wait (Retry-After), when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>
    /// What the provider reported it charged for the failed call (a model that ran, then refused or answered
    /// in an unreadable way, is paid all the same); null when it reported nothing.
    /// </summary>
    public EngineUsage? BilledUsage { get; init; }

    /// <summary>Whether the same call may succeed later: rate limits, outages, timeouts and unreadable answers.</summary>
    public bool IsTransient => Failure is ExternalServiceFailure.RateLimited
        or ExternalServiceFailure.Unavailable
        or ExternalServiceFailure.Timeout
        or ExternalServiceFailure.MalformedResponse;
}
