using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TagMyStock.Web.Features.Accounts;
using TagMyStock.Web.Infrastructure.Data;
using TagMyStock.Web.Infrastructure.Web;

namespace TagMyStock.Web.Features.Jobs;

/// <summary><c>GET /api/jobs/{id}</c> (progress) and <c>POST /api/jobs/{id}/cancel</c>, for the job's owner only.</summary>
public static class JobsApi
{
    public static string Location(Guid jobId) => $"/api/jobs/{jobId:D}";

    internal static IEndpointRouteBuilder MapJobsApi(this IEndpointRouteBuilder routes)
    {
        var jobs = routes.MapGroup("/api/jobs").RequireAuthorization();
        jobs.MapGet("/{id:guid}", GetAsync);
        jobs.MapPost("/{id:guid}/cancel", CancelAsync).RequireAntiforgeryHeader();
        return routes;
    }

    private static async Task<Results<Ok<JobResponse>, NotFound>> GetAsync(Guid id, HttpContext http, AppDbContext db, CancellationToken cancellationToken)
    {
        var owner = http.User.AccountId();
        var job = await db.Set<Job>().AsNoTracking().SingleOrDefaultAsync(j => j.Id == id && j.OwnerId == owner, cancellationToken);
        return job is null ? TypedResults.NotFound() : TypedResults.Ok(JobResponse.From(job));
    }

    private static async Task<Results<Ok<JobResponse>, NotFound>> CancelAsync(Guid id, HttpContext http, IJobQueue queue, CancellationToken cancellationToken)
    {
        var job = await queue.CancelAsync(http.User.AccountId(), id, cancellationToken);
        return job is null ? TypedResults.NotFound() : TypedResults.Ok(JobResponse.From(job));
    }
}

/// <param name="State">queued, running, succeeded, failed or cancelled.</param>
/// <param name="Percent">0 to 100.</param>
/// <param name="Note">What the job is doing now, in words.</param>
/// <param name="Error">Why it failed, in words.</param>
/// <param name="Detail">The job kind's own account (tagging: counts and failures), or null.</param>
public sealed record JobResponse(
    Guid Id,
    string Kind,
    string State,
    bool Finished,
    int Percent,
    string? Note,
    string? Error,
    int Attempts,
    DateTime CreatedAt,
    DateTime? FinishedAt,
    JsonElement? Detail)
{
    public static JobResponse From(Job job) => new(
        job.Id,
        job.Kind,
        job.State.ToString().ToLowerInvariant(),
        job.IsFinished,
        job.Percent,
        job.Note,
        job.Error,
        job.Attempts,
        job.CreatedAt,
        job.FinishedAt,
        job.Detail is null ? null : JsonDocument.Parse(job.Detail).RootElement.Clone());
}
