using TagMyStock.Web.Features.Jobs;

namespace TagMyStock.Web.Features.Generation;

public static class GenerationExtensions
{
    /// <summary>Text-to-image generation as <c>generate</c> jobs; needs <c>AddFal</c> and <c>AddJobs</c>.</summary>
    public static IHostApplicationBuilder AddGeneration(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GenerationOptions>().BindConfiguration(GenerationOptions.Section)
            .Validate(options => options.PollInterval > TimeSpan.Zero, $"{GenerationOptions.Section}:PollInterval must be positive.")
            .Validate(options => options.GiveUpAfter > options.PollInterval, $"{GenerationOptions.Section}:GiveUpAfter must be longer than the poll interval.")
            .ValidateOnStart();
        builder.Services.AddJobHandler<GenerateJob>(GenerateJob.Kind);
        return builder;
    }

    public static IEndpointRouteBuilder MapGeneration(this IEndpointRouteBuilder routes) => routes.MapGenerationApi();
}
