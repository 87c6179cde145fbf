using System.Text.RegularExpressions;
using TagMyStock.Core.Keywords;
using TagMyStock.Core.Lexicon;

namespace TagMyStock.Core.Tagging;

/// <summary>
/// Finds title and keyword words the lexicon does not know and that are close to a word it does ("beatiful"),
/// which reviewers reject and buyers never find. A false alarm teaches users to ignore the warning, so words
/// that are probably right although unknown are left alone: names WordNet knows ("Taj Mahal") or the user capitalised ("Nikon", "Kyoto"),
/// brands and AI-tool names, anything with a digit, short words, words in other scripts, and words with no
/// known word within two edits (a name or a foreign word is likelier than a typo then).
/// </summary>
internal static partial class SpellingCheck
{
    [GeneratedRegex(@"[\p{L}\p{Mn}\p{N}]+(?:['’-][\p{L}\p{Mn}\p{N}]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    private const int MinLength = 3;

    private const int MaxSuggestions = 3;

    public static IReadOnlyList<string> Warnings(TaggingInput input, string title, IEnumerable<string> keywords, EnglishLexicon lexicon)
    {
        var names = CapitalisedWords(input);
        var warnings = new List<string>();
        var checkedWords = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in keywords.Prepend(title))
        {
            var words = Word().Matches(text).Select(match => match.Value.Replace('’', '\'').ToLowerInvariant()).ToList();
            for (var index = 0; index < words.Count; index++)
            {
                // The words of a name WordNet knows are spelt as the name is ("taj mahal", "san francisco").
                var nameEnd = lexicon.KnownNameEnd(words, index, capitalsMarkNames: false);
                if (nameEnd > index)
                {
                    index = nameEnd;
                    continue;
                }

                var word = words[index];
                if (!checkedWords.Add(word) || IsExempt(word, names) || lexicon.IsKnown(word))
                {
                    continue;
                }

                var suggestions = lexicon.Suggestions(word, MaxSuggestions);
                if (suggestions.Count > 0)
                {
                    warnings.Add($"\"{word}\" may be misspelt: did you mean {string.Join(" or ", suggestions.Select(suggestion => $"\"{suggestion}\""))}?");
                }
            }
        }

        return warnings;
    }

    private static bool IsExempt(string word, HashSet<string> names) =>
        word.Length < MinLength
        || StopWords.Contains(word)
        || word.Any(char.IsDigit)
        || !AsciiFolding.Fold(word).All(letter => char.IsAsciiLetterLower(letter) || letter is '-' or '\'')
        || names.Contains(word)
        || Trademarks.IsTrademark(word, out _)
        || AiToolNames.IsAiToolName(word, out _);

    /// <summary>
    /// Words written with a capital where English would not need one (not at a sentence start), or in capitals
    /// or mixed case anywhere ("NYC", "iPhone"): the user's own way of saying "this is a name".
    /// </summary>
    private static HashSet<string> CapitalisedWords(TaggingInput input)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var texts = new[] { input.Hint, input.GenerationPrompt, input.GeneratorName, input.Existing.Title, input.Existing.Description }
            .Concat(input.Existing.Keywords.Select(keyword => $". {keyword}"));
        foreach (var text in texts.OfType<string>())
        {
            foreach (Match match in Word().Matches(text))
            {
                var word = match.Value;
                if ((char.IsUpper(word[0]) && !IsSentenceStart(text, match.Index)) || word.Skip(1).Any(char.IsUpper))
                {
                    names.Add(word.Replace('’', '\'').ToLowerInvariant());
                }
            }
        }

        return names;
    }

    private static bool IsSentenceStart(string text, int index)
    {
        var before = text.AsSpan(0, index).TrimEnd(" \t");
        return before.IsEmpty || before[^1] is '.' or '!' or '?' or ':' or ';' or '\n' or '\r';
    }
}
