using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using TagMyStock.Core.Metadata;
using TagMyStock.Core.Tagging;

namespace TagMyStock.Web.Features.Tagging;

/// <summary>
/// How the engine's <see cref="Evidence"/> names flags (<c>flag:people-release-needed</c>) and how its sources read
/// to a contributor: the words the editor shows next to each keyword and flag.
/// </summary>
public static partial class EvidenceTerms
{
    private const string FlagPrefix = "flag:";

    public static bool IsFlag(string term) => term.StartsWith(FlagPrefix, StringComparison.Ordinal);

    /// <summary>The evidence term of a flag, as the engine writes it.</summary>
    public static string Of(ContentFlags flag) => FlagPrefix + JsonNamingPolicy.KebabCaseLower.ConvertName(flag.ToString());

    /// <summary>The flag a <c>flag:</c> term names, or <see cref="ContentFlags.None"/> for any other term.</summary>
    public static ContentFlags Flag(string term) =>
        Enum.GetValues<ContentFlags>().FirstOrDefault(flag => flag != ContentFlags.None && string.Equals(Of(flag), term, StringComparison.Ordinal));

    /// <summary>A source in a few words, e.g. "similar images".</summary>
    public static string Label(EvidenceSource source) => source switch
    {
        EvidenceSource.Hint => "your hint",
        EvidenceSource.GenerationPrompt => "the prompt",
        EvidenceSource.ExistingMetadata => "the file's metadata",
        EvidenceSource.FileName => "the file name",
        EvidenceSource.Pixels => "the pixels",
        EvidenceSource.SimilarImages => "similar images",
        EvidenceSource.Lexicon => "related words",
        _ => source.ToString(),
    };

    /// <summary>
    /// One or two words for a chip: the strongest source, "faces" for what the face detector saw, "+1" per further
    /// source. <see cref="Describe"/> says the rest.
    /// </summary>
    public static string ShortLabel(Evidence evidence)
    {
        if (evidence.Sources.Count == 0)
        {
            return "";
        }

        var first = evidence.Sources[0] switch
        {
            EvidenceSource.Hint => "hint",
            EvidenceSource.GenerationPrompt => "prompt",
            EvidenceSource.ExistingMetadata => "metadata",
            EvidenceSource.FileName => "file name",
            EvidenceSource.Pixels when evidence.Reasons.Any(reason => FaceCount().IsMatch(reason)) => "faces",
            EvidenceSource.Pixels => "pixels",
            EvidenceSource.SimilarImages => "similar images",
            EvidenceSource.Lexicon => "related",
            var other => other.ToString(),
        };
        return evidence.Sources.Count == 1 ? first : string.Create(CultureInfo.InvariantCulture, $"{first} +{evidence.Sources.Count - 1}");
    }

    /// <summary>"From your hint and the pixels: 1 face, 18 % of the frame." — a sentence for a tooltip or a screen reader.</summary>
    public static string Describe(Evidence evidence)
    {
        var sources = evidence.Sources.Select(Label).ToList();
        var from = sources.Count <= 1 ? string.Concat(sources) : $"{string.Join(", ", sources[..^1])} and {sources[^1]}";
        return evidence.Reasons.Count == 0 ? $"From {from}." : $"From {from}: {string.Join("; ", evidence.Reasons)}.";
    }

    /// <summary>How the face detector's reasons start: "1 face, 18 % of the frame", "3 faces, the largest …".</summary>
    [GeneratedRegex(@"^\d+ faces?\b", RegexOptions.CultureInvariant)]
    private static partial Regex FaceCount();
}
