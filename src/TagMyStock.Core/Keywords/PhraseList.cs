using System.Collections.Frozen;

namespace TagMyStock.Core.Keywords;

/// <summary>Where a listed phrase occurs in a text.</summary>
internal readonly record struct PhraseMatch(string Phrase, int Start, int Length);

/// <summary>
/// Finds listed phrases in text by whole words, ignoring case, plurals and punctuation between words:
/// "coca-cola" matches "Coca Cola", "coca-cola's" and "CocaCola"; "apple" would not match "pineapple".
/// </summary>
internal sealed class PhraseList
{
    private readonly FrozenDictionary<string, (string Phrase, string[] Keys)[]> _byFirstKey;

    public PhraseList(IEnumerable<string> phrases)
    {
        var entries = new List<(string Phrase, string[] Keys)>();
        foreach (var phrase in phrases)
        {
            var keys = TextWords.Keys(phrase).ToArray();
            if (keys.Length == 0)
            {
                continue;
            }

            entries.Add((phrase, keys));
            if (keys.Length > 1)
            {
                // Brands are also written as one word: "cocacola", "postit", "dalle".
                entries.Add((phrase, [EnglishPlurals.Singularize(string.Concat(keys))]));
            }
        }

        _byFirstKey = entries
            .GroupBy(entry => entry.Keys[0], StringComparer.Ordinal)
            .ToFrozenDictionary(
                group => group.Key,
                group => group.OrderByDescending(entry => entry.Keys.Length).ToArray(),
                StringComparer.Ordinal);
        Phrases = [.. entries.Select(entry => entry.Phrase).Distinct(StringComparer.Ordinal)];
    }

    public IReadOnlyList<string> Phrases { get; }

    /// <summary>Every match, left to right, the longest phrase winning where several start at one word.</summary>
    public IReadOnlyList<PhraseMatch> FindAll(string text)
    {
        var words = TextWords.Split(text);
        return [.. Matches(words).Select(match =>
        {
            var last = words[match.First + match.Count - 1];
            return new PhraseMatch(match.Phrase, words[match.First].Start, last.End - words[match.First].Start);
        })];
    }

    /// <summary>The first listed phrase in the text, or null.</summary>
    public string? FindFirst(string text) => FindAll(text) is [var first, ..] ? first.Phrase : null;

    /// <summary>
    /// The text without any listed phrase, its punctuation and spacing tidied. A phrase that ends its part of the
    /// sentence goes with the small words that led to it (<see cref="TextTidy.LeadingSmallWords"/>): "cup on a saucer
    /// on a table" without "saucer" reads "cup on a table", not "cup on a on a table".
    /// </summary>
    public string RemoveAll(string text)
    {
        var words = TextWords.Split(text);
        return TextTidy.RemoveSpans(text, Matches(words).Select(match =>
        {
            var first = TextTidy.LeadingSmallWords(text, words, match.First, match.First + match.Count);
            var last = words[match.First + match.Count - 1];
            return (words[first].Start, last.End - words[first].Start);
        }));
    }

    /// <summary>Each match as the index of its first word and its number of words, left to right, longest first.</summary>
    private List<(string Phrase, int First, int Count)> Matches(IReadOnlyList<TextWord> words)
    {
        var matches = new List<(string Phrase, int First, int Count)>();
        var index = 0;
        while (index < words.Count)
        {
            if (Match(words, index) is { } entry)
            {
                matches.Add((entry.Phrase, index, entry.Keys.Length));
                index += entry.Keys.Length;
            }
            else
            {
                index++;
            }
        }

        return matches;
    }

    private (string Phrase, string[] Keys)? Match(IReadOnlyList<TextWord> words, int index)
    {
        if (!_byFirstKey.TryGetValue(words[index].Key, out var candidates))
        {
            return null;
        }

        foreach (var candidate in candidates)
        {
            if (index + candidate.Keys.Length <= words.Count
                && candidate.Keys.Select((key, offset) => string.Equals(key, words[index + offset].Key, StringComparison.Ordinal)).All(equal => equal))
            {
                return candidate;
            }
        }

        return null;
    }
}
