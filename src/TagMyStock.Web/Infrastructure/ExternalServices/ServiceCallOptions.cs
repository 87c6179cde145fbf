namespace TagMyStock.Web.Infrastructure.ExternalServices;

/// <summary>How long one call to an external service may take and how often it is retried on the spot.</summary>
public interface IServiceCallOptions
{
    /// <summary>Longest wait for one attempt's answer.</summary>
    TimeSpan RequestTimeout { get; }

    /// <summary>Retries within a call (0: none). Longer waits are a job's business, which retries transient failures later.</summary>
    int MaxRetries { get; }

    /// <summary>First backoff delay; later ones grow exponentially, with jitter.</summary>
    TimeSpan RetryDelay { get; }

    /// <summary>A Retry-After longer than this is not waited for within the call: the failure goes to the caller, who may schedule it.</summary>
    TimeSpan MaxRetryAfter { get; }
}
