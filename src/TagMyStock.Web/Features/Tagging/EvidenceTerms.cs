using System.Globalization;
using System.Text.RegularExpressions;
using TagMyStock.Core.Tagging;

namespace TagMyStock.Web.Features.Tagging;

/// <summary>How the sources of the engine's <see cref="Evidence"/> read to a contributor: the words the editor shows next to each keyword and flag.</summary>
public static partial class EvidenceTerms
{
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
        EvidenceSource.UserRules => "your rules",
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
            EvidenceSource.UserRules => "your rules",
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
