using TagMyStock.Core.Agencies;
using TagMyStock.Core.Metadata;
using TagMyStock.Core.Rules;
using TagMyStock.Core.Similarity;

namespace TagMyStock.Core.Tagging;

/// <summary>
/// Writes metadata for one image. The offline engine and the vision-model engine implement it,
/// and both return the same model so the rest of the product does not care which ran.
/// </summary>
public interface ITaggingEngine
{
    /// <summary>Shown to the user next to what the engine produced, e.g. <c>local</c>.</summary>
    string Name { get; }

    Task<TaggingResult> TagAsync(TaggingInput input, CancellationToken cancellationToken);
}

/// <summary>What is known about an image before tagging it.</summary>
/// <param name="FileName">The file's name (no folder), a source of words in itself.</param>
/// <param name="Hint">What the user typed about the image, if anything.</param>
/// <param name="GenerationPrompt">The AI prompt found in the file or a sidecar, if any.</param>
/// <param name="Existing">Metadata already embedded in the file.</param>
public sealed record TaggingInput(string FileName, string? Hint, string? GenerationPrompt, ImageMetadata Existing)
{
    /// <summary>Longest hint a contributor may give: a sentence or two about what the image shows.</summary>
    public const int MaxHintLength = 1000;

    /// <summary>The generator named in the file (e.g. "Stable Diffusion"), if any.</summary>
    public string? GeneratorName { get; init; }

    /// <summary>A local copy of the image that an engine which reads pixels may decode; null: text sources only.</summary>
    public string? ImagePath { get; init; }

    /// <summary>The same user's already tagged images, whose keywords similar-looking images suggest; null: none.</summary>
    public SimilarImageIndex? Library { get; init; }

    /// <summary>This image's id in <see cref="Library"/> when it is there, so that it does not teach itself.</summary>
    public string? LibraryId { get; init; }

    /// <summary>The agencies the user sends to, whose limits an engine that writes to order can aim at; empty: none chosen.</summary>
    public IReadOnlyList<AgencyProfile> Agencies { get; init; } = [];

    /// <summary>
    /// The user's own rules, which an engine that writes to order can aim at as it aims at <see cref="Agencies"/>. They are
    /// applied to every engine's result afterwards (<see cref="Preparation.AgencyPreparation"/>), so an engine may ignore them.
    /// </summary>
    public UserRules Rules { get; init; } = UserRules.None;
}

/// <summary>Which source made the engine say something, or put a keyword there after it.</summary>
public enum EvidenceSource
{
    Hint,
    GenerationPrompt,
    ExistingMetadata,
    FileName,
    Pixels,
    SimilarImages,
    Lexicon,

    /// <summary>The user's own rules: a keyword they require on every image (<see cref="UserRules.RequiredKeywords"/>).</summary>
    UserRules,
}

/// <summary>A keyword (or flag) and the sources that support it, strongest first.</summary>
public sealed record Evidence(string Term, IReadOnlyList<EvidenceSource> Sources, double Score)
{
    /// <summary>What was measured or matched outside text, e.g. "1 face, 18 % of the frame".</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];
}

public sealed record TaggingResult(ImageMetadata Metadata, string Engine)
{
    /// <summary>
    /// Why each keyword, flag and category is there, in keyword order, then the flags', then the categories'; last, the
    /// title's when it came from outside the text (<see cref="EvidenceTerm.Title"/>).
    /// </summary>
    public IReadOnlyList<Evidence> Evidence { get; init; } = [];

    /// <summary>Things the user should know, e.g. "No hint, prompt or metadata: add a hint for useful keywords".</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The image's embedding when the engine computed one: a host stores it to grow the user's library without a second decode.</summary>
    public ImageEmbedding? Embedding { get; init; }

    /// <summary>What a paid service reported for this result, for the usage log; null for an engine that calls none.</summary>
    public EngineUsage? Usage { get; init; }
}

/// <summary>What one call of a paid model used, as its provider reported it.</summary>
/// <param name="Model">The model that answered (a fallback may answer instead of the one asked for).</param>
/// <param name="Cost">The provider's cost in US dollars, when it reports one.</param>
public sealed record EngineUsage(string Model, int PromptTokens, int CompletionTokens, decimal? Cost)
{
    public int TotalTokens => PromptTokens + CompletionTokens;
}
