using System.Text.RegularExpressions;

namespace TagMyStock.Core.Tagging;

/// <summary>
/// Writes title and description from the descriptive sources, in the sources' own words: a title is a
/// phrase a person wrote (the hint, the title of the same picture in the user's library, the prompt's first
/// clause), never keywords strung together.
/// </summary>
internal static partial class TitleComposer
{
    [GeneratedRegex(@"^(a |an |the )?(photo|photograph|picture|image|shot|stock photo)( of)?\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MediumPrefix();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();

    /// <summary>A clause names a subject when it has at least this many words that could be keywords.</summary>
    private const int MinimumTitleWords = 2;

    /// <summary>A title this short fits every agency: Adobe Stock's limit, the strictest, is 70 characters.</summary>
    public const int MaxTitleLength = 70;

    /// <summary>
    /// The first of: the hint, the title already in the file, the observed title (another image's, as its author
    /// wrote it), the first clause of the prompt or the file name that names a subject.
    /// </summary>
    /// <param name="evidence">Why the title is there when it is the observed one; empty for a title from the text.</param>
    public static string Title(TaggingInput input, IReadOnlyList<TextSource> sources, ObservedTitle? observed, out IReadOnlyList<Evidence> evidence)
    {
        evidence = [];
        var hint = sources.FirstOrDefault(source => source.Kind == EvidenceSource.Hint);
        if (hint is not null)
        {
            return SentenceCase(Shorten(Tidy(hint.Text)));
        }

        if (!string.IsNullOrWhiteSpace(input.Existing.Title))
        {
            return input.Existing.Title.Trim();
        }

        if (observed is not null && !string.IsNullOrWhiteSpace(observed.Text))
        {
            evidence = [new Evidence(LocalTextEngine.TitleEvidenceTerm, [observed.Source], observed.Confidence) { Reasons = observed.Reason is null ? [] : [observed.Reason] }];
            return observed.Text.Trim();
        }

        foreach (var source in sources.Where(source => source.Kind is EvidenceSource.GenerationPrompt or EvidenceSource.FileName))
        {
            var firstClause = Tidy(source.Text.Split(',', 2)[0]);
            if (TermExtractor.Extract(firstClause).Count(term => !term.IsPhrase) >= MinimumTitleWords)
            {
                return SentenceCase(firstClause);
            }
        }

        return "";
    }

    public static string Description(TaggingInput input, IReadOnlyList<TextSource> sources, string title)
    {
        if (!string.IsNullOrWhiteSpace(input.Existing.Description))
        {
            return input.Existing.Description.Trim();
        }

        var descriptive = sources.Where(source => source.IsDescriptive).Select(source => Tidy(source.Text)).ToList();
        if (descriptive.Count == 0)
        {
            return title.Length > 0 ? Sentence(title) : "";
        }

        // The hint names the subject; the prompt's remaining clauses add the detail a buyer searches for.
        return string.Join(' ', descriptive.Distinct(StringComparer.OrdinalIgnoreCase).Select(text => Sentence(SentenceCase(text))));
    }

    /// <summary>
    /// A hint longer than <see cref="MaxTitleLength"/> is cut to its leading clauses that fit, when they still name
    /// a subject; the whole hint goes into the description. A hint with no clause that short stays whole, for the
    /// agency check to report, rather than be cut mid-phrase.
    /// </summary>
    private static string Shorten(string text)
    {
        if (text.Length <= MaxTitleLength)
        {
            return text;
        }

        var clauses = text.Split(',');
        for (var count = clauses.Length - 1; count > 0; count--)
        {
            var lead = Tidy(string.Join(',', clauses[..count]));
            if (lead.Length <= MaxTitleLength && TermExtractor.Extract(lead).Count(term => !term.IsPhrase) >= MinimumTitleWords)
            {
                return lead;
            }
        }

        return text;
    }

    private static string Tidy(string text)
    {
        var tidy = Whitespace().Replace(text, " ").Trim().TrimEnd('.', '!', '?', ',', ';', ':').Trim();
        return MediumPrefix().Replace(tidy, "");
    }

    private static string SentenceCase(string text) =>
        text.Length == 0 ? text : string.Concat(char.ToUpperInvariant(text[0]).ToString(), text[1..]);

    private static string Sentence(string text) => text.EndsWith('.') ? text : text + ".";
}
