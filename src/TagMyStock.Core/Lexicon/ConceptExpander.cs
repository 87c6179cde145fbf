using TagMyStock.Core.Keywords;

namespace TagMyStock.Core.Lexicon;

/// <summary>
/// Turns a concept into related keywords. WordNet's hierarchy is built for linguists: between "retriever" and
/// "animal" lie "sporting dog", "carnivore", "placental", "vertebrate" and "chordate", which no buyer types.
/// So only the concept's most frequent noun sense is used, and only when the word surely means it; a sense is
/// named only by a word whose own most frequent sense it is (WordNet's "canine" is first a tooth), and a broader
/// sense only when that word is one of the <see cref="ExpansionVocabulary.BuyerCategories"/>.
/// </summary>
internal sealed class ConceptExpander
{
    /// <summary>Below this share of its uses, the first noun sense is a guess ("bank", "golden"): no expansion.</summary>
    private const int MinNounShare = 50;

    private const int MaxSynonyms = 1;

    private const int MaxBroader = 3;

    private const int MaxWordsPerKeyword = 2;

    private const double SynonymStrength = 0.9;

    private const double BroaderStrength = 0.8;

    /// <summary>Each broader kind is a little less specific, so a little less useful, than the one below it.</summary>
    private const double BroaderStep = 0.85;

    /// <summary>Curated concepts start below WordNet's synonym and nearest kind: a buyer association is likely, not certain.</summary>
    private const double BuyerStrength = 0.6;

    private const double BuyerStep = 0.97;

    /// <summary>Buyer concepts reached through a broader kind ("retriever" → dog → pet) are one step less sure.</summary>
    private const double InheritedBuyerFactor = 0.85;

    private readonly LexiconData _data;
    private readonly BuyerConcepts _buyerConcepts;

    public ConceptExpander(LexiconData data, BuyerConcepts buyerConcepts)
    {
        _data = data;
        _buyerConcepts = buyerConcepts;
    }

    public IReadOnlyList<LexiconExpansion> Expand(string concept)
    {
        var key = KeywordHygiene.Key(concept);
        if (key.Length == 0)
        {
            return [];
        }

        var found = new List<LexiconExpansion>();
        var buyerSubject = _buyerConcepts.TryGet(key, out var direct) ? direct : null;
        var inheritedSubject = (string[]?)null;
        if (NounSense(concept, key) is { } sense)
        {
            var share = sense.Info.NounShare / 100.0;
            found.AddRange(Synonyms(sense.Info.FirstNounSynset, sense.Lemma)
                .Take(MaxSynonyms)
                .Select(synonym => new LexiconExpansion(synonym, SynonymStrength * share, LexiconRelation.Synonym)));

            var step = 0;
            foreach (var broader in Broader(sense.Info.FirstNounSynset, sense.Info).Take(MaxBroader))
            {
                found.Add(new LexiconExpansion(broader, BroaderStrength * share * Math.Pow(BroaderStep, step++), LexiconRelation.Broader));
                if (buyerSubject is null && inheritedSubject is null && _buyerConcepts.TryGet(KeywordHygiene.Key(broader), out var inherited))
                {
                    inheritedSubject = inherited;
                }
            }
        }

        AddBuyerConcepts(found, buyerSubject, BuyerStrength);
        AddBuyerConcepts(found, inheritedSubject, BuyerStrength * InheritedBuyerFactor);

        // One entry per keyword (its strongest), never the concept itself; ties keep the order found.
        return
        [
            .. found
                .Where(expansion => !string.Equals(KeywordHygiene.Key(expansion.Keyword), key, StringComparison.Ordinal))
                .GroupBy(expansion => KeywordHygiene.Key(expansion.Keyword), StringComparer.Ordinal)
                .Select(group => group.MaxBy(expansion => expansion.Strength)!)
                .OrderByDescending(expansion => expansion.Strength)
                .Select(expansion => expansion with { Strength = Math.Round(expansion.Strength, 3) }),
        ];
    }

