using System.Collections.Frozen;
using System.Text;
using TagMyStock.Core.Keywords;
using TagMyStock.Core.Lexicon;

namespace TagMyStock.Core.Rules;

/// <summary>Capitalises a title as <see cref="TitleStyle"/> asks.</summary>
/// <remarks>
/// Words the writer cased on purpose are kept: acronyms ("NASA", "USA") and mixed case ("iPhone", "McDonald").
/// Sentence case lowers capitalised words only when the title is written in title case or in capitals (most words
/// capitalised), so a title already in sentence case keeps its capitalised names ("Sunset over Bondi"); then the names
/// the lexicon knows get their capitals back ("Sunset Over Paris" becomes "Sunset over Paris", "eiffel tower at night"
/// "Eiffel Tower at night"), and a word that is no English word keeps its own ("Sunset At Bondi" is "Sunset at Bondi").
/// </remarks>
public static class TitleCasing
{
    /// <summary>Small words lowercased inside a title-cased title (Chicago style, for words up to four letters).</summary>
    private static readonly FrozenSet<string> SmallWords = new[]
    {
        "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "in", "of", "off", "on",
        "per", "to", "up", "via", "vs", "with", "from", "into", "onto", "over",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static string Apply(string title, TitleStyle style) => style switch
    {
        TitleStyle.SentenceCase => ToSentenceCase(title),
        TitleStyle.TitleCase => ToTitleCase(title),
        _ => title,
    };

    /// <summary>"red fox in the snow" → "Red Fox in the Snow". The first and last words are always capitalised.</summary>
    public static string ToTitleCase(string title)
    {
        var words = TextWords.Split(title);
        var cased = new StringBuilder(ShoutedToLower(title, words));
        for (var index = 0; index < words.Count; index++)
        {
            var word = words[index];
            var text = cased.ToString(word.Start, word.Length);
            var isEdge = index == 0 || index == words.Count - 1 || FollowsColon(title, word.Start);
            var replacement = !isEdge && SmallWords.Contains(text.ToLowerInvariant())
                ? (IsPlainCapitalised(text) ? text.ToLowerInvariant() : text)
                : Capitalise(text);
            cased.Remove(word.Start, word.Length).Insert(word.Start, replacement);
        }

        return cased.ToString();
    }

    /// <summary>"Red Fox In The Snow" → "Red fox in the snow", "Sunset Over Paris" → "Sunset over Paris".</summary>
    public static string ToSentenceCase(string title)
    {
        var words = TextWords.Split(title);
        var cased = new StringBuilder(ShoutedToLower(title, words));
        var later = words.Skip(1).Select(word => cased.ToString(word.Start, word.Length)).Where(word => !string.Equals(word, "I", StringComparison.Ordinal)).ToList();
        var titleCased = later.Count(IsPlainCapitalised) * 2 > later.Count;
        var lexicon = EnglishLexicon.Shared;
        for (var index = 0; index < words.Count; index++)
        {
            // The first word is lowered too, so that a name it starts is found ("Eiffel Tower at night"). A word English does
            // not know keeps its capital: it can only be a name ("Bondi", "Como").
            var word = words[index];
            var text = cased.ToString(word.Start, word.Length);
            if ((index == 0 || titleCased) && IsPlainCapitalised(text) && IsEnglish(title, words, index, lexicon))
            {
                cased.Remove(word.Start, word.Length).Insert(word.Start, text.ToLowerInvariant());
            }
        }

        var named = new StringBuilder(lexicon.WithNamesCapitalised(cased.ToString()));
        if (words.Count > 0)
        {
            var first = named.ToString(words[0].Start, words[0].Length);
            named.Remove(words[0].Start, words[0].Length).Insert(words[0].Start, Capitalise(first));
        }

        return named.ToString();
    }

    /// <summary>
    /// Whether the word at <paramref name="index"/> is English: a word of grammar, a word the lexicon knows, or part of a
    /// term it knows with the word before or after ("Brûlée" of "Crème Brûlée").
    /// </summary>
    private static bool IsEnglish(string title, IReadOnlyList<TextWord> words, int index, EnglishLexicon lexicon)
    {
        string Text(int at) => title.Substring(words[at].Start, words[at].Length);
        var text = Text(index);
        return FunctionWords.All.Contains(text.ToLowerInvariant())
            || lexicon.IsKnown(text)
            || (index > 0 && lexicon.IsKnown($"{Text(index - 1)} {text}"))
            || (index + 1 < words.Count && lexicon.IsKnown($"{text} {Text(index + 1)}"));
    }

    /// <summary>A title in capitals ("RED FOX IN SNOW") is lowered first, since its capitals carry no information.</summary>
    private static string ShoutedToLower(string title, IReadOnlyList<TextWord> words)
    {
        var letters = title.Where(char.IsLetter).ToList();
        return words.Count > 1 && letters.Count > 0 && letters.All(char.IsUpper) ? title.ToLowerInvariant() : title;
    }

    /// <summary>"Fox" and "A" but not "NASA", "iPhone", "fox" or the pronoun "I".</summary>
    private static bool IsPlainCapitalised(string word) =>
        char.IsUpper(word[0])
        && word.Skip(1).All(character => !char.IsLetter(character) || char.IsLower(character))
        && !string.Equals(word, "I", StringComparison.Ordinal);

    /// <summary>Upper-cases the first letter; leaves the rest alone so "iPhone" and "NASA" survive.</summary>
    private static string Capitalise(string word) =>
        word.Any(char.IsUpper) ? word : TextWords.Capitalised(word);

    private static bool FollowsColon(string title, int start)
    {
        var index = start - 1;
        while (index >= 0 && char.IsWhiteSpace(title[index]))
        {
            index--;
        }

        return index >= 0 && title[index] is ':' or '\u2014';
    }
}
