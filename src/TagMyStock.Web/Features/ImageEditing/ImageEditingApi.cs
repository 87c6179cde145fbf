using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TagMyStock.Web.Features.Accounts;
using TagMyStock.Web.Features.Gallery;
using TagMyStock.Web.Features.Gallery.Upload;
using TagMyStock.Web.Features.Generation.Fal;
using TagMyStock.Web.Features.Jobs;
using TagMyStock.Web.Infrastructure.Data;
using TagMyStock.Web.Infrastructure.Web;

namespace TagMyStock.Web.Features.ImageEditing;

/// <summary>
/// <c>POST /api/images/{id}/edits/{transform|upscale|background|instruction|inpaint}</c>: checks the edit and starts an
/// <see cref="EditImageJob"/> whose progress and new image are the job's (<see cref="JobsApi"/>). Another account's
/// image is 404; the edits made at FAL.ai answer 409 while no FAL key is configured.
/// </summary>
public static class ImageEditingApi
{
    internal static IEndpointRouteBuilder MapImageEditingApi(this IEndpointRouteBuilder routes)
    {
        var edits = routes.MapGroup("/api/images/{id:guid}/edits").RequireAuthorization().RequireAntiforgeryHeader().WithTags("Image editing");
        edits.MapPost("/transform", (Guid id, TransformRequest request, [AsParameters] Edits edit, CancellationToken cancellationToken) =>
            edit.StartAsync(id, source => EditChecks.Transform(source, request), cancellationToken));
        // Checked after the body is read, as the endpoint itself would: a malformed body is a 400 either way.
        var atFal = edits.MapGroup("").AddEndpointFilter(RequireFal).ProducesProblem(StatusCodes.Status409Conflict);
        atFal.MapPost("/upscale", (Guid id, UpscaleRequest request, [AsParameters] Edits edit, IOptions<UploadOptions> uploads, CancellationToken cancellationToken) =>
            edit.StartAsync(id, source => EditChecks.Upscale(source, request, edit.Fal, uploads.Value.MaxPixels), cancellationToken));
        atFal.MapPost("/background", (Guid id, BackgroundRequest request, [AsParameters] Edits edit, CancellationToken cancellationToken) =>
            edit.StartAsync(id, source => EditChecks.Background(source, request, edit.Fal), cancellationToken));
        atFal.MapPost("/instruction", (Guid id, InstructionRequest request, [AsParameters] Edits edit, CancellationToken cancellationToken) =>
            edit.StartAsync(id, source => EditChecks.Instruction(source, request, edit.Fal), cancellationToken));
        atFal.MapPost("/inpaint", (Guid id, InpaintRequest request, [AsParameters] Edits edit, CancellationToken cancellationToken) =>
            edit.StartAsync(id, source => EditChecks.Inpaint(source, request, edit.Fal), cancellationToken));
        return routes;
    }

    /// <summary>The edits made at FAL.ai answer 409 with what an admin sets while no FAL key is configured.</summary>
    private static async ValueTask<object?> RequireFal(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.RequestServices.GetRequiredService<IOptions<FalOptions>>().Value.IsConfigured
            ? await next(context)
            : TypedResults.Problem(NotConfigured, statusCode: StatusCodes.Status409Conflict, title: "AI editing is not configured");

    /// <summary>What every edit endpoint does once its body is read: find the image, check the edit, queue the job.</summary>
    internal readonly record struct Edits(HttpContext Http, AppDbContext Db, IJobQueue Jobs, IOptions<FalOptions> FalSettings)
    {
        public FalOptions Fal => FalSettings.Value;

        public async Task<Results<Accepted<JobResponse>, ValidationProblem, NotFound>> StartAsync(
            Guid id, Func<StockImage, (EditInput? Input, Dictionary<string, string[]> Errors)> check, CancellationToken cancellationToken)
        {
            var owner = Http.User.AccountId();
            var source = await Db.Set<StockImage>().AsNoTracking().OwnedBy(owner).SingleOrDefaultAsync(image => image.Id == id, cancellationToken);
            if (source is null)
            {
                return TypedResults.NotFound();
            }

            if (source.Derivatives == DerivativeState.Failed)
            {
                return TypedResults.ValidationProblem(
                    new Dictionary<string, string[]>(StringComparer.Ordinal) { ["image"] = [$"This image cannot be edited: {source.DerivativeError ?? "it could not be read"}."] },
                    title: "The image cannot be edited.");
            }

            var (input, errors) = check(source);
            if (input is null)
            {
                return TypedResults.ValidationProblem(errors, title: "The edit has problems.");
            }

            var job = await Jobs.EnqueueAsync(owner, EditImageJob.Kind, input, new EditDetail(source.Id, EditDescriptions.Operation(input)), cancellationToken);
            return TypedResults.Accepted(JobsApi.Location(job.Id), JobResponse.From(job));
        }
    }

    /// <summary>The message the edit page and the API give while no FAL key is set.</summary>
    public static string NotConfigured =>
        $"AI editing (upscale, background removal, instruction edits, inpainting) is not configured on this server. An administrator turns it on by setting the environment variable {FalOptions.KeySetting} to a FAL.ai API key and restarting TagMyStock. Rotate, crop, resize and convert work without it.";
}
