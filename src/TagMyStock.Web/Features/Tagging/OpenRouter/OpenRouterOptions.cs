using System.ComponentModel.DataAnnotations;
using TagMyStock.Web.Infrastructure.ExternalServices;

namespace TagMyStock.Web.Features.Tagging.OpenRouter;

/// <summary>Settings under <c>TagMyStock:OpenRouter</c>: the vision-model tagging engine.</summary>
public sealed class OpenRouterOptions : IServiceCallOptions
{
    public const string Section = "TagMyStock:OpenRouter";

    /// <summary>The environment variable an admin sets, as messages name it.</summary>
    public const string KeySetting = "TagMyStock__OpenRouter__Key";

    /// <summary>The API key; without one the engine reports that it is not configured.</summary>
    public string? Key { get; set; }

    public Uri BaseUrl { get; set; } = new("https://openrouter.ai/api/v1/");

    /// <summary>
    /// The vision model asked first. Gemini 2.5 Flash reads images well, follows JSON schemas, and counts a
    /// 768 px image as a few hundred tokens, which keeps a whole tagging call within the 1,500-token target.
    /// </summary>
    [Required]
    public string Model { get; set; } = "google/gemini-2.5-flash";

    /// <summary>Models OpenRouter tries in turn when the first fails (it bills the one that answers); appsettings.json names the defaults.</summary>
    public List<string> Fallbacks { get; set; } = [];

    /// <summary>Longest side of the image sent, in pixels: enough to recognise a subject, few tokens.</summary>
    [Range(256, 2048)]
    public int MaxImageSide { get; set; } = 768;

    /// <summary>Cap on the answer's tokens: 50 keywords, a title and a description fit in well under it.</summary>
    [Range(200, 4000)]
    public int MaxAnswerTokens { get; set; } = 700;

    /// <summary>Whether providers that keep prompts for training may serve our requests: by default they may not.</summary>
    public bool AllowProviderDataCollection { get; set; }

    /// <summary>Sent as <c>HTTP-Referer</c> for OpenRouter's app attribution, when set.</summary>
    public Uri? AppUrl { get; set; }

    public string AppTitle { get; set; } = "TagMyStock";

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    [Range(0, 5)]
    public int MaxRetries { get; set; } = 2;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(20);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Key);
}
