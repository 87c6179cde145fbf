using System.Collections.Frozen;
using System.Text;

namespace TagMyStock.Core.Keywords;

/// <summary>A keyword that repeats an earlier one once case, spacing and plurals are ignored.</summary>
public sealed record KeywordDuplicate(string Keyword, string SameAs);

/// <summary>One word used in too many keywords, which agencies treat as keyword spam.</summary>
public sealed record KeywordSpam(string Word, IReadOnlyList<string> Keywords);

/// <summary>
/// The keyword checks every agency shares: normalisation, duplicates (plurals included), spam, size, case
/// and stray characters. All pure functions; the order of keywords (their relevance) is always kept.
/// </summary>
public static class KeywordHygiene
{
    /// <summary>IPTC-IIM 2:25 Keywords holds at most 64 bytes per keyword (IPTC IIM 4.2, dataset 2:25).</summary>
    public const int IptcMaxBytes = 64;

    /// <summary>A keyword with more words than this reads as a sentence rather than a search term.</summary>
    public const int MaxWordsPerKeyword = 5;

    /// <summary>A word appearing in more keywords than this counts as keyword spam.</summary>
    public const int SpamThreshold = 4;

    /// <summary>Punctuation ordinary titles and keywords use; any other non-letter, non-digit is "special".</summary>
    private const string OrdinaryPunctuation = ".,;:!?'\"-()&/%$€£+°\u2018\u2019\u201C\u201D\u2013\u2014\u2026";

    /// <summary>Words too common to count as repeats or spam ("bread and butter and jam").</summary>
    private static readonly FrozenSet<string> CommonWords = FrozenSet.Create(StringComparer.Ordinal, [.. FunctionWords.Joining, "as"]);

    /// <summary>The keyword trimmed, with runs of whitespace made one space.</summary>
    public static string Normalize(string keyword) => string.Join(' ', keyword.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// What two keywords are compared by: each word lowercase, ASCII-folded and singular, one space apart.
    /// "Cats", "cat " and "CAT" share the key "cat"; "Dogs  Parks" and "dog park" share "dog park".
    /// </summary>
    public static string Key(string keyword) => string.Join(' ', TextWords.Keys(keyword));

    /// <summary>Whether a keyword has no word at all (empty, spaces or punctuation only).</summary>
    public static bool IsEmpty(string keyword) => TextWords.Split(keyword).Count == 0;

    /// <summary>The keywords without later duplicates; each kept keyword stays at its first position, as written.</summary>
    public static IReadOnlyList<string> Deduplicate(IEnumerable<string> keywords)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. keywords.Where(keyword => Key(keyword) is var key && (key.Length == 0 || seen.Add(key)))];
    }

    /// <summary>Every keyword that repeats an earlier one, with the one it repeats.</summary>
    public static IReadOnlyList<KeywordDuplicate> FindDuplicates(IEnumerable<string> keywords)
    {
        var first = new Dictionary<string, string>(StringComparer.Ordinal);
        var duplicates = new List<KeywordDuplicate>();
        foreach (var keyword in keywords)
        {
            var key = Key(keyword);
            if (key.Length == 0)
            {
                continue;
            }

            if (first.TryGetValue(key, out var original))
            {
                duplicates.Add(new KeywordDuplicate(keyword, original));
            }
            else
            {
                first.Add(key, keyword);
            }
        }

        return duplicates;
    }

    /// <summary>
    /// Words (by singular form) that appear in more than <paramref name="threshold"/> keywords, e.g. "dog" in
    /// "dog, dogs park, dog walking, dog toy, dog bowl". Common words such as "and" or "of" are not counted.
    /// </summary>
    public static IReadOnlyList<KeywordSpam> FindSpam(IReadOnlyList<string> keywords, int threshold = SpamThreshold)
    {
        var keywordsByWord = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var keyword in keywords)
        {
            foreach (var word in TextWords.Keys(keyword).Where(word => !CommonWords.Contains(word)).Distinct(StringComparer.Ordinal))
            {
                if (!keywordsByWord.TryGetValue(word, out var list))
                {
                    list = [];
                    keywordsByWord.Add(word, list);
                    order.Add(word);
                }

                list.Add(keyword);
            }
        }

        return [.. order.Where(word => keywordsByWord[word].Count > threshold).Select(word => new KeywordSpam(word, keywordsByWord[word]))];
    }

    /// <summary>Whether one keyword says the same word twice ("dog dog", "happy dogs and happy cats").</summary>
    public static bool HasRepeatedWord(string keyword, out string word)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        word = TextWords.Keys(keyword).Where(key => !CommonWords.Contains(key)).FirstOrDefault(key => !seen.Add(key)) ?? "";
        return word.Length > 0;
    }

    /// <summary>The keyword with every repeated word after its first use taken out.</summary>
    public static string RemoveRepeatedWords(string keyword)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var repeats = TextWords.Split(keyword)
            .Where(word => !CommonWords.Contains(word.Key) && !seen.Add(word.Key))
            .Select(word => (word.Start, word.Length));
        return TextTidy.RemoveSpans(keyword, repeats);
    }

    /// <summary>UTF-8 size, which the IPTC limit counts.</summary>
    public static int Utf8Length(string keyword) => Encoding.UTF8.GetByteCount(keyword);

    public static int WordCount(string keyword) => TextWords.Split(keyword).Count;

    /// <summary>
    /// The keyword in lowercase, except acronyms (a word of 2 to 5 letters, all capitals: "USA", "DNA", "LED"),
    /// whose lowercase is often another word ("US" → "us"). A shouted "DOG" is therefore kept as written.
    /// </summary>
    public static string Lowercase(string keyword)
    {
        var lowered = keyword.ToCharArray();
        var acronymSpans = TextWords.Split(keyword).Where(word => IsAcronym(keyword.AsSpan(word.Start, word.Length))).ToList();
        for (var index = 0; index < lowered.Length; index++)
        {
            if (!acronymSpans.Any(word => index >= word.Start && index < word.End))
            {
                lowered[index] = char.ToLowerInvariant(lowered[index]);
            }
        }

        return new string(lowered);
    }

    /// <summary>Characters agencies reject or strip (#, @, _, emoji, control characters…), each once.</summary>
    public static IReadOnlyList<string> SpecialCharacters(string text)
    {
        var found = new List<string>();
        for (var index = 0; index < text.Length; index++)
        {
            if (!IsSpecial(text[index]))
            {
                continue;
            }

            var character = char.IsHighSurrogate(text[index]) && index + 1 < text.Length ? text.Substring(index++, 2) : text[index].ToString();
            if (!found.Contains(character, StringComparer.Ordinal))
            {
                found.Add(character);
            }
        }

        return found;
    }

    /// <summary>The text with special characters turned into spaces, then tidied ("#dog" → "dog", "rock_and_roll" → "rock and roll").</summary>
    public static string RemoveSpecialCharacters(string text)
    {
        var characters = text.Select(character => IsSpecial(character) ? ' ' : character).ToArray();
        return TextTidy.Tidy(new string(characters));
    }

    private static bool IsSpecial(char character) =>
        char.IsControl(character)
        || !(char.IsLetterOrDigit(character) || char.IsWhiteSpace(character) || OrdinaryPunctuation.Contains(character, StringComparison.Ordinal));

    private static bool IsAcronym(ReadOnlySpan<char> word)
    {
        var letters = 0;
        foreach (var character in word)
        {
            if (char.IsLetter(character))
            {
                if (!char.IsUpper(character))
                {
                    return false;
                }

                letters++;
            }
        }

        return letters is >= 2 and <= 5;
    }
}
