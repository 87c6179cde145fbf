using System.Text;

namespace TagMyStock.Core.Keywords;

/// <summary>One word of a text: where it is and the key it is compared by.</summary>
/// <param name="Start">Index of the word's first character in the text.</param>
/// <param name="Length">Characters the word spans in the text, apostrophes included.</param>
/// <param name="Key">Lowercase ASCII, without apostrophes, singular ("Cats" → "cat", "Cafés" → "cafe"); apostrophes are dropped, so "McDonald's" and "McDonalds" agree.</param>
internal readonly record struct TextWord(int Start, int Length, string Key)
{
    public int End => Start + Length;
}

/// <summary>Splits text into words: runs of letters and digits, with apostrophes inside a word kept in it.</summary>
internal static class TextWords
{
    public static IReadOnlyList<TextWord> Split(string text)
    {
        var words = new List<TextWord>();
        var key = new StringBuilder();
        var index = 0;
        while (index < text.Length)
        {
            if (!char.IsLetterOrDigit(text[index]))
            {
                index++;
                continue;
            }

            var start = index;
            key.Clear();
            while (index < text.Length && (char.IsLetterOrDigit(text[index]) || IsInnerApostrophe(text, index)))
            {
                if (char.IsLetterOrDigit(text[index]))
                {
                    key.Append(char.ToLowerInvariant(text[index]));
                }

                index++;
            }

            words.Add(new TextWord(start, index - start, EnglishPlurals.Singularize(AsciiFolding.Fold(key.ToString()))));
        }

        return words;
    }

    /// <summary>The text with its first letter a capital ("paris" → "Paris"), the rest as written.</summary>
    public static string Capitalised(string text) => string.Concat(char.ToUpperInvariant(text[0]).ToString(), text[1..]);

    /// <summary>The comparison keys of a text's words, in order.</summary>
    public static IReadOnlyList<string> Keys(string text) => [.. Split(text).Select(word => word.Key)];

    private static bool IsInnerApostrophe(string text, int index) =>
        text[index] is '\'' or '\u2019'
        && index + 1 < text.Length
        && char.IsLetterOrDigit(text[index + 1]);
}
