using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TagMyStock.Core.Tagging;
using TagMyStock.Vision;
using TagMyStock.Web.Features.Accounts;
using TagMyStock.Web.Features.Gallery;
using TagMyStock.Web.Features.Jobs;
using TagMyStock.Web.Infrastructure.Data;
using TagMyStock.Web.Infrastructure.ExternalServices;
using TagMyStock.Web.Infrastructure.Web;

namespace TagMyStock.Web.Features.Tagging;

/// <summary><c>POST /api/images/{id}/tag</c> and <c>POST /api/images/tag</c> (a job: see <see cref="JobsApi"/>).</summary>
public static class TaggingApi
{
    /// <summary>A selection larger than this is more than any gallery page offers; split it.</summary>
    public const int MaxSelection = 5000;

    /// <summary>
    /// Registers the offline engine that sees the pixels behind <see cref="ITaggingEngine"/>, as the default and keyed
    /// <c>local</c> (one instance: its models load once and it serves parallel images), its embedder for the gallery,
    /// the engine choice, the service, the selection's job and its group in the gallery's toolbar. The vision-model engine registers itself as keyed
    /// <c>openrouter</c> (<see cref="OpenRouter.OpenRouterExtensions.AddOpenRouterTagging"/>).
    /// </summary>
    public static IHostApplicationBuilder AddTagging(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(_ => LocalEngine.Create());
        builder.Services.AddSingleton<ITaggingEngine>(services => services.GetRequiredService<LocalEngine>());
        builder.Services.AddKeyedSingleton<ITaggingEngine>(TaggingEngines.Local, (services, _) => services.GetRequiredService<LocalEngine>());
        builder.Services.AddSingleton<IImageEmbedder, EngineEmbedder>();
        builder.Services.AddScoped<TaggingEngines>();
        builder.Services.AddScoped<TaggingService>();
        builder.Services.AddScoped<InteractiveTagging>();
        builder.Services.AddJobHandler<TagSelectionJob>(TagSelectionJob.Kind);
        builder.Services.Configure<GalleryToolbarOptions>(toolbar => toolbar.Groups.Add(typeof(TagSelectedGroup)));
        return builder;
    }

    public static IEndpointRouteBuilder MapTagging(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").RequireAuthorization();
        api.MapPost("/images/{id:guid}/tag", TagOneAsync).RequireAntiforgeryHeader();
        api.MapPost("/images/tag", TagSelectionAsync).RequireAntiforgeryHeader();
        return routes;
    }

