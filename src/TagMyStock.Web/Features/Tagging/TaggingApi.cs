using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TagMyStock.Core.Tagging;
using TagMyStock.Vision;
using TagMyStock.Web.Features.Accounts;
using TagMyStock.Web.Features.Gallery;
using TagMyStock.Web.Features.Jobs;
using TagMyStock.Web.Features.Settings;
using TagMyStock.Web.Features.Usage;
using TagMyStock.Web.Infrastructure.Data;
using TagMyStock.Web.Infrastructure.Web;

namespace TagMyStock.Web.Features.Tagging;

/// <summary><c>POST /api/images/{id}/tag</c> and <c>POST /api/images/tag</c> (a job: see <see cref="JobsApi"/>).</summary>
public static class TaggingApi
{
    /// <summary>A selection larger than this is more than any gallery page offers; split it.</summary>
    public const int MaxSelection = 5000;

    /// <summary>
    /// Registers the offline engine that sees the pixels behind <see cref="ITaggingEngine"/> (one instance: its models
    /// load once and it serves parallel images), its embedder for the gallery, the service and the selection's job.
    /// </summary>
    public static IHostApplicationBuilder AddTagging(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(_ => LocalEngine.Create());
        builder.Services.AddSingleton<ITaggingEngine>(services => services.GetRequiredService<LocalEngine>());
        builder.Services.AddSingleton<IImageEmbedder, EngineEmbedder>();
        builder.Services.AddScoped<TaggingService>();
        builder.Services.AddJobHandler<TagSelectionJob>(TagSelectionJob.Kind);
        return builder;
    }

    public static IEndpointRouteBuilder MapTagging(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").RequireAuthorization();
        api.MapPost("/images/{id:guid}/tag", TagOneAsync).RequireAntiforgeryHeader();
        api.MapPost("/images/tag", TagSelectionAsync).RequireAntiforgeryHeader();
        return routes;
    }

    private static async Task<Results<Ok<TagResponse>, NotFound, ValidationProblem, Conflict<ProblemDetails>>> TagOneAsync(
        Guid id,
        TagRequest? request,
        HttpContext http,
        TaggingService tagging,
        IAccountSettings settings,
        IUsageLog usage,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (HintProblem(request?.Hint) is { } problem)
        {
            return problem;
        }

        var owner = http.User.AccountId();
        var startedAt = time.GetUtcNow().UtcDateTime;
        var started = time.GetTimestamp();
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

        await usage.RecordAsync(
            new UsageOperation(owner, JobId: null, TagSelectionJob.Kind, startedAt, time.GetElapsedTime(started), UsageResult.Succeeded),
            [new UsageEntry(outcome.Result.Engine, Model: null, Images: 1)],
            cancellationToken);
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
        IJobQueue jobs,
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
        var input = new TagSelectionInput(
            [.. requested.Where(owned.Contains)],
            string.IsNullOrWhiteSpace(request.Hint) ? null : request.Hint.Trim(),
            requested.Count - owned.Count);
        var job = await jobs.EnqueueAsync(owner, TagSelectionJob.Kind, input, TagSelectionDetail.From(input, new TagSelectionProgress(0, 0, [])), cancellationToken);
        return TypedResults.Accepted(JobsApi.Location(job.Id), JobResponse.From(job));
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
