using System.Text.RegularExpressions;

namespace TagMyStock.Core.Tagging;

/// <summary>A candidate keyword found in a text, with where it first appeared (earlier is more central).</summary>
internal readonly record struct Term(string Text, int Position, bool IsPhrase);

/// <summary>
/// Splits descriptive text into candidate keywords: every content word, and every pair of adjacent content
/// words inside one clause ("golden retriever", "city skyline"), which is how buyers search.
/// </summary>
internal static partial class TermExtractor
{
    [GeneratedRegex(@"[,;:.!?\n\r/|]+", RegexOptions.CultureInvariant)]
    private static partial Regex ClauseBreaks();

    [GeneratedRegex(@"\p{L}[\p{L}\p{Mn}]*(?:['’-]\p{L}[\p{L}\p{Mn}]*)*", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    public static IEnumerable<Term> Extract(string text)
    {
        var position = 0;
        foreach (var clause in ClauseBreaks().Split(text))
        {
            string? previous = null;
            foreach (Match match in Word().Matches(clause))
            {
                var word = match.Value.Replace('’', '\'').ToLowerInvariant();
                if (word.Length < 2 || StopWords.Contains(word))
                {
                    previous = null;
                    continue;
                }

                if (previous is not null)
                {
                    yield return new Term($"{previous} {word}", position - 1, IsPhrase: true);
                }

                yield return new Term(word, position++, IsPhrase: false);
                previous = word;
            }
        }
    }

    /// <summary>Whether a text holds at least one word that could be a keyword.</summary>
    public static bool HasContent(string text) => Extract(text).Any();
}
