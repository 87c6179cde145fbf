using TagMyStock.Core.Csv;

namespace TagMyStock.Core.Agencies;

/// <summary>What an agency does with AI-generated content.</summary>
public enum AiPolicy
{
    Unknown = 0,
    Accepted,

    /// <summary>Accepted only if the agency's conditions are met (see <see cref="AgencyProfile.AiNote"/>).</summary>
    AcceptedWithConditions,

    /// <summary>Refused: an image flagged AI-generated is a blocking problem.</summary>
    Banned,
}

/// <summary>One category in an agency's list: the code its CSV wants and the name a person reads.</summary>
public sealed record AgencyCategory(string Code, string Name);

/// <summary>
/// Everything TagMyStock knows about one agency's rules. Each agency lives in one file under
/// <c>Agencies/Profiles/</c>, so a rule change is a one-line edit there.
/// </summary>
public sealed record AgencyProfile
{
    /// <summary>Short lowercase id used on the command line and as category key, e.g. <c>adobe</c>.</summary>
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>Other names accepted on the command line (e.g. <c>istock</c> for Getty).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    public bool TitleRequired { get; init; }

    public Sourced<int?> TitleMinLength { get; init; } = Fact.Unverified<int?>(null, "not found");

    public Sourced<int?> TitleMaxLength { get; init; } = Fact.Unverified<int?>(null, "not found");

    /// <summary>Whether titles must not contain commas (Adobe Stock: "without commas or special characters").</summary>
    public Sourced<bool> TitleForbidsCommas { get; init; } = Fact.Unverified(false, "not found");

    public bool DescriptionRequired { get; init; }

    public Sourced<int?> DescriptionMaxLength { get; init; } = Fact.Unverified<int?>(null, "not found");

    public Sourced<int?> KeywordMin { get; init; } = Fact.Unverified<int?>(null, "not found");

    public Sourced<int?> KeywordMax { get; init; } = Fact.Unverified<int?>(null, "not found");

    /// <summary>The agency's category list; empty when it has none we know of.</summary>
    public Sourced<IReadOnlyList<AgencyCategory>> Categories { get; init; } = Fact.Unverified<IReadOnlyList<AgencyCategory>>([], "not found");

    public bool CategoryRequired { get; init; }

    /// <summary>The category of the list a value names: its code, else its name, in any case; null when none.</summary>
    public AgencyCategory? FindCategory(string codeOrName) =>
        Categories.Value.FirstOrDefault(category => string.Equals(category.Code, codeOrName, StringComparison.OrdinalIgnoreCase))
        ?? Categories.Value.FirstOrDefault(category => string.Equals(category.Name, codeOrName, StringComparison.OrdinalIgnoreCase));

    /// <summary>How many categories one image may have (several are written comma-separated).</summary>
    public int MaxCategories { get; init; } = 1;

    public required Sourced<AiPolicy> Ai { get; init; }

    /// <summary>What the contributor must do for AI content here, in plain words (null when nothing).</summary>
    public string? AiNote { get; init; }

    /// <summary>Whether words such as "AI generated", "Midjourney" or "ChatGPT" are refused in title and keywords.</summary>
    public bool ForbidsAiToolNames { get; init; }

    /// <summary>Whether metadata must be plain English ASCII (no accented or special letters).</summary>
    public bool EnglishAsciiOnly { get; init; }

    public bool LowercaseKeywords { get; init; } = true;

    /// <summary>The bulk-upload CSV, or null when the agency has none: embedded IPTC/XMP is then the way.</summary>
    public Sourced<CsvFormat>? Csv { get; init; }

    /// <summary>Limits on the uploaded file's name, which the CSV's file name column must match.</summary>
    public FileNameRule? FileName { get; init; }

    /// <summary>Whether the agency reads embedded IPTC/XMP title and keywords on upload.</summary>
    public Sourced<bool?> ReadsEmbeddedMetadata { get; init; } = Fact.Unverified<bool?>(null, "not found");

    /// <summary>The smallest image the agency takes, or null when we know of no minimum.</summary>
    public Sourced<ImageSizeRule?> MinimumSize { get; init; } = Fact.Unverified<ImageSizeRule?>(null, "not found");

    /// <summary>Whether the agency refuses upsampled files, so that upscaling cannot bring an image to its minimum.</summary>
    public Sourced<bool> ForbidsUpsampling { get; init; } = Fact.Unverified(false, "not found");

    public bool HasCsv => Csv is not null;

    /// <summary>
    /// A sentence telling the user how far to trust this agency's CSV layout, or null when the agency itself
    /// publishes it. Agencies that have no CSV get the advice to embed the metadata instead.
    /// </summary>
    public string? CsvConfidenceNotice => Csv switch
    {
        null => $"{Name} has no CSV upload that TagMyStock knows of: embed the metadata in the files (IPTC/XMP) and upload those.",
        { Confidence: Confidence.Verified } => null,
        { Confidence: Confidence.Peer } => $"The {Name} CSV layout comes from peer tools, not from {Name}: {CheckAdvice}",
        _ => $"The {Name} CSV layout is a best guess that neither {Name} nor agreeing peer tools confirm: {CheckAdvice}",
    };

    private const string CheckAdvice =
        "check one row in its portal before a big upload, or rely on the embedded IPTC/XMP, which most agencies read.";
}

/// <summary>
/// What an agency accepts in a file name. <paramref name="AllowedCharacters"/> is a regex character class
/// body (e.g. <c>A-Za-z0-9_</c>) for the name without its extension, or null for any.
/// </summary>
public sealed record FileNameRule(int? MaxLength, string? AllowedCharacters, Confidence Confidence, string Source);
