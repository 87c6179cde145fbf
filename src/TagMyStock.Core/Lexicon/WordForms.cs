namespace TagMyStock.Core.Lexicon;

/// <summary>
/// The dictionary forms an inflected English word may come from ("running" → run, "happier" → happy,
/// "quickly" → quick), in the spirit of WordNet's own morphy, but stricter about spelling: "runing" and
/// "makeing" are not forms of "run" and "make", since the point here is to catch exactly such mistakes.
/// </summary>
internal static class WordForms
{
    private const PartsOfSpeech NounOrVerb = PartsOfSpeech.Noun | PartsOfSpeech.Verb;

    /// <summary>Each suffix with what replaces it and the part of speech the base must be ("runes" yes, "runing" no).</summary>
    private static readonly (string Suffix, string Replacement, PartsOfSpeech Base)[] Rules =
    [
        ("s", "", NounOrVerb), ("es", "", NounOrVerb), ("ies", "y", NounOrVerb), ("ed", "", PartsOfSpeech.Verb),
        ("ed", "e", PartsOfSpeech.Verb), ("ied", "y", PartsOfSpeech.Verb), ("ing", "", PartsOfSpeech.Verb),
        ("ing", "e", PartsOfSpeech.Verb), ("er", "", PartsOfSpeech.Adjective), ("er", "e", PartsOfSpeech.Adjective),
        ("ier", "y", PartsOfSpeech.Adjective), ("est", "", PartsOfSpeech.Adjective), ("est", "e", PartsOfSpeech.Adjective),
        ("iest", "y", PartsOfSpeech.Adjective), ("ly", "", PartsOfSpeech.Adjective), ("ily", "y", PartsOfSpeech.Adjective),
    ];

    /// <summary>Possible base forms of a lowercase word, each with the part of speech it must have; the word itself is not included.</summary>
    public static IEnumerable<(string Base, PartsOfSpeech PartOfSpeech)> Bases(string word)
    {
        foreach (var (suffix, replacement, partOfSpeech) in Rules)
        {
            if (word.Length <= suffix.Length + 1 || !word.EndsWith(suffix, StringComparison.Ordinal))
            {
                continue;
            }

            var stem = word[..^suffix.Length];
            var takesVowelSuffix = replacement.Length == 0 && suffix is "ed" or "ing" or "er" or "est";
            if (!takesVowelSuffix)
            {
                yield return (stem + replacement, partOfSpeech);
            }
            else if (stem.Length > 2 && stem[^1] == stem[^2] && DoublesFinalConsonant(stem[..^1]))
            {
                yield return (stem[..^1], partOfSpeech); // "running" → run, "bigger" → big
            }
            else if (!DoublesFinalConsonant(stem) && !EndsInSilentE(stem))
            {
                yield return (stem, partOfSpeech); // "walking" → walk, but not "runing" → run nor "makeing" → make
            }
        }
    }

    /// <summary>One-syllable words ending consonant–vowel–consonant double it before -ing, -ed, -er, -est ("run", "stop", "big").</summary>
    private static bool DoublesFinalConsonant(string word)
    {
        if (word.Length < 3 || !IsConsonant(word[^1]) || word[^1] is 'w' or 'x' or 'y' || IsConsonant(word[^2]) || !IsConsonant(word[^3]))
        {
            return false;
        }

        var vowelGroups = 0;
        for (var index = 0; index < word.Length; index++)
        {
            if (!IsConsonant(word[index]) && (index == 0 || IsConsonant(word[index - 1])))
            {
                vowelGroups++;
            }
        }

        return vowelGroups == 1;
    }

    /// <summary>"make" drops its e before -ing ("making"); "see", "dye" and "toe" keep it.</summary>
    private static bool EndsInSilentE(string word) => word.Length > 2 && word[^1] == 'e' && word[^2] is not ('e' or 'y' or 'o');

    private static bool IsConsonant(char letter) => letter is not ('a' or 'e' or 'i' or 'o' or 'u');
}
