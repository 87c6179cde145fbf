using Microsoft.AspNetCore.Mvc;
using TagMyStock.Web.Infrastructure.ExternalServices;

namespace TagMyStock.Web.Features.Tagging;

/// <summary>Problem bodies of the metadata APIs, each with a sentence the contributor can act on.</summary>
public static class ApiProblems
{
    public static ProblemDetails Conflict(string detail) => new()
    {
        Status = StatusCodes.Status409Conflict,
        Title = "Changed elsewhere",
        Detail = detail,
    };

    /// <summary>The chosen engine cannot run here: it needs a key an admin has not set.</summary>
    public static ProblemDetails EngineUnavailable(string detail) => new()
    {
        Status = StatusCodes.Status409Conflict,
        Title = "Engine not available",
        Detail = detail,
    };

    /// <summary>
    /// A remote engine's failure as the status that says whose move it is: 422 the model declined this image, 429 wait
    /// and try again, 503 the service (or its key or credit) is not usable now, 504 no answer in time, 502 an answer
    /// that could not be used.
    /// </summary>
    public static ProblemDetails EngineFailed(ExternalServiceException failure) => new()
    {
        Status = failure.Failure switch
        {
            ExternalServiceFailure.NotConfigured => StatusCodes.Status409Conflict,
            ExternalServiceFailure.Refused => StatusCodes.Status422UnprocessableEntity,
            ExternalServiceFailure.RateLimited => StatusCodes.Status429TooManyRequests,
            ExternalServiceFailure.Unavailable or ExternalServiceFailure.Unauthorized or ExternalServiceFailure.PaymentRequired => StatusCodes.Status503ServiceUnavailable,
            ExternalServiceFailure.Timeout => StatusCodes.Status504GatewayTimeout,
            _ => StatusCodes.Status502BadGateway,
        },
        Title = "Tagging failed",
        Detail = failure.Message,
    };

    /// <summary>A 400 with one message for one field, the shape <c>TypedResults.ValidationProblem</c> gives.</summary>
    public static Dictionary<string, string[]> Field(string field, string message) => new(StringComparer.Ordinal) { [field] = [message] };
}
