using TagMyStock.Core.Keywords;
using TagMyStock.Core.Metadata;
using TagMyStock.Core.Rules;
using TagMyStock.Core.Tagging;

namespace TagMyStock.Core.Preparation;

/// <summary>
/// The evidence of the metadata kept after the user's rules and the agencies' fixes: each kept keyword, flag, category and title
/// with its evidence, and nothing for what they removed. A keyword the rules added says so; a word the rules or a fix
/// split from a phrase keeps the phrase's sources.
/// </summary>
public static class KeptEvidence
{
    /// <summary>The reason given for a keyword the user's rules require.</summary>
    public const string RequiredByRules = "required by your rules";

    /// <param name="metadata">The metadata as kept.</param>
    /// <param name="evidence">The engine's evidence (<see cref="TaggingResult.Evidence"/>).</param>
    /// <param name="engineTitle">The title the engine wrote: its evidence holds only while the title is kept as it is.</param>
    /// <param name="rules">The user's rules, or null.</param>
    /// <returns>In keyword order, then the flags', the categories', then the title's.</returns>
    public static List<Evidence> For(ImageMetadata metadata, IReadOnlyList<Evidence> evidence, string engineTitle, UserRules? rules)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(evidence);
        var phrases = evidence.Where(item => EvidenceTerm.IsKeyword(item.Term)).Select(item => (Words: Words(item.Term), Evidence: item)).ToList();
        var required = rules?.RequiredKeys ?? new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<Evidence>();
        foreach (var keyword in metadata.Keywords)
        {
            var words = Words(keyword);
            if (phrases.FirstOrDefault(phrase => phrase.Words.SequenceEqual(words)).Evidence is { } same)
            {
                kept.Add(same);
            }
            else if (required.Contains(KeywordHygiene.Key(keyword)))
            {
                kept.Add(new Evidence(keyword, [EvidenceSource.UserRules], 1.0) { Reasons = [RequiredByRules] });
            }
            else if (words.Length > 0 && phrases.FirstOrDefault(phrase => Contains(phrase.Words, words)).Evidence is { } phrase)
            {
                kept.Add(new Evidence(keyword, phrase.Sources, phrase.Score) { Reasons = [.. phrase.Reasons, $"a word of \"{phrase.Term}\""] });
            }
        }

        kept.AddRange(evidence.Where(item => EvidenceTerm.IsFlag(item.Term) && metadata.Has(EvidenceTerm.Flag(item.Term))));
        kept.AddRange(evidence.Where(item => EvidenceTerm.IsCategory(item.Term, out var agency, out var code) && metadata.CategoriesFor(agency).Contains(code, StringComparer.Ordinal)));
        kept.AddRange(evidence.Where(item => item.Term == EvidenceTerm.Title && string.Equals(engineTitle, metadata.Title, StringComparison.Ordinal)));
        return kept;
    }

    private static string[] Words(string keyword) => KeywordHygiene.Key(keyword).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Whether <paramref name="part"/> is a run of consecutive words of <paramref name="phrase"/>.</summary>
    private static bool Contains(string[] phrase, string[] part) =>
        Enumerable.Range(0, Math.Max(0, phrase.Length - part.Length + 1)).Any(start => phrase.AsSpan(start, part.Length).SequenceEqual(part));
}
