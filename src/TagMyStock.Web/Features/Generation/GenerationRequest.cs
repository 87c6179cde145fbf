using System.Globalization;
using TagMyStock.Web.Features.Generation.Fal;

namespace TagMyStock.Web.Features.Generation;

/// <summary>The body of <c>POST /api/generations</c>, as the generate page sends it.</summary>
/// <param name="Model">The catalogue's name of a text-to-image model: <c>fast</c>, <c>quality</c>, <c>illustration</c>.</param>
/// <param name="AspectRatio">One of <see cref="GenerationChoices.AspectRatios"/>, such as <c>3:2</c>.</param>
/// <param name="Images">1 to <see cref="FalInputs.MaxImagesPerRun"/>.</param>
/// <param name="Seed">Null for a random one.</param>
/// <param name="NegativePrompt">What the image must not show; only for models that take one.</param>
/// <param name="TagOnArrival">Whether to tag the new images as soon as they are in the gallery.</param>
public sealed record GenerationRequest(
    string? Prompt,
    string? Model,
    string? AspectRatio,
    int? Images,
    long? Seed,
    string? NegativePrompt,
    bool TagOnArrival);

/// <summary>What a generate job runs: a checked <see cref="GenerationRequest"/>.</summary>
/// <param name="Model">The catalogue's name of the model, looked up again when the job runs.</param>
/// <param name="AspectRatio">As the user chose it, e.g. <c>3:2</c>.</param>
public sealed record GenerateInput(string Model, string Prompt, string AspectRatio, int Images, long? Seed, string? NegativePrompt, bool TagOnArrival)
{
    public TextToImageRequest ToRequest() =>
        new(Prompt, GenerationChoices.AspectRatios[AspectRatio], Images, Seed, NegativePrompt);
}

/// <summary>What the generate page offers and the API accepts.</summary>
public static class GenerationChoices
{
    public const int MaxPromptLength = 2000;
    public const int MaxNegativePromptLength = 1000;

    /// <summary>Seeds fit a 32-bit signed integer, which every FAL model takes.</summary>
    public const long MaxSeed = int.MaxValue;

    /// <summary>The ratios that sell as stock, by the name a person reads, in the page's order.</summary>
    public static IReadOnlyDictionary<string, StockAspectRatio> AspectRatios { get; } = new Dictionary<string, StockAspectRatio>(StringComparer.Ordinal)
    {
        ["3:2"] = StockAspectRatio.Landscape3x2,
        ["2:3"] = StockAspectRatio.Portrait2x3,
        ["16:9"] = StockAspectRatio.Widescreen16x9,
        ["1:1"] = StockAspectRatio.Square1x1,
        ["4:3"] = StockAspectRatio.Landscape4x3,
    };

    /// <summary>The catalogue's text-to-image models by name, in the configuration's order.</summary>
    public static IEnumerable<KeyValuePair<string, FalModel>> Models(FalOptions fal) =>
        fal.ModelsOf(FalModelKind.TextToImage);

    /// <summary>What a person reads for a model: its label, or its FAL id when it has none.</summary>
    public static string Label(FalModel model) => string.IsNullOrWhiteSpace(model.Label) ? model.Id : model.Label;

    /// <summary>The run's price in US dollars as the page shows it: "$0.003".</summary>
    public static string Price(decimal dollars) => "$" + dollars.ToString("0.00##", CultureInfo.InvariantCulture);

    /// <summary>The message the page and the API give while no FAL key is set.</summary>
    public static string NotConfigured =>
        $"Image generation is not configured on this server. An administrator turns it on by setting the environment variable {FalOptions.KeySetting} to a FAL.ai API key and restarting TagMyStock.";

    /// <summary>Checks a request; the job's input, or the problems by field in words a person can act on.</summary>
    public static (GenerateInput? Input, Dictionary<string, string[]> Errors) Check(GenerationRequest request, FalOptions fal)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Add(string field, string message) => errors[field] = [message];

        var prompt = request.Prompt?.Trim() ?? "";
        if (prompt.Length == 0)
        {
            Add("prompt", "Describe the image you want: the prompt is empty.");
        }
        else if (prompt.Length > MaxPromptLength)
        {
            Add("prompt", $"Keep the prompt under {MaxPromptLength} characters.");
        }

        var models = Models(fal).ToDictionary(StringComparer.OrdinalIgnoreCase);
        FalModel? model = null;
        if (request.Model is null || !models.TryGetValue(request.Model, out model))
        {
            Add("model", $"Choose one of the models offered: {string.Join(", ", models.Keys)}.");
        }

        if (request.AspectRatio is null || !AspectRatios.ContainsKey(request.AspectRatio))
        {
            Add("aspectRatio", $"Choose one of the aspect ratios offered: {string.Join(", ", AspectRatios.Keys)}.");
        }

        if (request.Images is not (>= 1 and <= FalInputs.MaxImagesPerRun))
        {
            Add("images", $"Ask for 1 to {FalInputs.MaxImagesPerRun} images.");
        }

        if (request.Seed is < 0 or > MaxSeed)
        {
            Add("seed", $"A seed is a whole number from 0 to {MaxSeed.ToString(CultureInfo.InvariantCulture)}; leave it empty for a random one.");
        }

        var negative = string.IsNullOrWhiteSpace(request.NegativePrompt) ? null : request.NegativePrompt.Trim();
        if (negative is { Length: > MaxNegativePromptLength })
        {
            Add("negativePrompt", $"Keep the negative prompt under {MaxNegativePromptLength} characters.");
        }
        else if (negative is not null && model is { SupportsNegativePrompt: false })
        {
            Add("negativePrompt", $"{Label(model)} does not take a negative prompt: leave it empty or choose another model.");
        }

        return errors.Count > 0
            ? (null, errors)
            : (new GenerateInput(request.Model!, prompt, request.AspectRatio!, request.Images!.Value, request.Seed, negative, request.TagOnArrival), errors);
    }
}
