using Microsoft.AspNetCore.Mvc;

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

    /// <summary>A 400 with one message for one field, the shape <c>TypedResults.ValidationProblem</c> gives.</summary>
    public static Dictionary<string, string[]> Field(string field, string message) => new(StringComparer.Ordinal) { [field] = [message] };
}
