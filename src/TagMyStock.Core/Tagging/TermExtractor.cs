using System.Collections.Frozen;
using System.Text.RegularExpressions;
using TagMyStock.Core.Lexicon;

namespace TagMyStock.Core.Tagging;

/// <summary>A candidate keyword found in a text, with where it first appeared (earlier is more central).</summary>
internal readonly record struct Term(string Text, int Position, bool IsPhrase);

/// <summary>
/// Splits descriptive text into candidate keywords: every content word, and the pairs of adjacent content words
/// inside one clause that name something ("golden retriever", "city skyline"), which is how buyers search.
/// English puts the named thing last, so a pair is a phrase when it ends a run of content words ("paint
/// brushes", not "used paint" of "used paint brushes"; a verb after it does not count: "red motorcycle" of
/// "red motorcycle parked"), or when the lexicon knows it as a compound
/// ("space shuttle model"). A pair that ends in a verb ("motorcycle parked") or starts with a count ("two
/// dogs") names nothing, and a lexicon compound joined by "and" ("black and white") is one term, not two words.
/// A subject looking into the lens ("cat looking at the camera") is one term, as buyers search it, "looking at camera":
/// the camera there is no subject. What a pier or a path is "doing" ("leading into fog", "winding through") is no
/// keyword; what a person, an animal, a vehicle or water does ("climbing", "sailing", "flowing") is.
/// </summary>
internal static partial class TermExtractor
{
    [GeneratedRegex(@"[,;:.!?\n\r/|]+", RegexOptions.CultureInvariant)]
    private static partial Regex ClauseBreaks();

    [GeneratedRegex(@"\p{L}[\p{L}\p{Mn}]*(?:['’-]\p{L}[\p{L}\p{Mn}]*)*", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    /// <summary>
    /// Eye contact with the lens: "looking at the camera", "smiling into the lens", "gazing at the viewer". The gaze verb
    /// goes with the idiom; another verb ("smiling") stays a word of its own. "At a camera" is not it: that camera is a thing
    /// looked at, and a subject.
    /// </summary>
    [GeneratedRegex(
        @"\b(?:(?:look|looks|looking|stare|stares|staring|gaze|gazes|gazing|glance|glances|glancing|peer|peers|peering)\s+|(?<=\b(?:smile|smiles|smiling|pose|poses|posing|wink|winks|winking|laugh|laughs|laughing)\s+))(?:straight\s+|directly\s+)?(?:at|into|towards?)\s+the\s+(?:camera|lens|viewer)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LookingAtCamera();

    /// <summary>The keyword buyers search for eye contact with the lens.</summary>
    private const string LookingAtCameraPhrase = "looking at camera";

    /// <summary>Counts say how many, not what: "two dogs" is searched as "dogs".</summary>
    private static readonly FrozenSet<string> Counts = new[]
    {
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "several", "many", "dozen", "pair", "couple",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <param name="lexicon">Knows compounds and verb forms; without it, only the last pair of each run of words is a phrase.</param>
    /// <param name="everyPair">
    /// Every adjacent pair, for a text that only supports phrases another source proposed: a file name is one run
    /// of words ("water drop splash crown"), whose pairs are evidence for a hint's "water drop".
    /// </param>
    public static IEnumerable<Term> Extract(string text, EnglishLexicon? lexicon = null, bool everyPair = false)
    {
        var position = 0;
        foreach (var whole in ClauseBreaks().Split(text))
        {
            // The idiom's words end a run like a stop word; the idiom is one term of its own, as "black and white" is, after the
            // clause's other words (so that "cat looking at the camera" still names two things, and can be a title).
            var clause = LookingAtCamera().Replace(whole, " at ");
            foreach (var run in ContentRuns(clause, lexicon))
            {
                var head = run.FindLastIndex(word => lexicon is null || !lexicon.IsVerbForm(word));
                for (var index = 0; index < run.Count; index++)
                {
                    if (index > 0 && IsPhrase(run, index, head, lexicon, everyPair))
                    {
                        yield return new Term($"{run[index - 1]} {run[index]}", position - 1, IsPhrase: true);
                    }

                    yield return new Term(run[index], position++, IsPhrase: false);
                }
            }

            if (!string.Equals(clause, whole, StringComparison.Ordinal))
            {
                yield return new Term(LookingAtCameraPhrase, position++, IsPhrase: false);
            }
        }
    }

    /// <summary>Whether a text holds at least one word that could be a keyword.</summary>
    public static bool HasContent(string text) => Extract(text).Any();

    /// <summary>
    /// Whether the words at <paramref name="index"/> − 1 and <paramref name="index"/> of a run make a phrase;
    /// <paramref name="head"/> is the run's last word that is no verb form.
    /// </summary>
    private static bool IsPhrase(List<string> run, int index, int head, EnglishLexicon? lexicon, bool everyPair)
    {
        var (first, second) = (run[index - 1], run[index]);
        if (first.Contains(' ', StringComparison.Ordinal) || second.Contains(' ', StringComparison.Ordinal) || Counts.Contains(first))
        {
            return false;
        }

        if (lexicon is not null && lexicon.IsLemma($"{first} {second}"))
        {
            return true;
        }

        return (everyPair || index == head) && (lexicon is null || !lexicon.IsVerbForm(second));
    }

    /// <summary>
    /// The clause's runs of adjacent content words; stop words, one-letter words, manner adverbs and verbs in the
    /// present tense end a run: "woman walks her dog" names a woman and a dog, not "walks" nor "woman walks".
    /// </summary>
    private static List<List<string>> ContentRuns(string clause, EnglishLexicon? lexicon)
    {
        var words = Word().Matches(clause).Select(match => match.Value.Replace('’', '\'').ToLowerInvariant()).ToList();
        var runs = new List<List<string>> { new() };
        for (var index = 0; index < words.Count; index++)
        {
            var word = words[index];
            if (index + 2 < words.Count && words[index + 1] == "and" && lexicon is not null && lexicon.IsLemma($"{word} and {words[index + 2]}"))
            {
                runs[^1].Add($"{word} and {words[index + 2]}");
                index += 2;
            }
            else if (!IsContentWord(words, index, lexicon, runs[^1].LastOrDefault())
                || (lexicon is not null && lexicon.IsIdleParticiple(word, runs.Where(run => run.Count > 0).Select(run => run[^1]), !IsContentWord(words, index + 1, lexicon, word))))
            {
                if (runs[^1].Count > 0)
                {
                    runs.Add([]);
                }
            }
            else
            {
                runs[^1].Add(word);
            }
        }

        return runs;
    }

    /// <summary>Whether the word at <paramref name="index"/> can be part of a run; false past the clause's end.</summary>
    private static bool IsContentWord(List<string> words, int index, EnglishLexicon? lexicon, string? previous) =>
        index < words.Count
        && words[index].Length >= 2
        && !StopWords.Contains(words[index])
        && (lexicon is null || !lexicon.IsMannerOrPresentTense(words[index], previous));
}