    private static async Task<Results<Ok<TagResponse>, NotFound, ValidationProblem, Conflict<ProblemDetails>, ProblemHttpResult>> TagOneAsync(
        Guid id,
        TagRequest? request,
        HttpContext http,
        InteractiveTagging tagging,
        TaggingEngines engines,
        CancellationToken cancellationToken)
    {
        if (HintProblem(request?.Hint) is { } problem)
        {
            return problem;
        }

        var engine = engines.Find(request?.Engine);
        if (engine is null)
        {
            return TypedResults.ValidationProblem(ApiProblems.Field("engine", TaggingEngines.UnknownEngineMessage));
        }

        if (!engine.IsAvailable)
        {
            return TypedResults.Conflict(ApiProblems.EngineUnavailable(engine.Unavailable!));
        }

        var owner = http.User.AccountId();
        TagOutcome? outcome;
        try
        {
            outcome = await tagging.TagAsync(owner, id, request?.Hint, engine.Key, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.Conflict(ApiProblems.Conflict("The image was changed while it was being tagged; its newer metadata was kept. Tag it again if you want."));
        }
        catch (ExternalServiceException failure)
        {
            if (failure.RetryAfter is { } wait)
            {
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            return TypedResults.Problem(ApiProblems.EngineFailed(failure));
        }

        if (outcome is null)
        {
            return TypedResults.NotFound();
        }

        var image = outcome.Image;
        var agencies = outcome.Prepared.ForAgencies.Select(version => version.Agency);
        return TypedResults.Ok(new TagResponse(
            image.Id,
            image.Version,
            MetadataDto.From(image.Metadata),
            image.TaggedBy!,
            image.TaggedAt!.Value,
            [.. image.Evidence.Select(EvidenceDto.From)],
            outcome.Result.Warnings,
            AgencyReportDto.For(image.Metadata, agencies, outcome.Rules, image.FileName, image.PixelSize),
            outcome.Result.Usage is { } usage ? new TagUsageDto(usage.Model, usage.PromptTokens, usage.CompletionTokens, usage.Cost) : null));
    }

    private static async Task<Results<Accepted<JobResponse>, ValidationProblem, Conflict<ProblemDetails>>> TagSelectionAsync(
        TagSelectionRequest request,
        HttpContext http,
        AppDbContext db,
        IJobQueue jobs,
        TaggingEngines engines,
        CancellationToken cancellationToken)
    {
        if (HintProblem(request.Hint) is { } problem)
        {
            return problem;
        }

        var engine = engines.Find(request.Engine);
        if (engine is null)
        {
            return TypedResults.ValidationProblem(ApiProblems.Field("engine", TaggingEngines.UnknownEngineMessage));
        }

        if (!engine.IsAvailable)
        {
            return TypedResults.Conflict(ApiProblems.EngineUnavailable(engine.Unavailable!));
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
            requested.Count - owned.Count,
            engine.Key);
        var job = await jobs.EnqueueAsync(owner, TagSelectionJob.Kind, input, TagSelectionDetail.From(input, TagSelectionProgress.None), cancellationToken);
        return TypedResults.Accepted(JobsApi.Location(job.Id), JobResponse.From(job));
    }

    private static ValidationProblem? HintProblem(string? hint) =>
        hint is { Length: > TaggingInput.MaxHintLength }
            ? TypedResults.ValidationProblem(ApiProblems.Field("hint", $"Keep the hint under {TaggingInput.MaxHintLength} characters: a sentence or two about what the image shows."))
            : null;
}

/// <param name="Hint">What the image shows, in the contributor's words; the strongest source of keywords.</param>
/// <param name="Engine"><c>local</c> (the default) or <c>openrouter</c>: see <see cref="TaggingEngines"/>.</param>
public sealed record TagRequest(string? Hint, string? Engine = null);

/// <param name="Engine"><c>local</c> (the default) or <c>openrouter</c>: see <see cref="TaggingEngines"/>.</param>
public sealed record TagSelectionRequest(IReadOnlyList<Guid>? Ids, string? Hint, string? Engine = null);

/// <param name="Version">The image's metadata version after tagging, for the next save.</param>
/// <param name="Agencies">The saved metadata checked against each of the account's agencies.</param>
/// <param name="Usage">What the vision model used, as its provider reported it; null for the offline engine.</param>
public sealed record TagResponse(
    Guid Id,
    int Version,
    MetadataDto Metadata,
    string TaggedBy,
    DateTime TaggedAt,
    IReadOnlyList<EvidenceDto> Evidence,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<AgencyReportDto> Agencies,
    TagUsageDto? Usage);

/// <param name="Model">The model that answered (a fallback may answer for the configured one).</param>
/// <param name="Cost">The provider's cost in US dollars, when it reported one.</param>
public sealed record TagUsageDto(string Model, int PromptTokens, int CompletionTokens, decimal? Cost);

/// <summary>Why a keyword or flag (<c>flag:people-release-needed</c>) is there: the sources that support it, strongest first.</summary>
/// <param name="Reasons">What was measured or matched outside text, e.g. "1 face, 18 % of the frame".</param>
public sealed record EvidenceDto(string Term, IReadOnlyList<string> Sources, double Score, IReadOnlyList<string> Reasons)
{
    public static EvidenceDto From(Evidence evidence) =>
        new(evidence.Term, [.. evidence.Sources.Select(source => source.ToString())], evidence.Score, evidence.Reasons);
}
