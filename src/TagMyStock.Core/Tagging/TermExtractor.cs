using System.Collections.Frozen;
using System.Text.RegularExpressions;
using TagMyStock.Core.Keywords;
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
/// ("space shuttle model"). A pair that ends in a verb ("motorcycle parked") or a word that is never a noun
/// ("sleeping together"), or starts with a count ("two dogs"), names nothing, and a lexicon compound joined by
/// "and" ("black and white") is one term, not two words. So is a name the writer capitalised ("Picos de Europa").
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

    /// <summary>Room left for a buyer's text: "copy space", "copy-space", "copyspace" ("copy" alone is a stop word of file names).</summary>
    [GeneratedRegex(@"\bcopy[\s-]?space\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CopySpace();

    /// <summary>Working remotely: the home there is no building ("residential", "architecture").</summary>
    [GeneratedRegex(@"\b(?:work|works|working)\s+from\s+home\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WorkingFromHome();

    /// <summary>Where the picture was taken from: "top view", "side view"; the view's words alone ("top") say nothing true.</summary>
    [GeneratedRegex(@"\b(top|side|front|rear)[\s-]view\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ViewPoint();

    /// <summary>"Close up" and "closeup" for the keyword buyers write "close-up" ("close" alone says nothing true).</summary>
    [GeneratedRegex(@"\bclose\s+up\b|\bcloseup\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CloseUp();

    /// <summary>
    /// A part of a place or thing that only says where ("in front of the lighthouse", "on top of a fence", "at the edge of the
    /// forest", "in the middle of the road", "by the side of the lake", "copy space on the right"): the part ("front", "top", "edge", "right") is no keyword.
    /// </summary>
    [GeneratedRegex(
        @"\b(?:in|at|on|by|from|to|near|onto|into|towards?)\s+(?:the\s+|a\s+)?(?:very\s+)?(?:front|top|middle|edge|side|back|bottom|centre|center|end|rear|foot|base|corner|heart|surface|midst|left|right)(?:\s+of\b|\s*$)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WhereWithin();

    /// <summary>"St." and "Mt.", with or without the period: see <see cref="SpelledOut"/>.</summary>
    [GeneratedRegex(@"\b(st|mt)\b\.?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Abbreviation();

    /// <summary>Idioms that are one keyword, as buyers search them, though their words read one by one say something else.</summary>
    private static readonly (Func<Regex> Pattern, Func<Match, string> Term)[] Idioms =
    [
        (LookingAtCamera, _ => "looking at camera"),
        (CopySpace, _ => "copy space"),
        (WorkingFromHome, _ => "working from home"),
        (ViewPoint, match => $"{match.Groups[1].Value.ToLowerInvariant()} view"),
        (CloseUp, _ => "close-up"),
    ];

    /// <summary>The words for what is behind the subject.</summary>
    private static readonly FrozenSet<string> Backdrops = new[] { "background", "backgrounds", "backdrop", "backdrops" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>How a backdrop looks, which only its phrase says: "blurred background", "plain backdrop".</summary>
    private static readonly FrozenSet<string> BackdropLooks = new[]
    {
        "blurred", "blurry", "soft", "defocused", "unfocused", "out-of-focus", "plain", "simple", "neutral", "clean", "empty", "solid", "smooth",
    }.ToFrozenSet(StringComparer.Ordinal);

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
        var findNames = !IsCapitalisedThroughout(text);
        foreach (var whole in ClauseBreaks().Split(Abbreviation().Replace(text, SpelledOut)))
        {
            // An idiom's words end a run like a stop word; the idiom is one term of its own, as "black and white" is, after the
            // clause's other words (so that "cat looking at the camera" still names two things, and can be a title).
            var clause = WhereWithin().Replace(whole, " at ");
            var idioms = new List<string>();
            foreach (var (pattern, term) in Idioms)
            {
                clause = pattern().Replace(clause, match =>
                {
                    idioms.Add(term(match));
                    return " at ";
                });
            }

            foreach (var run in ContentRuns(clause, lexicon, findNames))
            {
                var head = run.FindLastIndex(word => lexicon is null || !lexicon.IsVerbForm(word));

                // A backdrop behind a subject already named ("flower on a dark background", "…, soft blurred background") is
                // searched as a whole ("dark background", "blurred background"): not "background" alone, which says the
                // picture is one, nor how soft or blurred it is.
                var isBackdrop = position > 0 && run.Count > 0 && Backdrops.Contains(run[^1]);
                for (var index = 0; index < run.Count; index++)
                {
                    if (index > 0 && IsPhrase(run, index, head, lexicon, everyPair))
                    {
                        yield return new Term($"{run[index - 1]} {run[index]}", position - 1, IsPhrase: true);
                    }

                    if ((isBackdrop && (index == run.Count - 1 || BackdropLooks.Contains(run[index]))) || EndsAnOpaqueCompound(run, index, lexicon))
                    {
                        position++;
                        continue;
                    }

                    yield return new Term(run[index], position++, IsPhrase: false);
                }
            }

            foreach (var idiom in idioms)
            {
                yield return new Term(idiom, position++, IsPhrase: false);
            }
        }
    }

    /// <summary>
    /// An abbreviation spelt out as WordNet spells the names it starts ("Mount Everest", "Saint Patrick's Day"), so that its
    /// period ends no clause. "St." is a saint before a word at a clause's start or after a word of grammar ("St. Mark's
    /// Square", "on st. patrick's day"), and otherwise a street ("Oxford St.").
    /// </summary>
    private static string SpelledOut(Match abbreviation)
    {
        var text = abbreviation.Value.TrimEnd('.');
        var word = text.Equals("mt", StringComparison.OrdinalIgnoreCase) ? "mount" : StartsAName(abbreviation) ? "saint" : "street";
        return char.IsUpper(text[0]) ? TextWords.Capitalised(word) : word;
    }

    private static bool StartsAName(Match abbreviation)
    {
        var (before, after) = (abbreviation.Result("$`"), abbreviation.Result("$'"));
        var next = Word().Match(after);
        if (!next.Success || !string.IsNullOrWhiteSpace(after[..next.Index]))
        {
            return false;
        }

        var previous = Word().Matches(before).LastOrDefault();
        return previous is null
            || ClauseBreaks().IsMatch(before[(previous.Index + previous.Length)..])
            || IsFunctionWord(previous.Value);
    }

    /// <summary>Whether a text holds at least one word that could be a keyword.</summary>
    public static bool HasContent(string text) => Extract(text).Any();

    /// <summary>
    /// Whether the word at <paramref name="index"/> ends a compound that is no kind of it (<see cref="EnglishLexicon.IsNoKindOfItsHead"/>):
    /// the "dogs" of "hot dogs" is no keyword, nor a phrase with the word after ("dog stand" of "hot dog stand").
    /// </summary>
    private static bool EndsAnOpaqueCompound(List<string> run, int index, EnglishLexicon? lexicon) =>
        index > 0 && lexicon is not null && lexicon.IsNoKindOfItsHead(run[index - 1], run[index]);

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

        if (EndsAnOpaqueCompound(run, index - 1, lexicon))
        {
            return false;
        }

        return (everyPair || index == head) && (lexicon is null || (!lexicon.IsVerbForm(second) && !lexicon.IsNeverNoun(second)));
    }

    /// <summary>
    /// The clause's runs of adjacent content words; stop words, one-letter words, manner adverbs and verbs in the
    /// present tense end a run: "woman walks her dog" names a woman and a dog, not "walks" nor "woman walks".
    /// </summary>
    private static List<List<string>> ContentRuns(string clause, EnglishLexicon? lexicon, bool findNames)
    {
        var words = Words(clause, lexicon, findNames);
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
                || (lexicon is not null && lexicon.IsIdleParticiple(word, runs.Where(run => run.Count > 0).Select(run => run[^1]), () => !IsContentWord(words, index + 1, lexicon, word))))
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

    /// <summary>
    /// The clause's words, lowercase, with each name as one word ("Picos de Europa", "New York City", "Statue of Liberty"),
    /// followed by the common noun it names a kind of, if any ("city", "statue"), and the names inside it that say where or
    /// when ("new york"; <see cref="EnglishLexicon.NamesWithin"/>): a name's other single words are not what the picture
    /// shows ("de", "york"), nor do they make phrases. A name is one WordNet knows
    /// (<see cref="EnglishLexicon.KnownNameEnd"/>) or one the writer capitalised (<see cref="NameEnd"/>).
    /// </summary>
    private static List<string> Words(string clause, EnglishLexicon? lexicon, bool findNames)
    {
        var tokens = Word().Matches(clause).Select(match => match.Value.Replace('’', '\'')).ToList();
        var lower = tokens.ConvertAll(token => token.ToLowerInvariant());
        var words = new List<string>(tokens.Count);
        for (var index = 0; index < tokens.Count; index++)
        {
            var known = lexicon is null ? index : lexicon.KnownNameEnd(tokens, index, capitalsMarkNames: findNames);
            var end = known > index ? known : findNames ? NameEnd(tokens, index, lexicon) : index;
            if (end == index)
            {
                words.Add(lower[index]);
                continue;
            }

            // A name makes no phrase with the words before it ("central park" of "central park new york" stays one): the empty
            // word ends the run.
            var name = string.Join(' ', lower[index..(end + 1)]);
            words.Add("");
            words.Add(name);
            var kind = lexicon is null ? null : known > index ? lexicon.NameKind(name) : NameKind(tokens[index..(end + 1)], lexicon);

            // The names inside it that say where or when ("china" of "Great Wall of China", "christmas" of "Christmas Eve"), each
            // a word of its own: the empty word keeps it from a phrase with the kind or the words after ("china wall").
            if (lexicon is not null && (known > index || kind is not null))
            {
                foreach (var within in lexicon.NamesWithin(name))
                {
                    words.Add("");
                    words.Add(within);
                    words.Add("");
                }
            }

            if (kind is not null)
            {
                // "Mount Fuji" is a mountain; WordNet's mount is first a riding horse.
                words.Add(kind == "mount" ? "mountain" : kind);

                // A kind that ends the name goes on with the words after it ("city skyline" of "New York City skyline"); another
                // makes no phrase with them ("statue torch" of "Statue of Liberty torch"): the empty word ends the run.
                if (!name.EndsWith($" {kind}", StringComparison.Ordinal))
                {
                    words.Add("");
                }
            }

            index = end;
        }

        return words;
    }

    /// <summary>
    /// The index of the last word of a name that starts at <paramref name="start"/>: two or more capitalised words,
    /// perhaps joined by a lowercase particle ("de", "of"); <paramref name="start"/> itself when none starts there.
    /// A clause's first word is capitalised anyway, so it starts a name only when the next word is capitalised too
    /// ("New York at night", not "View of Paris") or it is no English word ("Picos de Europa").
    /// </summary>
    private static int NameEnd(List<string> tokens, int start, EnglishLexicon? lexicon)
    {
        if (!IsCapitalised(tokens[start]) || IsFunctionWord(tokens[start])
            || (start == 0 && start + 1 < tokens.Count && !IsCapitalised(tokens[start + 1]) && (lexicon is null || lexicon.IsKnown(tokens[start]))))
        {
            return start;
        }

        var (end, capitals) = (start, 1);
        for (var index = start + 1; index < tokens.Count; index++)
        {
            if (IsCapitalised(tokens[index]))
            {
                (end, capitals) = (index, capitals + 1);
            }
            else if (!EnglishLexicon.IsNameParticle(tokens[index]) || index + 1 == tokens.Count || !IsCapitalised(tokens[index + 1]))
            {
                break;
            }
        }

        return capitals >= 2 ? end : start;
    }

    /// <summary>
    /// The common noun a name WordNet does not know is a kind of: its last capitalised word before any particle ("Street"
    /// of "Carnaby Street", "Cathedral" of "Cathedral of Santa Maria"), or else its first ("Lake" of "Lake Como"); null when
    /// neither can say a kind (<see cref="EnglishLexicon.IsNameKind"/>: not the "Dame" of "Notre Dame").
    /// </summary>
    private static string? NameKind(List<string> name, EnglishLexicon lexicon)
    {
        var particle = name.FindIndex(EnglishLexicon.IsNameParticle);
        var head = (particle < 0 ? name[^1] : name[particle - 1]).ToLowerInvariant();
        var first = name[0].ToLowerInvariant();
        return lexicon.IsNameKind(head) ? head : lexicon.IsNameKind(first) ? first : null;
    }

    private static bool IsCapitalised(string token) => char.IsUpper(token[0]);

    /// <summary>
    /// Whether a text is written in capitals, or in title case ("Eiffel Tower At Night": a function word capitalised
    /// after a clause's start): its capitals then mark no names. "Picos de Europa" alone is a name.
    /// </summary>
    private static bool IsCapitalisedThroughout(string text) =>
        !text.Any(char.IsLower)
        || Word().Matches(text).Any(match => IsCapitalised(match.Value) && IsFunctionWord(match.Value) && !IsClauseStart(text, match.Index));

    private static bool IsFunctionWord(string token) => FunctionWords.All.Contains(token.ToLowerInvariant());

    private static bool IsClauseStart(string text, int index)
    {
        var before = text.AsSpan(0, index).TrimEnd();
        return before.IsEmpty || ClauseBreaks().IsMatch(before[^1..]);
    }

    /// <summary>
    /// Whether the word at <paramref name="index"/> can be part of a run; false past the clause's end. A "-like" word says
    /// what a thing resembles, not what it is: a "daisy-like flower" is a flower.
    /// </summary>
    private static bool IsContentWord(List<string> words, int index, EnglishLexicon? lexicon, string? previous) =>
        index < words.Count
        && words[index].Length >= 2
        && !StopWords.Contains(words[index])
        && !words[index].EndsWith("-like", StringComparison.Ordinal)
        && (lexicon is null || !lexicon.IsMannerOrPresentTense(words[index], previous));
}
