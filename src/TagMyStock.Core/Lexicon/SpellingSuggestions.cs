using System.Numerics;

namespace TagMyStock.Core.Lexicon;

/// <summary>
/// Nearest known words to a misspelling: within two edits (insert, delete, replace, or swap two neighbours), and only
/// those of the fewest edits found ("ocaen" is "ocean", one swap away, not also "open" or "often", two away); the word
/// WordNet saw most often first, then alphabetical so ties never depend on order.
/// </summary>
/// <remarks>
/// A scan of the words of similar length with a bounded edit distance, paid only for words the lexicon does
/// not know, against the tens of megabytes a deletion index would hold in memory. Each edit adds or removes
/// at most two letters from the set of letters a word uses, so a word whose letter set differs by more than
/// four letters is skipped on one XOR before the distance is computed.
/// </remarks>
internal sealed class SpellingSuggestions
{
    public const int MaxDistance = 2;

    /// <summary>Single words of letters only, names left out, grouped by length, each group in a fixed (ordinal) order.</summary>
    private readonly (string Word, int Frequency, int Letters)[][] _byLength;

    public SpellingSuggestions(IEnumerable<KeyValuePair<string, WordInfo>> words)
    {
        var groups = words
            .Where(pair => pair.Key.Length > 1 && pair.Key.All(char.IsAsciiLetterLower) && !pair.Value.PartsOfSpeech.HasFlag(PartsOfSpeech.ProperName))
            .GroupBy(pair => pair.Key.Length)
            .ToDictionary(
                group => group.Key,
                group => group.Select(pair => (pair.Key, pair.Value.Frequency, LetterSet(pair.Key))).OrderBy(word => word.Key, StringComparer.Ordinal).ToArray());
        _byLength = new (string, int, int)[groups.Keys.Max() + 1][];
        for (var length = 0; length < _byLength.Length; length++)
        {
            _byLength[length] = groups.GetValueOrDefault(length, []);
        }
    }

    public IReadOnlyList<string> Nearest(string word, int max)
    {
        var found = new List<(string Word, int Distance, int Frequency)>();
        var letters = LetterSet(word);
        var shortest = Math.Max(1, word.Length - MaxDistance);
        var longest = Math.Min(_byLength.Length - 1, word.Length + MaxDistance);
        for (var length = shortest; length <= longest; length++)
        {
            foreach (var (candidate, frequency, candidateLetters) in _byLength[length])
            {
                if (BitOperations.PopCount((uint)(letters ^ candidateLetters)) > 2 * MaxDistance)
                {
                    continue;
                }

                var distance = Distance(word, candidate, MaxDistance);
                if (distance <= MaxDistance)
                {
                    found.Add((candidate, distance, frequency));
                }
            }
        }

        var fewestEdits = found.Count == 0 ? 0 : found.Min(match => match.Distance);
        return
        [
            .. found
                .Where(match => match.Distance == fewestEdits)
                .OrderByDescending(match => match.Frequency)
                .ThenBy(match => match.Word, StringComparer.Ordinal)
                .Take(max)
                .Select(match => match.Word),
        ];
    }

    /// <summary>Which of a–z a word uses, one bit each (anything else shares one bit).</summary>
    private static int LetterSet(string word)
    {
        var set = 0;
        foreach (var letter in word)
        {
            set |= 1 << (char.IsAsciiLetterLower(letter) ? letter - 'a' : 26);
        }

        return set;
    }

    /// <summary>
    /// Optimal string alignment distance (Levenshtein plus adjacent swaps, which is how people mistype),
    /// or <paramref name="limit"/> + 1 as soon as it must exceed the limit.
    /// </summary>
    internal static int Distance(string source, string target, int limit)
    {
        if (Math.Abs(source.Length - target.Length) > limit)
        {
            return limit + 1;
        }

        var width = target.Length + 1;
        Span<int> beforePrevious = stackalloc int[width];
        Span<int> previous = stackalloc int[width];
        Span<int> current = stackalloc int[width];
        for (var column = 0; column < width; column++)
        {
            previous[column] = column;
        }

        for (var row = 1; row <= source.Length; row++)
        {
            current[0] = row;
            var rowMinimum = row;
            for (var column = 1; column < width; column++)
            {
                var cost = source[row - 1] == target[column - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[column] + 1, current[column - 1] + 1), previous[column - 1] + cost);
                if (row > 1 && column > 1 && source[row - 1] == target[column - 2] && source[row - 2] == target[column - 1])
                {
                    value = Math.Min(value, beforePrevious[column - 2] + 1);
                }

                current[column] = value;
                rowMinimum = Math.Min(rowMinimum, value);
            }

            if (rowMinimum > limit)
            {
                return limit + 1;
            }

            var recycled = beforePrevious;
            beforePrevious = previous;
            previous = current;
            current = recycled;
        }

        return Math.Min(previous[target.Length], limit + 1);
    }
}
