using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TagMyStock.Web.Infrastructure.Data;
using TagMyStock.Web.Infrastructure.ExternalServices;

namespace TagMyStock.Web.Features.Generation.Fal;

/// <summary>
/// <c>POST /api/fal/webhook</c>: FAL's notice that a request finished, given with each submission when
/// <c>TagMyStock:PublicBaseUrl</c> is set. Anonymous but signed (<see cref="FalWebhookVerifier"/>): a bad signature is
/// 401, a body that is no notice 400. A notice marks the request's <see cref="AwaitedFalRequest"/>, once; one for a
/// request no job waits for is answered 200 too, since FAL retries anything else for hours.
/// </summary>
public static class FalWebhookApi
{
    public const string Path = "/api/fal/webhook";

    /// <summary>The rate limit of the anonymous endpoint, per address (<see cref="FalOptions.WebhookRequestsPerMinute"/>).</summary>
    public const string RateLimitPolicy = "fal-webhook";

    /// <summary>Notices carry the output's URLs, not its files: a few kilobytes. A larger body is refused (413) as it arrives.</summary>
    private const int MaxBodyBytes = 1 << 20;

    internal static IEndpointRouteBuilder MapFalWebhookApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(Path, ReceiveAsync).AllowAnonymous().DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .RequireRateLimiting(RateLimitPolicy).WithTags("FAL.ai");
        return routes;
    }

    private static async Task<Results<Ok, UnauthorizedHttpResult, BadRequest<ProblemDetails>, ProblemHttpResult>> ReceiveAsync(
        HttpRequest request,
        FalWebhookVerifier verifier,
        AppDbContext db,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        var body = buffer.ToArray();

        try
        {
            if (!await verifier.VerifyAsync(request.Headers, body, cancellationToken))
            {
                return TypedResults.Unauthorized();
            }
        }
        catch (ExternalServiceException failure)
        {
            // FAL's keys could not be read: FAL delivers the notice again later.
            return TypedResults.Problem(failure.Message, statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        FalWebhookNotice notice;
        try
        {
            notice = FalWebhookNotice.Parse(body);
        }
        catch (ExternalServiceException failure)
        {
            return BadRequest(failure.Message);
        }

        if (notice.RequestId != request.Headers["X-Fal-Webhook-Request-Id"].ToString())
        {
            return BadRequest("The notice names another request than its signature.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        await db.Set<AwaitedFalRequest>()
            .Where(awaited => awaited.RequestId == notice.RequestId && awaited.NotifiedAt == null)
            .ExecuteUpdateAsync(setters => setters.SetProperty(awaited => awaited.NotifiedAt, now), cancellationToken);
        return TypedResults.Ok();
    }

    private static BadRequest<ProblemDetails> BadRequest(string detail) => TypedResults.BadRequest(new ProblemDetails
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "Not a FAL notice",
        Detail = detail,
    });
}
