using TagMyStock.Core.Tagging;
using TagMyStock.Web.Infrastructure.ExternalServices;

namespace TagMyStock.Web.Features.Tagging.OpenRouter;

public static class OpenRouterExtensions
{
    /// <summary>
    /// Registers the vision-model engine as <see cref="OpenRouterTaggingEngine"/> and as the keyed
    /// <see cref="ITaggingEngine"/> <c>"openrouter"</c>, beside the default engine, which it does not replace:
    /// without a key it reports that it is not configured and the default engine goes on serving.
    /// </summary>
    public static IHostApplicationBuilder AddOpenRouterTagging(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<OpenRouterOptions>().BindConfiguration(OpenRouterOptions.Section)
            .ValidateDataAnnotations()
            .Validate(options => options.BaseUrl.IsAbsoluteUri, "TagMyStock:OpenRouter:BaseUrl must be an absolute URL.")
            .Validate(options => options.RequestTimeout > TimeSpan.Zero, "TagMyStock:OpenRouter:RequestTimeout must be positive.")
            .ValidateOnStart();
        builder.Services.AddHttpClient<OpenRouterClient>().AddServiceResilience<OpenRouterOptions>();
        builder.Services.AddTransient<OpenRouterTaggingEngine>();
        builder.Services.AddKeyedTransient<ITaggingEngine>(OpenRouterTaggingEngine.EngineName, (services, _) => services.GetRequiredService<OpenRouterTaggingEngine>());
        return builder;
    }
}
