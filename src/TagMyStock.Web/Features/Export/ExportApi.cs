using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TagMyStock.Core.Agencies;
using TagMyStock.Web.Features.Accounts;
using TagMyStock.Web.Features.Settings;
using TagMyStock.Web.Features.Tagging;
using TagMyStock.Web.Infrastructure.Data;

namespace TagMyStock.Web.Features.Export;

/// <summary><c>GET /api/export/csv</c>: one agency's CSV; <c>GET /api/export/zip</c>: the originals with their metadata embedded.</summary>
public static class ExportApi
{
    public static IHostApplicationBuilder AddExport(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ZipExport>();
        return builder;
    }

    public static IEndpointRouteBuilder MapExport(this IEndpointRouteBuilder routes)
    {
        var export = routes.MapGroup("/api/export").RequireAuthorization();
        export.MapGet("/csv", CsvAsync);
        export.MapGet("/zip", ZipAsync);
        return routes;
    }

    private static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> CsvAsync(
        [FromQuery] string? agency,
        [FromQuery] string[]? ids,
        HttpContext http,
        AppDbContext db,
        IAccountSettings settings,
        CancellationToken cancellationToken)
    {
        if (AgencyCatalog.Find(agency ?? "") is not { } profile)
        {
            return TypedResults.ValidationProblem(ApiProblems.Field("agency", $"Choose the agency whose CSV you want: {KnownAgencies}."));
        }

        if (!profile.HasCsv)
        {
            return TypedResults.ValidationProblem(ApiProblems.Field("agency", profile.CsvConfidenceNotice!));
        }

        if (!ExportSelection.TryParseIds(ids, out var selected, out var error))
        {
            return TypedResults.ValidationProblem(ApiProblems.Field("ids", error!));
        }

        var images = await ExportSelection.LoadAsync(db, http.User.AccountId(), selected, cancellationToken);
        if (selected.Count > 0 && images.Count == 0)
        {
            return TypedResults.NotFound();
        }

        var rules = await settings.GetRulesAsync(http.User.AccountId(), cancellationToken);
        var rows = ExportSelection.Prepare(images, profile, rules).Select(item => item.Row!).ToList();
        var files = CsvExport.Files(profile, rows);
        if (files.Count == 1)
        {
            return TypedResults.File(files[0].Content, "text/csv; charset=utf-8", files[0].FileName);
        }

        // Beyond the agency's row limit the export is several files, as the command line writes them.
        using var zipped = new MemoryStream();
        await ZipExport.WriteFilesAsync(zipped, files, cancellationToken);
        return TypedResults.File(zipped.ToArray(), "application/zip", $"{Path.GetFileNameWithoutExtension(files[0].FileName)}-csv.zip");
    }

    private static async Task<Results<PushStreamHttpResult, NotFound, ValidationProblem>> ZipAsync(
        [FromQuery] string? agency,
        [FromQuery] string[]? ids,
        HttpContext http,
        AppDbContext db,
        IAccountSettings settings,
        ZipExport zip,
        CancellationToken cancellationToken)
    {
        AgencyProfile? profile = null;
        if (!string.IsNullOrWhiteSpace(agency) && (profile = AgencyCatalog.Find(agency)) is null)
        {
            return TypedResults.ValidationProblem(ApiProblems.Field("agency", $"Unknown agency \"{agency}\": use one of {KnownAgencies}, or none."));
        }

        if (!ExportSelection.TryParseIds(ids, out var selected, out var error))
        {
            return TypedResults.ValidationProblem(ApiProblems.Field("ids", error!));
        }

        var images = await ExportSelection.LoadAsync(db, http.User.AccountId(), selected, cancellationToken);
        if (selected.Count > 0 && images.Count == 0)
        {
            return TypedResults.NotFound();
        }

        var items = ExportSelection.Prepare(images, profile, await settings.GetRulesAsync(http.User.AccountId(), cancellationToken));
        var csvFiles = profile is { HasCsv: true } ? CsvExport.Files(profile, [.. items.Select(item => item.Row!)]) : [];
        return TypedResults.Stream(
            async body =>
            {
                // Headers go out now and every entry follows as it is written: a large export never sits in a buffer.
                http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
                await http.Response.StartAsync(http.RequestAborted);
                await zip.WriteAsync(body, csvFiles, items, http.RequestAborted);
            },
            "application/zip",
            profile is null ? "tagmystock-images.zip" : $"tagmystock-{profile.Id}.zip");
    }

    private static string KnownAgencies => string.Join(", ", AgencyCatalog.All.Select(agency => agency.Id));
}
