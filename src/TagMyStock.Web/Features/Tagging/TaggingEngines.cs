using Microsoft.Extensions.Options;
using TagMyStock.Core.Tagging;
using TagMyStock.Web.Features.Tagging.OpenRouter;
using TagMyStock.Web.Infrastructure.ExternalServices;

namespace TagMyStock.Web.Features.Tagging;

/// <summary>
/// The engines a contributor chooses from for each tagging run, by the key the API, the pages and the jobs use:
/// <c>local</c>, always there, and <c>openrouter</c>, there once an admin has set its key.
/// </summary>
public sealed class TaggingEngines(IServiceProvider services, IOptions<OpenRouterOptions> openRouter)
{
    public const string Local = "local";

    public const string OpenRouter = OpenRouterTaggingEngine.EngineName;

    /// <summary>What the API says about an <c>engine</c> it does not know.</summary>
    public const string UnknownEngineMessage = $"Choose the engine \"{Local}\" (offline, on this server) or \"{OpenRouter}\" (a vision model through OpenRouter).";

    /// <summary>Every engine, in the order the pages offer them; an unavailable one says why.</summary>
    public IReadOnlyList<TaggingEngineChoice> Choices =>
    [
        new(Local, "Local (offline)", Unavailable: null),
        new(OpenRouter, "Vision model (OpenRouter)", openRouter.Value.IsConfigured
            ? null
            : ServiceCalls.Describe(OpenRouterClient.ServiceName, ExternalServiceFailure.NotConfigured, detail: null, OpenRouterOptions.KeySetting)),
    ];

    /// <summary>The engine <paramref name="key"/> names (the local one when null or blank), or null for an unknown key.</summary>
    public TaggingEngineChoice? Find(string? key) => string.IsNullOrWhiteSpace(key)
        ? Choices[0]
        : Choices.FirstOrDefault(choice => string.Equals(choice.Key, key.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The engine registered under <paramref name="key"/> (see <see cref="TaggingApi.AddTagging"/>).</summary>
    public ITaggingEngine Get(string key) => services.GetRequiredKeyedService<ITaggingEngine>(key);
}

/// <param name="Key">What the API's <c>engine</c> field takes.</param>
/// <param name="Unavailable">Why the engine cannot be used now, in a sentence that says who can change it; null when it can.</param>
public sealed record TaggingEngineChoice(string Key, string Label, string? Unavailable)
{
    public bool IsAvailable => Unavailable is null;
}
