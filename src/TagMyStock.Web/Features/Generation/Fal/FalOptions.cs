using System.ComponentModel.DataAnnotations;
using TagMyStock.Web.Infrastructure.ExternalServices;

namespace TagMyStock.Web.Features.Generation.Fal;

/// <summary>Settings under <c>TagMyStock:Fal</c>: FAL.ai's queue, its model catalogue and prices.</summary>
public sealed class FalOptions : IServiceCallOptions
{
    public const string Section = "TagMyStock:Fal";

    /// <summary>The environment variable an admin sets, as messages name it.</summary>
    public const string KeySetting = "TagMyStock__Fal__Key";

    /// <summary>The API key; without one every call reports that FAL is not configured.</summary>
    public string? Key { get; set; }

    public Uri QueueBaseUrl { get; set; } = new("https://queue.fal.run/");

    /// <summary>
    /// Hosts result images are downloaded from (a host matches itself and its subdomains). FAL returns file
    /// URLs on its CDN; any other host in an answer is refused rather than fetched.
    /// </summary>
    public List<string> DownloadHosts { get; set; } = [];

    /// <summary>Largest result file accepted, in bytes.</summary>
    [Range(1, long.MaxValue)]
    public long MaxDownloadBytes { get; set; } = 200L << 20;

    /// <summary>The models offered, by the name the app uses for them (<c>fast</c>, <c>upscale</c>…); appsettings.json has the defaults.</summary>
    public Dictionary<string, FalModel> Models { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Where FAL publishes the keys that sign its webhooks (JWKS).</summary>
    public Uri WebhookKeysUrl { get; set; } = new("https://rest.alpha.fal.ai/.well-known/jwks.json");

    /// <summary>How far a webhook's timestamp may be from our clock.</summary>
    public TimeSpan WebhookTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Webhook posts accepted per minute from one address: FAL sends one per request (and its retries), far below
    /// this; anyone else posting to the anonymous endpoint is held back before any signature is checked.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int WebhookRequestsPerMinute { get; set; } = 600;

    /// <summary>How often a running job asks FAL where its request stands.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// With FAL's webhook (<c>TagMyStock:PublicBaseUrl</c> set), how often a job still asks FAL itself, in case a notice
    /// is lost; between those it only looks in the database, every <see cref="PollInterval"/>, for the notice.
    /// </summary>
    public TimeSpan WebhookPollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long after submitting a job waits for FAL to finish before it cancels the request and gives up.</summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromMinutes(30);

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(20);

    [Range(0, 5)]
    public int MaxRetries { get; set; } = 2;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(20);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Key);

    /// <summary>The catalogue's models of one kind, by the app's name for them, in the configuration's order.</summary>
    public IEnumerable<KeyValuePair<string, FalModel>> ModelsOf(FalModelKind kind) =>
        Models.Where(entry => entry.Value.Kind == kind);
}

/// <summary>What a model in the catalogue does.</summary>
public enum FalModelKind
{
    TextToImage,
    Upscale,
    BackgroundRemoval,
    InstructionEdit,
    Inpainting,
}

/// <summary>How FAL prices a model: per image made, or per megapixel of output.</summary>
public enum FalPriceUnit
{
    PerImage,
    PerMegapixel,
}

/// <summary>One FAL model the app offers, with its published price (kept in configuration: prices change).</summary>
public sealed class FalModel
{
    /// <summary>FAL's model id, e.g. <c>fal-ai/flux/schnell</c>.</summary>
    [Required]
    public string Id { get; set; } = "";

    /// <summary>The name a person reads, e.g. "Flux Schnell (fast)".</summary>
    public string Label { get; set; } = "";

    public FalModelKind Kind { get; set; }

    /// <summary>Price in US dollars per <see cref="PriceUnit"/>.</summary>
    [Range(0, 100)]
    public decimal Price { get; set; }

    public FalPriceUnit PriceUnit { get; set; }

    /// <summary>For an upscale model: how many times longer each side comes back.</summary>
    [Range(1, 8)]
    public int UpscaleFactor { get; set; } = 2;

    /// <summary>
    /// For an upscale model: the input field that carries <see cref="UpscaleFactor"/> (ESRGAN's <c>scale</c>, the
    /// clarity upscaler's <c>upscale_factor</c>); null sends none, for a model whose fixed factor is the one set here.
    /// </summary>
    public string? ScaleField { get; set; }

    /// <summary>
    /// The largest image sent to the model, in megapixels: a larger source is sent downscaled (the image travels
    /// inside the request as a data URL, and edit models work at about one megapixel anyway). An upscale refuses a
    /// larger source instead, as downscaling would undo its work.
    /// </summary>
    [Range(0.1, 64)]
    public double MaxInputMegapixels { get; set; } = 4;

    /// <summary>Whether the model takes a <c>negative_prompt</c>.</summary>
    public bool SupportsNegativePrompt { get; set; }

    /// <summary>Input fields sent with every request to this model, e.g. <c>style = vector_illustration</c>.</summary>
    public Dictionary<string, string> FixedInput { get; set; } = new(StringComparer.Ordinal);
}