    private static void AddBuyerConcepts(List<LexiconExpansion> found, string[]? keywords, double strength)
    {
        for (var index = 0; keywords is not null && index < keywords.Length; index++)
        {
            found.Add(new LexiconExpansion(keywords[index], strength * Math.Pow(BuyerStep, index), LexiconRelation.BuyerConcept));
        }
    }

    /// <summary>
    /// The concept's first noun sense, if the concept surely means it (as written, or singular). A plural that
    /// WordNet lists but never saw tagged is read as its singular: "clocks" is also a plant's name. "Playing" and
    /// "painted" are WordNet nouns too, but in a description nearly always the verb (<see cref="LexiconData.IsVerbForm"/>).
    /// </summary>
    private (string Lemma, WordInfo Info)? NounSense(string concept, string key)
    {
        var written = KeywordHygiene.Normalize(concept).ToLowerInvariant();
        foreach (var lemma in new[] { written, key })
        {
            if (_data.Words.TryGetValue(lemma, out var info) && info.FirstNounSynset >= 0)
            {
                if (info.Frequency == 0 && !string.Equals(lemma, key, StringComparison.Ordinal) && _data.Words.TryGetValue(key, out var singular) && singular.Frequency > 0)
                {
                    continue;
                }

                return info.NounShare >= MinNounShare && !ExpansionVocabulary.SplitSense.Contains(lemma) && !_data.IsVerbForm(lemma)
                    ? (lemma, info)
                    : null;
            }
        }

        return null;
    }

    /// <summary>Synonyms in common use only ("sundown" for sunset), most used first: "true cat" and "pharos" are not searched.</summary>
    private IEnumerable<string> Synonyms(int synset, string lemma) =>
        _data.Synsets[synset].Words
            .Where(word => !string.Equals(word, lemma, StringComparison.Ordinal)
                && IsBuyerWord(word, synset)
                && !ExpansionVocabulary.Unsearched.Contains(word)
                && _data.Words[word].Frequency > 0)
            .OrderByDescending(word => _data.Words[word].Frequency);

    /// <summary>
    /// The buyer categories above a sense, nearest first. A rare, specific animal or plant ("golden retriever",
    /// "beagle") also gets its immediate kind ("retriever", "hound"): that is the next thing a buyer would try.
    /// </summary>
    private IEnumerable<string> Broader(int synset, WordInfo concept)
    {
        var immediate = _data.Synsets[synset].Parent;
        var namesImmediateKind = concept.Frequency == 0 && IsLivingThing(synset);
        for (var parent = immediate; parent >= 0; parent = _data.Synsets[parent].Parent)
        {
            var isImmediateKind = namesImmediateKind && parent == immediate;
            var name = _data.Synsets[parent].Words
                .Where(word => IsBuyerWord(word, parent)
                    && (ExpansionVocabulary.BuyerCategories.Contains(word) || (isImmediateKind && !word.Contains(' ', StringComparison.Ordinal) && !ExpansionVocabulary.Unsearched.Contains(word))))
                .MaxBy(word => _data.Words[word].Frequency);
            if (name is not null)
            {
                yield return name;
            }
        }
    }

    /// <summary>Whether a sense is an animal or a plant, whose WordNet kinds are the common names buyers use.</summary>
    private bool IsLivingThing(int synset)
    {
        for (var parent = _data.Synsets[synset].Parent; parent >= 0; parent = _data.Synsets[parent].Parent)
        {
            if (_data.Synsets[parent].Words.Any(word => word is "animal" or "flora"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A word names a sense for buyers when that sense is what the word mostly means, in a word or two.</summary>
    private bool IsBuyerWord(string word, int synset) =>
        word.Split(' ').Length <= MaxWordsPerKeyword
        && _data.Words.TryGetValue(word, out var info)
        && info.FirstNounSynset == synset;
}
