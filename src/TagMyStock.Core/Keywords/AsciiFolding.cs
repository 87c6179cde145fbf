using System.Collections.Frozen;
using System.Text;

namespace TagMyStock.Core.Keywords;

/// <summary>
/// Turns accented Latin letters and typographic punctuation into plain ASCII ("café" → "cafe",
/// "Straße" → "Strasse", "“quoted”" → "\"quoted\""), for agencies that take English ASCII only.
/// </summary>
/// <remarks>
/// A table rather than Unicode decomposition: the app runs with invariant globalization, where
/// <see cref="string.Normalize()"/> does not decompose, and a table also covers letters that have no
/// decomposition (ß, æ, ø, ł, đ, þ). Scripts other than Latin (Cyrillic, Greek, CJK…) are not transliterated.
/// </remarks>
public static class AsciiFolding
{
    private static readonly FrozenDictionary<char, string> Table = BuildTable();

    /// <summary>Whether every character is ASCII (letters, digits, punctuation, spaces).</summary>
    public static bool IsAscii(string text) => Ascii.IsValid(text);

    /// <summary>The characters that are not ASCII, each once, in order of appearance.</summary>
    public static IReadOnlyList<char> NonAsciiCharacters(string text) => [.. text.Where(c => !char.IsAscii(c)).Distinct()];

    /// <summary>The text with every character the table knows replaced; unknown characters stay.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsAscii(text))
        {
            return text;
        }

        var folded = new StringBuilder(text.Length);
        foreach (var character in text)
        {
            if (Table.TryGetValue(character, out var replacement))
            {
                folded.Append(replacement);
            }
            else
            {
                folded.Append(character);
            }
        }

        return folded.ToString();
    }

    /// <summary>Whether <see cref="Fold"/> leaves nothing but ASCII.</summary>
    public static bool CanFold(string text) => IsAscii(Fold(text));

    private static FrozenDictionary<char, string> BuildTable()
    {
        // Each group: the plain letters, then every accented form of them. Upper and lower case are listed apart.
        (string Plain, string Accented)[] letters =
        [
            ("A", "ÀÁÂÃÄÅĀĂĄ"), ("a", "àáâãäåāăą"), ("C", "ÇĆĈĊČ"), ("c", "çćĉċč"), ("D", "ĎĐÐ"), ("d", "ďđ"),
            ("E", "ÈÉÊËĒĔĖĘĚ"), ("e", "èéêëēĕėęě"), ("G", "ĜĞĠĢ"), ("g", "ĝğġģ"), ("H", "ĤĦ"), ("h", "ĥħ"),
            ("I", "ÌÍÎÏĨĪĬĮİ"), ("i", "ìíîïĩīĭįı"), ("J", "Ĵ"), ("j", "ĵ"), ("K", "Ķ"), ("k", "ķ"),
            ("L", "ĹĻĽĿŁ"), ("l", "ĺļľŀł"), ("N", "ÑŃŅŇ"), ("n", "ñńņň"), ("O", "ÒÓÔÕÖØŌŎŐ"), ("o", "òóôõöøōŏő"),
            ("R", "ŔŖŘ"), ("r", "ŕŗř"), ("S", "ŚŜŞŠȘ"), ("s", "śŝşšș"), ("T", "ŢŤŦȚ"), ("t", "ţťŧț"),
            ("U", "ÙÚÛÜŨŪŬŮŰŲ"), ("u", "ùúûüũūŭůűų"), ("W", "Ŵ"), ("w", "ŵ"), ("Y", "ÝŶŸ"), ("y", "ýÿŷ"),
            ("Z", "ŹŻŽ"), ("z", "źżž"),
        ];
        var table = new Dictionary<char, string>();
        foreach (var (plain, accented) in letters)
        {
            foreach (var character in accented)
            {
                table[character] = plain;
            }
        }

        (char Character, string Replacement)[] others =
        [
            ('ß', "ss"), ('Æ', "AE"), ('æ', "ae"), ('Œ', "OE"), ('œ', "oe"), ('Þ', "Th"), ('þ', "th"),
            ('\u2018', "'"), ('\u2019', "'"), ('\u201A', "'"), ('\u201C', "\""), ('\u201D', "\""), ('\u201E', "\""),
            ('\u2013', "-"), ('\u2014', "-"), ('\u2026', "..."), ('\u00A0', " "), ('\u00AB', "\""), ('\u00BB', "\""),
        ];
        foreach (var (character, replacement) in others)
        {
            table[character] = replacement;
        }

        return table.ToFrozenDictionary();
    }
}
