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
