using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TagMyStock.Core.Agencies;
using TagMyStock.Core.Validation;
using TagMyStock.Web.Features.Accounts;
using TagMyStock.Web.Features.Tagging;
using TagMyStock.Web.Infrastructure.Web;

namespace TagMyStock.Web.Features.Editor;

/// <summary>The metadata of one image (read, save, fix) and copying it onto others; the editor page's API twin.</summary>
public static class EditorApi
{
    public static IHostApplicationBuilder AddEditor(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<MetadataEditor>();
        builder.Services.AddScoped<MetadataCopy>();
        return builder;
    }

    public static IEndpointRouteBuilder MapEditor(this IEndpointRouteBuilder routes)
    {
        var images = routes.MapGroup("/api/images/{id:guid}").RequireAuthorization();
        images.MapGet("/metadata", GetAsync);
        images.MapPut("/metadata", PutAsync).RequireAntiforgeryHeader();
        images.MapPost("/fix", FixAsync).RequireAntiforgeryHeader();
        images.MapPost("/copy-metadata", CopyAsync).RequireAntiforgeryHeader();
        return routes;
    }

    private static async Task<Results<Ok<MetadataResponse>, NotFound>> GetAsync(Guid id, HttpContext http, MetadataEditor editor, CancellationToken cancellationToken) =>
        await editor.GetAsync(http.User.AccountId(), id, cancellationToken) is { } document
            ? TypedResults.Ok(MetadataResponse.From(document))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<MetadataResponse>, NotFound, ValidationProblem, Conflict<ProblemDetails>>> PutAsync(
        Guid id, HttpContext http, MetadataEditor editor, CancellationToken cancellationToken)
    {
        var (update, errors) = await JsonBody.ReadAsync<MetadataUpdate>(http.Request, MetadataInput.Shape, optional: false, cancellationToken);
        if (errors is not null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var problems = MetadataInput.Problems(update!);
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems);
        }

        var owner = http.User.AccountId();
        if (await editor.GetAsync(owner, id, cancellationToken) is not { } current)
        {
            return TypedResults.NotFound();
        }

        return Answer(await editor.SaveAsync(owner, id, update!.Version!.Value, MetadataInput.ToMetadata(update, current.Metadata), cancellationToken));
    }

    private static async Task<Results<Ok<MetadataResponse>, NotFound, ValidationProblem, Conflict<ProblemDetails>>> FixAsync(
        Guid id, HttpContext http, MetadataEditor editor, CancellationToken cancellationToken)
    {
        const string shape = "version is a number, agency an agency id, code (optional) the code of one problem; without a code every fix is applied";
        var (request, errors) = await JsonBody.ReadAsync<FixRequest>(http.Request, shape, optional: false, cancellationToken);
        if (errors is not null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (request!.Version is not { } version || AgencyCatalog.All.FirstOrDefault(agency => agency.Id == request.Agency) is not { } agency)
        {
            return TypedResults.ValidationProblem(ApiProblems.Field("agency", $"Send the version you loaded and an agency: {string.Join(", ", AgencyCatalog.All.Select(known => known.Id))}."));
        }

        var owner = http.User.AccountId();
        if (await editor.GetAsync(owner, id, cancellationToken) is not { } current)
        {
            return TypedResults.NotFound();
        }

        var metadata = current.Metadata;
        if (request.Code is null)
        {
            metadata = MetadataFixer.AutoFix(metadata, agency, current.Rules);
        }
        else if (current.Validate(metadata, agency).Problems.FirstOrDefault(problem => problem.Code == request.Code && problem.Fix is not null) is { } problem)
        {
            metadata = problem.Fix!.Apply(metadata);
        }
        else
        {
            return TypedResults.ValidationProblem(ApiProblems.Field("code", $"There is no problem \"{request.Code}\" with a fix for {agency.Name} now."));
        }

        return Answer(await editor.SaveAsync(owner, id, version, metadata, cancellationToken));
    }

    private static async Task<Results<Ok<CopyResult>, NotFound, ValidationProblem>> CopyAsync(
        Guid id, HttpContext http, MetadataCopy copy, CancellationToken cancellationToken)
    {
        const string shape = "targets is a list of image ids, parts a list of title, description, keywords, categories, flags";
        var (request, errors) = await JsonBody.ReadAsync<CopyRequest>(http.Request, shape, optional: false, cancellationToken);
        if (errors is not null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var targets = request!.Targets ?? [];
        if (targets.Count is 0 or > MetadataCopy.MaxTargets)
        {
            return TypedResults.ValidationProblem(ApiProblems.Field("targets", $"Select between 1 and {MetadataCopy.MaxTargets} images to copy onto."));
        }

        var parts = MetadataParts.None;
        foreach (var name in request.Parts ?? [])
        {
            if (!Enum.TryParse<MetadataParts>(name, ignoreCase: true, out var part) || part == MetadataParts.None || !Enum.IsDefined(part))
            {
                return TypedResults.ValidationProblem(ApiProblems.Field("parts", $"\"{name}\" is not a part: use title, description, keywords, categories or flags."));
            }

            parts |= part;
        }

        if (parts == MetadataParts.None)
        {
            return TypedResults.ValidationProblem(ApiProblems.Field("parts", "Choose what to copy: title, description, keywords, categories or flags."));
        }

        return await copy.CopyAsync(http.User.AccountId(), id, targets, parts, cancellationToken) is { } result
            ? TypedResults.Ok(result)
            : TypedResults.NotFound();
    }

    private static Results<Ok<MetadataResponse>, NotFound, ValidationProblem, Conflict<ProblemDetails>> Answer(SaveResult result) => result.Status switch
    {
        SaveStatus.Saved => TypedResults.Ok(MetadataResponse.From(result.Document!)),
        SaveStatus.Conflict => TypedResults.Conflict(WithCurrent(ApiProblems.Conflict(MetadataEditor.ConflictMessage), result.Document!)),
        _ => TypedResults.NotFound(),
    };

    private static ProblemDetails WithCurrent(ProblemDetails problem, EditorDocument current)
    {
        problem.Extensions["current"] = MetadataResponse.From(current);
        return problem;
    }
}

/// <param name="Version">Send it back with the next save; a save from an older version gets 409.</param>
/// <param name="Evidence">Why the last tagging run wrote each keyword and flag it kept; words added by hand have none.</param>
/// <param name="Agencies">
/// The metadata checked against each of the account's agencies (<c>/settings/agencies</c>) and its own rules (<c>/settings/rules</c>).
/// </param>
public sealed record MetadataResponse(
    Guid Id,
    string FileName,
    int Version,
    MetadataDto Metadata,
    string? TaggedBy,
    DateTime? TaggedAt,
    IReadOnlyList<EvidenceDto> Evidence,
    IReadOnlyList<AgencyReportDto> Agencies)
{
    public static MetadataResponse From(EditorDocument document) => new(
        document.Id,
        document.FileName,
        document.Version,
        MetadataDto.From(document.Metadata),
        document.TaggedBy,
        document.TaggedAt,
        [.. document.Evidence.Select(EvidenceDto.From)],
        AgencyReportDto.For(document.Metadata, document.Agencies, document.Rules, document.FileName, document.PixelSize));
}

/// <param name="Code">A problem's code, e.g. <c>title.too-long</c>; null applies every fix for the agency.</param>
public sealed record FixRequest(int? Version, string? Agency, string? Code);

public sealed record CopyRequest(IReadOnlyList<Guid>? Targets, IReadOnlyList<string>? Parts);
