using System.Text;
using System.Text.RegularExpressions;

namespace TagMyStock.Core.Keywords;

/// <summary>Cuts pieces out of a title or description and leaves readable text behind.</summary>
internal static partial class TextTidy
{
    private const string LeadingJunk = " ,;:.-\u2013\u2014&/|";
    private const string TrailingJunk = " ,;:-\u2013\u2014&/|(";

    /// <summary>
    /// Removes the given (start, length) spans, then tidies what is left: one space between words, no space
    /// before punctuation, no doubled separators, no empty brackets, no separator at either end.
    /// </summary>
    public static string RemoveSpans(string text, IEnumerable<(int Start, int Length)> spans)
    {
        var ordered = spans.OrderBy(span => span.Start).ToList();
        if (ordered.Count == 0)
        {
            return text;
        }

        var kept = new StringBuilder(text.Length);
        var position = 0;
        foreach (var (start, length) in ordered)
        {
            if (start > position)
            {
                kept.Append(text, position, start - position);
            }

            position = Math.Max(position, start + length);
        }

        kept.Append(text, position, text.Length - position);
        return Tidy(kept.ToString());
    }

    /// <summary>
    /// The index of the first word to cut with the words [<paramref name="first"/>, <paramref name="end"/>): when they end
    /// their phrase (the text ends, or punctuation or a <see cref="FunctionWords.Connectives">connective</see> follows), the articles
    /// and then the one connective just before them, unless punctuation stands between; otherwise <paramref name="first"/>.
    /// </summary>
    public static int LeadingSmallWords(string text, IReadOnlyList<TextWord> words, int first, int end)
    {
        var endsPhrase = end == words.Count || HasPunctuation(text, words[end - 1].End, words[end].Start) || FunctionWords.Connectives.Contains(Word(text, words[end]));
        if (!endsPhrase)
        {
            return first;
        }

        var start = first;
        while (start > 0 && FunctionWords.Determiners.Contains(Word(text, words[start - 1])) && !HasPunctuation(text, words[start - 1].End, words[start].Start))
        {
            start--;
        }

        return start > 0 && FunctionWords.Connectives.Contains(Word(text, words[start - 1])) && !HasPunctuation(text, words[start - 1].End, words[start].Start)
            ? start - 1
            : start;
    }

    private static string Word(string text, TextWord word) => text.Substring(word.Start, word.Length).ToLowerInvariant();

    private static bool HasPunctuation(string text, int from, int to) => text.AsSpan(from, to - from).IndexOfAny(",;:.!?()[]") >= 0;

    /// <summary>Collapses spacing and stray separators left behind by an edit.</summary>
    public static string Tidy(string text)
    {
        var tidied = EmptyBrackets().Replace(text, " ");
        tidied = Whitespace().Replace(tidied, " ");
        tidied = SpaceBeforePunctuation().Replace(tidied, "$1");
        tidied = RepeatedSeparators().Replace(tidied, "$1");
        tidied = SeparatorBeforeSentenceEnd().Replace(tidied, "$1");
        tidied = tidied.TrimStart(LeadingJunk.ToCharArray()).TrimEnd(TrailingJunk.ToCharArray());
        return DanglingEnd().Replace(tidied, "");
    }

    /// <summary>
    /// A small word left hanging at the end once what followed it was cut ("Rocket on launch pad at" after
    /// "dusk" was banned), with any separator before it.
    /// </summary>
    [GeneratedRegex(@"(?:[\s,;:]+(?:a|an|the|and|or|of|at|on|in|with|for|to|by|from|into|under|over|near))+$", RegexOptions.IgnoreCase)]
    private static partial Regex DanglingEnd();

    [GeneratedRegex(@"\(\s*\)|\[\s*\]")]
    private static partial Regex EmptyBrackets();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\s+([,.;:!?)\]])")]
    private static partial Regex SpaceBeforePunctuation();

    [GeneratedRegex(@"([,;:])(?:\s*[,;:])+")]
    private static partial Regex RepeatedSeparators();

    [GeneratedRegex(@"[,;:]\s*([.!?])")]
    private static partial Regex SeparatorBeforeSentenceEnd();
}
