using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using TagMyStock.Web.Features.Accounts;
using TagMyStock.Web.Features.Generation.Fal;
using TagMyStock.Web.Features.Jobs;
using TagMyStock.Web.Infrastructure.Web;

namespace TagMyStock.Web.Features.Generation;

/// <summary>
/// <c>POST /api/generations</c>: checks a text-to-image request and starts a <see cref="GenerateJob"/>; its progress
/// and results are the job's (<see cref="JobsApi"/>). 409 while no FAL key is configured.
/// </summary>
public static class GenerationApi
{
    public const string Path = "/api/generations";

    internal static IEndpointRouteBuilder MapGenerationApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(Path, GenerateAsync).RequireAuthorization().RequireAntiforgeryHeader().WithTags("Generation");
        return routes;
    }

    private static async Task<Results<Accepted<JobResponse>, ValidationProblem, Conflict<ProblemDetails>>> GenerateAsync(
        GenerationRequest request,
        HttpContext http,
        IOptions<FalOptions> fal,
        IJobQueue jobs,
        CancellationToken cancellationToken)
    {
        if (!fal.Value.IsConfigured)
        {
            return TypedResults.Conflict(new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Generation is not configured",
                Detail = GenerationChoices.NotConfigured,
            });
        }

        var (input, errors) = GenerationChoices.Check(request, fal.Value);
        if (input is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The generation request has problems.");
        }

        var model = fal.Value.Models[input.Model];
        var job = await jobs.EnqueueAsync(http.User.AccountId(), GenerateJob.Kind, input, GenerationDetail.Initial(input, model), cancellationToken);
        return TypedResults.Accepted(JobsApi.Location(job.Id), JobResponse.From(job));
    }
}
