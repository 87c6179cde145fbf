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

    /// <summary>Whether WordNet knows a lowercase word, as written, only as other parts of speech than a noun ("together", "alone").</summary>
    internal bool IsNeverNoun(string word) =>
        _data.Words.TryGetValue(word, out var info) && (info.PartsOfSpeech & PartsOfSpeech.Noun) == 0 && !_data.IsNoun(word);

    /// <summary>
    /// Whether a lowercase word is a common noun WordNet can place ("city", "lakes"), not a name ("york"), and one its
    /// texts used at least once: "ben" (a hill) is a noun only in a dictionary.
    /// </summary>
    internal bool IsCommonNounInUse(string word) => _data.IsNoun(word) && _data.Frequency(word) > 0;

    private bool IsKnownForm(string word) =>
        _data.Words.ContainsKey(word)
        || _data.Words.ContainsKey(EnglishPlurals.Singularize(word))
        || WordForms.Bases(word).Any(form => _data.Words.TryGetValue(form.Base, out var info) && (info.PartsOfSpeech & form.PartOfSpeech) != 0);
}
