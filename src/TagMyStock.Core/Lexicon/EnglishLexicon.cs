using System.Collections.Frozen;
using TagMyStock.Core.Keywords;

namespace TagMyStock.Core.Lexicon;

/// <summary>How an expansion relates to the concept it came from.</summary>
public enum LexiconRelation
{
    /// <summary>Another word for the same thing (WordNet synset): "sunset" → sundown.</summary>
    Synonym,

    /// <summary>A broader kind the thing belongs to (WordNet hypernym): "golden retriever" → dog.</summary>
    Broader,

    /// <summary>What buyers of such a picture also search for (the curated buyer-concepts map): "laptop" → remote work.</summary>
    BuyerConcept,
}

/// <summary>A related keyword for a concept, with how strongly it follows from it (0–1) for ranking.</summary>
public sealed record LexiconExpansion(string Keyword, double Strength, LexiconRelation Relation);

/// <summary>
/// English words from WordNet 3.0 and the curated buyer-concepts map: which words exist (spelling), the nearest
/// known words to a misspelling, and the keywords a concept implies. Loaded once on first use (about a quarter
/// of a second); immutable afterwards, so <see cref="Shared"/> serves every thread without locks.
/// </summary>
public sealed class EnglishLexicon
{
    private static readonly Lazy<EnglishLexicon> Instance = new(() => new EnglishLexicon(LexiconData.LoadEmbedded(), BuyerConcepts.LoadEmbedded()));

    /// <summary>Tagged uses in WordNet's texts from which any noun can be a name's kind: "square" (44), "market" (30); not "dame" (1).</summary>
    private const int MinFrequencyOfAnyNameKind = 10;

