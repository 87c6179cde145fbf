using System.Text.RegularExpressions;
using TagMyStock.Core.Keywords;
using TagMyStock.Core.Lexicon;

namespace TagMyStock.Core.Tagging;

/// <summary>
/// Writes title and description from the descriptive sources, in the sources' own words: a title is a
/// phrase a person wrote (the hint, the title of the same picture in the user's library, the prompt's first
/// clause), never keywords strung together.
/// </summary>
internal static partial class TitleComposer
{
    /// <summary>
    /// "Photo of", and "macro photo of a", "black and white photo of", "top down food photo of": the medium and how it
    /// was shot, which a title leaves out (the buyer knows it is a photo). Only words about the shot may come before
    /// the medium (up to four, then "of"): "Wedding photo of a couple" and "Hubble space telescope deep field image of
    /// galaxies" keep their subjects.
    /// </summary>
    [GeneratedRegex(
        @"^(?:a |an |the )?(?:(?:photo|photograph|picture|image|shot|stock photo)(?: of)?|(?:(?:macro|close-up|closeup|close|up|top|down|overhead|aerial|flat|lay|view|landscape|portrait|food|wildlife|studio|official|black|and|white|colou?r|minimalist|minimal|long|exposure|wide|angle|low|high|speed|eye|level|cinematic|professional|candid|documentary) ){1,4}(?:photo|photograph|picture|image|shot|snapshot) of)\s+(?:(?:a|an|the) )?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MediumPrefix();

    /// <summary>
    /// Where a long title may be cut: before a preposition that adds detail ("… with orange larches"). Not before "and",
    /// which as often joins the words of one thing ("an orange launch and entry suit").
    /// </summary>
    [GeneratedRegex(@"\s(?=(?:with|in|on|at|over|above|below|under|among|against|from|through|across|near|beside|behind|between|along|into|onto|during|while)\s)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DetailBoundary();

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
    /// <param name="lexicon">Knows which words are names, to write a hint in capitals in sentence case ("Paris street cafe").</param>
    public static string Title(TaggingInput input, IReadOnlyList<TextSource> sources, ObservedTitle? observed, EnglishLexicon lexicon, out IReadOnlyList<Evidence> evidence)
    {
        evidence = [];
        var hint = sources.FirstOrDefault(source => source.Kind == EvidenceSource.Hint);
        if (hint is not null && Phrase(hint.Text) is { } phrase)
        {
            return SentenceCase(Shorten(phrase, avoidRepeats: false), lexicon);
        }

        if (!string.IsNullOrWhiteSpace(input.Existing.Title))
        {
            return input.Existing.Title.Trim();
        }

        if (observed is not null && !string.IsNullOrWhiteSpace(observed.Text))
        {
            evidence = [new Evidence(EvidenceTerm.Title, [observed.Source], observed.Confidence) { Reasons = observed.Reason is null ? [] : [observed.Reason] }];
            return observed.Text.Trim();
        }

        foreach (var source in sources.Where(source => source.Kind is EvidenceSource.GenerationPrompt or EvidenceSource.FileName))
        {
            var firstClause = Tidy(source.Text.Split(',', 2)[0]);
            if (NamesASubject(firstClause))
            {
                return SentenceCase(Shorten(firstClause, avoidRepeats: true), lexicon);
            }
        }

        return "";
    }

    public static string Description(TaggingInput input, IReadOnlyList<TextSource> sources, string title, EnglishLexicon lexicon)
    {
        if (!string.IsNullOrWhiteSpace(input.Existing.Description))
        {
            return input.Existing.Description.Trim();
        }

        var descriptive = sources.Where(source => source.IsDescriptive)
            .Select(source => source.Kind == EvidenceSource.Hint ? Phrase(source.Text) : Tidy(source.Text))
            .OfType<string>()
            .ToList();
        if (descriptive.Count == 0)
        {
            return title.Length > 0 ? Sentence(title) : "";
        }

        // The hint names the subject; the prompt's remaining clauses add the detail a buyer searches for.
        return string.Join(' ', descriptive.Distinct(StringComparer.OrdinalIgnoreCase).Select(text => Sentence(SentenceCase(text, lexicon))));
    }

    /// <summary>
    /// Whether a hint is a list of keywords rather than a phrase: after its first part, two or more parts of at most three
    /// words and no function word ("beach, sunset, palm trees, tropical"; "cat on a blanket, cozy, home").
    /// </summary>
    public static bool IsKeywordList(string text)
    {
        var parts = text.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 3 && parts.Skip(1).All(part =>
            part.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: <= 3 } words && !words.Any(word => StopWords.Contains(word.ToLowerInvariant())));
    }

    /// <summary>
    /// The hint as a phrase for a title and a description: all of it, or of a list of keywords the first part when it
    /// names a subject ("Cat on a blanket" of "cat on a blanket, cozy, home"); null when it is only keywords, which
    /// would make a list disguised as a title.
    /// </summary>
    private static string? Phrase(string hint)
    {
        var text = Tidy(hint);
        if (!IsKeywordList(text))
        {
            return text;
        }

        var lead = Tidy(text.Split([',', ';'], 2)[0]);
        return NamesASubject(lead) ? lead : null;
    }

    /// <summary>
    /// A text longer than <see cref="MaxTitleLength"/> is cut to its longest lead that fits and still names a subject:
    /// first at a comma, then before the detail a preposition adds ("Rocky mountain above an autumn forest" of "… with
    /// orange larches and a green meadow"). The whole text goes into the description. A text with no such lead stays
    /// whole, for the agency check to report, rather than be cut mid-phrase.
    /// </summary>
    /// <param name="avoidRepeats">
    /// Also cut a text that says a word twice ("dandelion seeds on a seed head"), which a reviewer reads as clumsy: for a
    /// prompt's or a file name's words, not for the title the contributor wrote as a hint.
    /// </param>
    private static string Shorten(string text, bool avoidRepeats)
    {
        if (text.Length <= MaxTitleLength && !(avoidRepeats && RepeatsAWord(text)))
        {
            return text;
        }

        var clauses = text.Split(',');
        var leads = Enumerable.Range(1, clauses.Length - 1).Reverse().Select(count => string.Join(',', clauses[..count]))
            .Concat(DetailBoundary().Matches(clauses[0]).Select(boundary => clauses[0][..boundary.Index]).Reverse());
        return leads.Select(Tidy).FirstOrDefault(lead => lead.Length <= MaxTitleLength && !(avoidRepeats && RepeatsAWord(lead)) && NamesASubject(lead)) ?? text;
    }

    private static bool NamesASubject(string text) => TermExtractor.Extract(text).Count(term => !term.IsPhrase) >= MinimumTitleWords;

    /// <summary>Whether two words of the text are one keyword ("seed" and "seeds").</summary>
    private static bool RepeatsAWord(string text)
    {
        var words = TermExtractor.Extract(text).Where(term => !term.IsPhrase).Select(term => KeywordHygiene.Key(term.Text)).ToList();
        return words.Count != words.Distinct(StringComparer.Ordinal).Count();
    }

    private static string Tidy(string text)
    {
        var tidy = Whitespace().Replace(text, " ").Trim().TrimEnd('.', '!', '?', ',', ';', ':').Trim();
        return MediumPrefix().Replace(tidy, "");
    }

    /// <summary>
    /// The text with a capital first letter and the names the lexicon knows capitalised where it has them in lowercase
    /// ("Eiffel Tower at night in Paris"; <see cref="EnglishLexicon.WithNamesCapitalised"/>). A text in capitals ("PARIS
    /// STREET CAFE") is lowered first: agencies refuse titles in capitals. A text in title case keeps it, as its writer chose.
    /// </summary>
    private static string SentenceCase(string text, EnglishLexicon lexicon)
    {
        if (text.Length == 0)
        {
            return text;
        }

        return TextWords.Capitalised(lexicon.WithNamesCapitalised(text.Any(char.IsLower) ? text : text.ToLowerInvariant()));
    }

    private static string Sentence(string text) => text.EndsWith('.') ? text : text + ".";
}
