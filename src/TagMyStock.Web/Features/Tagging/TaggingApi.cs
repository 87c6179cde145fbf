using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TagMyStock.Core.Tagging;
using TagMyStock.Vision;
using TagMyStock.Web.Features.Accounts;
using TagMyStock.Web.Features.Gallery;
using TagMyStock.Web.Features.Settings;
using TagMyStock.Web.Infrastructure.Data;
using TagMyStock.Web.Infrastructure.Web;

namespace TagMyStock.Web.Features.Tagging;

/// <summary><c>POST /api/images/{id}/tag</c>, <c>POST /api/images/tag</c> and <c>GET /api/jobs/{id}</c>.</summary>
public static class TaggingApi
{
    /// <summary>A selection larger than this is more than any gallery page offers; split it.</summary>
    public const int MaxSelection = 5000;

    /// <summary>
    /// Registers the offline engine that sees the pixels behind <see cref="ITaggingEngine"/> (one instance: its models
    /// load once and it serves parallel images), its embedder for the gallery, the service and the job runner.
    /// </summary>
    public static IHostApplicationBuilder AddTagging(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(_ => LocalEngine.Create());
        builder.Services.AddSingleton<ITaggingEngine>(services => services.GetRequiredService<LocalEngine>());
        builder.Services.AddSingleton<IImageEmbedder, EngineEmbedder>();
        builder.Services.AddScoped<TaggingService>();
        builder.Services.AddSingleton<TaggingJobQueue>();
        builder.Services.AddHostedService<TaggingJobRunner>();
        return builder;
    }

    public static IEndpointRouteBuilder MapTagging(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").RequireAuthorization();
        api.MapPost("/images/{id:guid}/tag", TagOneAsync).RequireAntiforgeryHeader();
        api.MapPost("/images/tag", TagSelectionAsync).RequireAntiforgeryHeader();
        api.MapGet("/jobs/{id:guid}", GetJobAsync);
        return routes;
    }

    private static async Task<Results<Ok<TagResponse>, NotFound, ValidationProblem, Conflict<ProblemDetails>>> TagOneAsync(
        Guid id,
        TagRequest? request,
        HttpContext http,
        TaggingService tagging,
        IAccountSettings settings,
        CancellationToken cancellationToken)
    {
        if (HintProblem(request?.Hint) is { } problem)
        {
            return problem;
        }

        var owner = http.User.AccountId();
        TagOutcome? outcome;
        try
        {
            outcome = await tagging.TagAsync(owner, id, request?.Hint, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.Conflict(ApiProblems.Conflict("The image was changed while it was being tagged; its newer metadata was kept. Tag it again if you want."));
        }

        if (outcome is null)
        {
            return TypedResults.NotFound();
        }

        var image = outcome.Image;
        var agencies = await settings.GetAgenciesAsync(owner, cancellationToken);
        return TypedResults.Ok(new TagResponse(
            image.Id,
            image.Version,
            MetadataDto.From(image.Metadata),
            image.TaggedBy!,
            image.TaggedAt!.Value,
            [.. outcome.Result.Evidence.Select(EvidenceDto.From)],
            outcome.Result.Warnings,
            AgencyReportDto.For(image.Metadata, agencies, image.FileName)));
    }

    private static async Task<Results<Accepted<JobResponse>, ValidationProblem>> TagSelectionAsync(
        TagSelectionRequest request,
        HttpContext http,
        AppDbContext db,
        TaggingJobQueue queue,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (HintProblem(request.Hint) is { } problem)
        {
            return problem;
        }

        var requested = (request.Ids ?? []).Distinct().ToList();
        if (requested.Count is 0 or > MaxSelection)
        {
            return TypedResults.ValidationProblem(ApiProblems.Field("ids", $"Select between 1 and {MaxSelection} images to tag."));
        }

        var owner = http.User.AccountId();
        var owned = (await db.Set<StockImage>()
            .OwnedBy(owner)
            .Where(image => requested.Contains(image.Id))
            .Select(image => image.Id)
            .ToListAsync(cancellationToken)).ToHashSet();
        var now = time.GetUtcNow().UtcDateTime;
        var job = new TaggingJob
        {
            Id = Guid.CreateVersion7(),
            OwnerId = owner,
            Hint = string.IsNullOrWhiteSpace(request.Hint) ? null : request.Hint.Trim(),
            ImageIds = [.. requested.Where(owned.Contains)],
            NotFound = requested.Count - owned.Count,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        queue.Enqueue(job.Id);
        return TypedResults.Accepted($"/api/jobs/{job.Id}", JobResponse.From(job));
    }

    private static async Task<Results<Ok<JobResponse>, NotFound>> GetJobAsync(Guid id, HttpContext http, AppDbContext db, CancellationToken cancellationToken)
    {
        var owner = http.User.AccountId();
        var job = await db.Set<TaggingJob>().AsNoTracking().SingleOrDefaultAsync(j => j.Id == id && j.OwnerId == owner, cancellationToken);
        return job is null ? TypedResults.NotFound() : TypedResults.Ok(JobResponse.From(job));
    }

    private static ValidationProblem? HintProblem(string? hint) =>
        hint is { Length: > TaggingInput.MaxHintLength }
            ? TypedResults.ValidationProblem(ApiProblems.Field("hint", $"Keep the hint under {TaggingInput.MaxHintLength} characters: a sentence or two about what the image shows."))
            : null;
}

/// <param name="Hint">What the image shows, in the contributor's words; the strongest source of keywords.</param>
public sealed record TagRequest(string? Hint);

public sealed record TagSelectionRequest(IReadOnlyList<Guid>? Ids, string? Hint);

/// <param name="Version">The image's metadata version after tagging, for the next save.</param>
/// <param name="Agencies">The saved metadata checked against each of the account's agencies.</param>
public sealed record TagResponse(
    Guid Id,
    int Version,
    MetadataDto Metadata,
    string TaggedBy,
    DateTime TaggedAt,
    IReadOnlyList<EvidenceDto> Evidence,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<AgencyReportDto> Agencies);

/// <summary>Why a keyword or flag (<c>flag:people-release-needed</c>) is there: the sources that support it, strongest first.</summary>
/// <param name="Reasons">What was measured or matched outside text, e.g. "1 face, 18 % of the frame".</param>
public sealed record EvidenceDto(string Term, IReadOnlyList<string> Sources, double Score, IReadOnlyList<string> Reasons)
{
    public static EvidenceDto From(Evidence evidence) =>
        new(evidence.Term, [.. evidence.Sources.Select(source => source.ToString())], evidence.Score, evidence.Reasons);
}

/// <param name="Total">The account's images in the selection; <paramref name="NotFound"/> counts the other ids.</param>
/// <param name="Percent">Share of <paramref name="Total"/> processed (done or failed), 0 to 100.</param>
public sealed record JobResponse(
    Guid Id,
    string State,
    int Total,
    int Done,
    int Failed,
    int NotFound,
    int Percent,
    IReadOnlyList<TaggingFailure> Failures)
{
    public static JobResponse From(TaggingJob job) => new(
        job.Id,
        job.State.ToString().ToLowerInvariant(),
        job.Total,
        job.Done,
        job.Failed,
        job.NotFound,
        job.Total == 0 ? 100 : job.Processed * 100 / job.Total,
        job.Failures);
}