    /// <summary>The lowercase words that join the capitalised words of a name: "Picos de Europa", "Statue of Liberty".</summary>
    private static readonly FrozenSet<string> NameParticles = new[]
    {
        "de", "del", "della", "di", "da", "do", "dos", "das", "du", "des", "la", "le", "van", "von", "der", "den", "of", "the", "y", "al", "el",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly LexiconData _data;
    private readonly ConceptExpander _expander;

    /// <summary>Built on the first misspelling: most images have none, and the index costs a fifth of the load time.</summary>
    private readonly Lazy<SpellingSuggestions> _suggestions;

    private EnglishLexicon(LexiconData data, BuyerConcepts buyerConcepts)
    {
        _data = data;
        _expander = new ConceptExpander(data, buyerConcepts);
        _suggestions = new(() => new SpellingSuggestions(data.Words));
    }

    /// <summary>The lexicon, loaded from the resources embedded in this assembly on first use.</summary>
    public static EnglishLexicon Shared => Instance.Value;

    /// <summary>
    /// Whether an English word is known, in any inflection ("dogs", "running", "happier", "geese") and any case.
    /// Hyphenated and multi-word terms are known when the whole is a WordNet lemma or every part is known.
    /// </summary>
    public bool IsKnown(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var lower = AsciiFolding.Fold(word.Trim().ToLowerInvariant()).Replace('\u2019', '\'');

        // A possessive is its word: "children's" is known because "children" is.
        lower = lower.EndsWith("'s", StringComparison.Ordinal) ? lower[..^2] : lower.TrimEnd('\'');
        if (lower.Length == 0)
        {
            return false;
        }

        if (IsKnownForm(lower))
        {
            return true;
        }

        var parts = lower.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
        return parts.Length > 1 && parts.All(IsKnownForm);
    }

    /// <summary>
    /// The known words nearest to a likely misspelling, best first: at most two edits away, those of the fewest edits
    /// only, the more common word first. Empty when nothing is that close (a name or a foreign word, most likely).
    /// </summary>
    public IReadOnlyList<string> Suggestions(string word, int max = 3)
    {
        ArgumentNullException.ThrowIfNull(word);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var lower = AsciiFolding.Fold(word.Trim().ToLowerInvariant());
        return lower.Length < 3 ? [] : _suggestions.Value.Nearest(lower, max);
    }

    /// <summary>
    /// Keywords a buyer searching for the concept would also use, strongest first: WordNet synonyms of its most
    /// frequent sense, the broader kinds it belongs to (over-general and technical ones left out), and the
    /// curated buyer concepts. Empty for words the lexicon cannot place surely (ambiguous words, verbs).
    /// </summary>
    public IReadOnlyList<LexiconExpansion> Expand(string concept)
    {
        ArgumentNullException.ThrowIfNull(concept);
        return _expander.Expand(concept);
    }

    /// <summary>Whether a term (a phrase such as "teddy bear" or "hot dog") is itself a WordNet lemma.</summary>
    internal bool IsLemma(string term) => _data.Words.ContainsKey(KeywordHygiene.Normalize(term).ToLowerInvariant());

    /// <summary>
    /// Whether two lowercase words make a compound WordNet knows that is no kind of its last word in any sense, which alone
    /// would then say something false: a "hot dog" is no dog, a "sea lion" no lion, a "teddy bear" no bear, "ice cream" no
    /// cream. A "golden retriever" is a retriever, "apple trees" are fruit trees, a "red fox" a fox.
    /// </summary>
    internal bool IsNoKindOfItsHead(string modifier, string head) =>
        (_data.Words.TryGetValue($"{modifier} {head}", out var compound) || _data.Words.TryGetValue($"{modifier} {EnglishPlurals.Singularize(head)}", out compound))
        && compound.PartsOfSpeech.HasFlag(PartsOfSpeech.OpaqueCompound);

    /// <summary>Whether a lowercase word is, in a description, a verb's -ing or -ed form rather than a noun ("parked", not "wedding").</summary>
    internal bool IsVerbForm(string word) => _data.IsVerbForm(word);

    /// <summary>
    /// Whether a lowercase word, in a description, says how something is done rather than what is shown ("softly",
    /// "walks", the "lean" of "spaniels lean"); <paramref name="previous"/> is the content word before it, if any.
    /// </summary>
    internal bool IsMannerOrPresentTense(string word, string? previous) => _data.IsMannerOrPresentTense(word, previous);

    /// <summary>
    /// Whether a lowercase -ing word says only how a thing lies or moves ("path winding", "pier leading", "splash
    /// forming"), not an action a buyer searches: it ends its clause's run of words, and no noun before it in the
    /// clause names something that acts (a living thing or part of one, people, a vehicle, water, weather), while at
    /// least one names something. "Hiking trail" and "smiling woman" go before a noun; "hiker climbing", "boat
    /// sailing" and "water flowing" have an actor.
    /// </summary>
    /// <param name="heads">
    /// The last word of each run of content words before it in the clause (its own run included), where English
    /// puts the named thing: the "minimalist" of "minimalist photo of a pier" is no artist, and the "water" of
    /// "water drop splash" is not what forms a crown.
    /// </param>
    /// <param name="endsRun">Whether no content word follows it in the clause; asked only of an -ing verb form.</param>
    internal bool IsIdleParticiple(string word, IEnumerable<string> heads, Func<bool> endsRun)
    {
        if (!word.EndsWith("ing", StringComparison.Ordinal) || !_data.IsVerbForm(word) || !endsRun())
        {
            return false;
        }

        var nouns = heads.Where(_data.IsNoun).ToList();
        return nouns.Count > 0 && !nouns.Any(_data.NamesAnActor);
    }

    /// <summary>Whether WordNet writes a lowercase word only capitalised: a name ("paris", "tokyo").</summary>
    internal bool IsName(string word) => _data.Words.TryGetValue(word, out var info) && info.PartsOfSpeech.HasFlag(PartsOfSpeech.ProperName);

    /// <summary>Whether a lowercase word joins the capitalised words of a name ("de" of "Picos de Europa", "of", "the").</summary>
    internal static bool IsNameParticle(string word) => NameParticles.Contains(word);

    /// <summary>The most words a name of <see cref="NameSpelling"/> has.</summary>
    internal int MaxNameWords => _data.MaxNameWords;

    /// <summary>
    /// How WordNet writes a name of two or more words, given in lowercase ("Eiffel Tower" for "eiffel tower", "Statue of
    /// Liberty"); null when it knows no such name.
    /// </summary>
    internal string? NameSpelling(string name) => _data.Names.TryGetValue(name, out var known) ? known.Spelling : null;

    /// <summary>
    /// The index of the last word of the longest name of two or more words WordNet knows that starts at
    /// <paramref name="start"/> ("New York City", "eiffel tower"), or <paramref name="start"/> when none does. Where
    /// capitals mark names, one the writer capitalised as WordNet does is a name; any other only when it cannot be read
    /// as plain English: three words or more ("golden gate bridge"), or a word that is a name or no everyday word
    /// ("york", "fuji"). In lowercase, a "white house" is a house and the "black sea" a sea.
    /// </summary>
    /// <param name="words">The text's words, as written.</param>
    /// <param name="capitalsMarkNames">False for a text in lowercase, in capitals or in title case.</param>
    internal int KnownNameEnd(IReadOnlyList<string> words, int start, bool capitalsMarkNames)
    {
        if (start + 1 >= words.Count || !_data.NameStarts.Contains($"{words[start].ToLowerInvariant()} {words[start + 1].ToLowerInvariant()}"))
        {
            return start;
        }

        for (var end = Math.Min(words.Count, start + _data.MaxNameWords) - 1; end > start; end--)
        {
            var lower = words.Skip(start).Take(end - start + 1).Select(word => word.ToLowerInvariant()).ToList();
            if (NameSpelling(string.Join(' ', lower)) is not { } spelling)
            {
                continue;
            }

            // Where capitals mark names, the writer's capitals decide: "Golden Gate Bridge" is the name, "ancient Greek" is not
            // the language; a name written all in lowercase ("the golden gate bridge, San Francisco") is judged as in lowercase.
            var capitals = spelling.Split(' ').Zip(words.Skip(start)).Where(pair => char.IsUpper(pair.First[0])).Select(pair => char.IsUpper(pair.Second[0])).ToList();
            if (capitalsMarkNames && capitals.Any(capitalised => capitalised))
            {
                return capitals.All(capitalised => capitalised) ? end : start;
            }

            if (lower.Count >= 3 || !lower.Where(word => !IsNameParticle(word)).All(IsPlainWord))
            {
                return end;
            }
        }

        return start;
    }

    /// <summary>
    /// The common noun among a known name's own words that WordNet says the named thing is, or a broader kind of it: the
    /// "tower" of "eiffel tower", the "bridge" of "golden gate bridge" (a suspension bridge), the "mount" of "mount fuji"
    /// (a volcano, a mountain). Null when the name says no kind ("big ben" is a clock, "times square" a city district) or
    /// only a time, which no picture shows (the "day" of "mother's day", "thanksgiving day").
    /// </summary>
    internal string? NameKind(string name)
    {
        if (!_data.Names.TryGetValue(name, out var known))
        {
            return null;
        }

        var padded = $" {name} ";
        for (var synset = known.Kind; synset >= 0; synset = _data.Synsets[synset].Parent)
        {
            if (_data.Synsets[synset].Words.FirstOrDefault(word => padded.Contains($" {word} ", StringComparison.Ordinal)) is { } kind)
            {
                return _data.NamesATime(synset) ? null : kind;
            }
        }

        return null;
    }

    /// <summary>
    /// The text with the names WordNet knows spelt as it spells them where the text writes them in lowercase: "eiffel tower at
    /// night in paris" is "Eiffel Tower at night in Paris", "mother's day" "Mother's Day". A name of everyday words is those
    /// words in lowercase ("white house"; <see cref="KnownNameEnd"/>). Only the case of lowercase words changes, so "NASA"
    /// and "iPhone" stay as written, and every word keeps its length (a letter whose capital is longer keeps the word).
    /// </summary>
    internal string WithNamesCapitalised(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = TextWords.Split(text);
        var written = words.Select(word => text.Substring(word.Start, word.Length).Replace('\u2019', '\'')).ToList();
        var spelt = text.ToCharArray();
        for (var index = 0; index < words.Count; index++)
        {
            var end = KnownNameEnd(written, index, capitalsMarkNames: false);
            var spelling = end > index ? NameSpelling(string.Join(' ', written[index..(end + 1)]).ToLowerInvariant())!.Split(' ')
                : IsSingleWordName(written[index]) ? [TextWords.Capitalised(written[index])]
                : [];
            for (var part = 0; part < spelling.Length; part++)
            {
                var word = words[index + part];
                if (spelling[part].Length == word.Length && !written[index + part].Any(char.IsUpper))
                {
                    spelling[part].CopyTo(spelt.AsSpan(word.Start));
                }
            }

            index = Math.Max(index, end);
        }

        return new string(spelt);
    }

    /// <summary>
    /// A word WordNet writes only capitalised ("paris", "french"), but not a word of grammar or a name's particle it lists as
    /// initials or a name too ("us", "who", "des").
    /// </summary>
    private bool IsSingleWordName(string word)
    {
        var lower = word.ToLowerInvariant();
        return lower.Length >= 3 && !FunctionWords.All.Contains(lower) && !IsNameParticle(lower) && IsName(lower);
    }

    /// <summary>
    /// The names inside a lowercase name of a place, a thing or a day that say where or when on their own, as buyers search
    /// them: a known name that starts it ("new york" of "new york city skyline"), and a one-word name of a place or a day
    /// that starts it ("christmas" of "christmas eve", "london" of "london bridge") or follows its last "of" ("china" of
    /// "great wall of china"). None inside a person's name ("Frederick Law Olmsted", "Lawrence of Arabia"); a person's name
    /// inside a place's is none either ("eiffel": WordNet's Eiffel is the engineer), nor the place a road is named after
    /// ("oxford" of "Oxford Street").
    /// </summary>
    /// <remarks>A name WordNet does not know is taken for a place or a thing: ask only for one that says its kind ("Sydney Harbour Bridge").</remarks>
    internal IEnumerable<string> NamesWithin(string name)
    {
        if (_data.Names.TryGetValue(name, out var known) && _data.NamesAPerson(known))
        {
            yield break;
        }

        var words = name.Split(' ');
        for (var count = words.Length - 1; count >= 2; count--)
        {
            // A possessive is searched without its "'s": "new year" of "new year's eve".
            var start = string.Join(' ', words[..count]);
            start = start.EndsWith("'s", StringComparison.Ordinal) ? start[..^2] : start;
            if (_data.Names.TryGetValue(start, out var within) && !_data.NamesAPerson(within))
            {
                yield return start;
                break;
            }
        }

        // A road is named for where it leads, not where it is: Oxford Street is in London.
        var isRoad = known is null ? _data.NamesARoad(words[^1]) : _data.NamesARoad(known);
        if (IsPlaceOrDayName(words[0]) && !isRoad)
        {
            yield return words[0];
        }

        if (words.Length >= 3 && words[^2] == "of" && IsPlaceOrDayName(words[^1]))
        {
            yield return words[^1];
        }
    }

    /// <summary>
    /// Whether a lowercase word is first the name of a place or a day, and only ever a noun: "china", "london", "christmas";
    /// not "south" nor "mobile" (adjectives too), "march" (a verb too) or "us" (two letters, as initials are).
    /// </summary>
    private bool IsPlaceOrDayName(string word) =>
        word.Length >= 3
        && _data.Words.TryGetValue(word, out var info)
        && info.PartsOfSpeech.HasFlag(PartsOfSpeech.PlaceOrDayName)
        && (info.PartsOfSpeech & (PartsOfSpeech.Verb | PartsOfSpeech.Adjective | PartsOfSpeech.Adverb)) == 0;

    /// <summary>
    /// Whether a lowercase word reads as plain English: used at least once in WordNet's texts, and no noun that is only a
    /// name. "white", "house" and "greek" (an adjective too) are; "york" (a name), "taj" (unknown) and "fuji" (a cherry
    /// only in a dictionary) are not.
    /// </summary>
    private bool IsPlainWord(string word) =>
        _data.Frequency(word) > 0
        && (!IsName(word) || (_data.Words.TryGetValue(word, out var info) && info.PartsOfSpeech.HasFlag(PartsOfSpeech.Adjective)));

    /// <summary>Whether WordNet knows a lowercase word, as written, only as other parts of speech than a noun ("together", "alone").</summary>
    internal bool IsNeverNoun(string word) =>
        _data.Words.TryGetValue(word, out var info) && (info.PartsOfSpeech & PartsOfSpeech.Noun) == 0 && !_data.IsNoun(word);

    /// <summary>
    /// Whether a lowercase word can say what a capitalised name WordNet does not know names: a common noun for a place, a
    /// landform, water or a made thing ("lake" of "Lake Como", "beach" of "Bondi Beach", "basilica", "station"), or one
    /// WordNet's texts use often ("square", "market", first a shape and an activity there). Not "dame" (a woman, and
    /// rarely written), so "Notre Dame" says no kind.
    /// </summary>
    internal bool IsNameKind(string word) =>
        !IsName(word) && _data.IsNoun(word) && (_data.NamesAPlaceOrThing(word) || _data.Frequency(word) >= MinFrequencyOfAnyNameKind);

    private bool IsKnownForm(string word) =>
        _data.Words.ContainsKey(word)
        || _data.Words.ContainsKey(EnglishPlurals.Singularize(word))
        || WordForms.Bases(word).Any(form => _data.Words.TryGetValue(form.Base, out var info) && (info.PartsOfSpeech & form.PartOfSpeech) != 0);
}
