using TagMyStock.Web.Features.Jobs;

namespace TagMyStock.Web.Features.Generation;

public static class GenerationExtensions
{
    /// <summary>Text-to-image generation as <c>generate</c> jobs; needs <c>AddFal</c> and <c>AddJobs</c>.</summary>
    public static IHostApplicationBuilder AddGeneration(this IHostApplicationBuilder builder)
    {
        builder.Services.AddJobHandler<GenerateJob>(GenerateJob.Kind);
        return builder;
    }

    public static IEndpointRouteBuilder MapGeneration(this IEndpointRouteBuilder routes) => routes.MapGenerationApi();
}
