namespace TagMyStock.Core.Keywords;

/// <summary>Shortens a title or description to a limit without cutting a word in half.</summary>
internal static class TextTruncation
{
    private const string SentenceEnds = ".!?";

    /// <summary>
    /// At most <paramref name="maxLength"/> characters, cut after the last whole word that fits, without
    /// trailing punctuation or a dangling "the"/"and". A single word longer than the limit is cut at the limit.
    /// </summary>
    public static string AtWord(string text, int maxLength)
    {
        text = text.Trim();
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = maxLength;
        while (cut > 0 && !char.IsWhiteSpace(text[cut]))
        {
            cut--;
        }

        if (cut == 0)
        {
            return text[..maxLength];
        }

        var kept = TrimTrailingPunctuation(text[..cut]);
        var lastSpace = LastWhitespace(kept);
        while (lastSpace > 0 && FunctionWords.Joining.Contains(kept[(lastSpace + 1)..].ToLowerInvariant()))
        {
            kept = TrimTrailingPunctuation(kept[..lastSpace]);
            lastSpace = LastWhitespace(kept);
        }

        return kept;
    }

    /// <summary>
    /// At most <paramref name="maxLength"/> characters, ending at the last full sentence that fits when that
    /// keeps at least half the limit; otherwise at a word boundary as <see cref="AtWord"/>.
    /// </summary>
    public static string AtSentence(string text, int maxLength)
    {
        text = text.Trim();
        if (text.Length <= maxLength)
        {
            return text;
        }

        for (var end = maxLength - 1; end >= maxLength / 2; end--)
        {
            if (SentenceEnds.Contains(text[end], StringComparison.Ordinal) && char.IsWhiteSpace(text[end + 1]))
            {
                return text[..(end + 1)];
            }
        }

        return AtWord(text, maxLength);
    }

    private static string TrimTrailingPunctuation(string text)
    {
        var end = text.Length;
        while (end > 0 && !char.IsLetterOrDigit(text[end - 1]))
        {
            end--;
        }

        return text[..end];
    }

    private static int LastWhitespace(string text)
    {
        var index = text.Length - 1;
        while (index >= 0 && !char.IsWhiteSpace(text[index]))
        {
            index--;
        }

        return index;
    }
}
