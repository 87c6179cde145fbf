using TagMyStock.Core.Keywords;
using TagMyStock.Core.Lexicon;

namespace TagMyStock.Core.Tagging;

/// <summary>
/// Orders candidate keywords by evidence: a word several sources agree on outranks a word one source says,
/// a hint outranks a file name, and a word said early in a text outranks one said late. Observations
/// (pixels, similar images) count as sources too, weighted below the user's own words.
/// </summary>
internal static class KeywordRanking
{
    /// <summary>Pairs of words are specific but rarer in searches than their parts: slightly below a word.</summary>
    private const double PhraseFactor = 0.9;

    private const double ExistingKeywordWeight = 0.85;

    /// <summary>
    /// The pixels measure format, colour, tone, background and faces, never what the subject is: a measured fact
    /// ranks below every word of a hint (whose weakest, latest words score about 0.5).
    /// </summary>
    private const double PixelWeight = 0.4;

    /// <summary>
    /// Similar images carry the user's own words, but for other images: above the file name and the pixels,
    /// below the user's hint for this one.
    /// </summary>
    private const double SimilarImagesWeight = 0.7;

    /// <summary>
    /// A word may appear in this many keywords at most ("orange", "warm orange", "orange light"): agencies
    /// treat more as keyword spam (see <see cref="KeywordHygiene.SpamThreshold"/>).
    /// </summary>
    private const int MaxKeywordsPerWord = 3;

    public static List<Evidence> Rank(IReadOnlyList<TextSource> sources, IReadOnlyList<string> existingKeywords, IReadOnlyList<Observation> observed, EnglishLexicon lexicon, int max)
    {
        var candidates = new Dictionary<string, Candidate>(StringComparer.Ordinal);

        // Texts that propose phrases go first, then the keywords already in the file, then the texts that
        // only support what the others proposed.
        // A term of several words said as one ("picos de europa", "black and white") keeps a text that only supports
        // from making keywords of its words (the file name's "picos", "de", "europa").
        var wordsOfWholeTerms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in sources.Where(source => source.ProposesPhrases))
        {
            AddTerms(candidates, source, lexicon, wordsOfWholeTerms);
        }

        for (var index = 0; index < existingKeywords.Count; index++)
        {
            var keyword = KeywordHygiene.Normalize(existingKeywords[index]).ToLowerInvariant();
            if (keyword.Length > 0)
            {
                Add(candidates, keyword, EvidenceSource.ExistingMetadata, ExistingKeywordWeight * Centrality(index), mayCreate: true);
            }
        }

        foreach (var source in sources.Where(source => !source.ProposesPhrases))
        {
            AddTerms(candidates, source, lexicon, wordsOfWholeTerms);
        }

        foreach (var observation in observed)
        {
            var term = KeywordHygiene.Normalize(observation.Term).ToLowerInvariant();
            if (term.Length > 0)
            {
                Add(candidates, term, observation.Source, Weight(observation.Source) * Math.Clamp(observation.Confidence, 0, 1), mayCreate: true, observation.Reason);
            }
        }

        var ranked = candidates.Values.OrderByDescending(candidate => candidate.Score).ThenBy(candidate => candidate.Order);
        return WithoutSpam(ranked, candidate => candidate.Term)
            .Take(max)
            .Select(candidate => new Evidence(candidate.Term, candidate.Sources, Math.Round(candidate.Score, 3)) { Reasons = candidate.Reasons })
            .ToList();
    }

    /// <summary>Skips a keyword once any of its words has been used <see cref="MaxKeywordsPerWord"/> times by stronger keywords.</summary>
    public static IEnumerable<T> WithoutSpam<T>(IEnumerable<T> ranked, Func<T, string> term)
    {
        var uses = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var candidate in ranked)
        {
            var words = KeywordHygiene.Key(term(candidate)).Split(' ');
            if (words.Any(word => uses.GetValueOrDefault(word) >= MaxKeywordsPerWord))
            {
                continue;
            }

            foreach (var word in words)
            {
                uses[word] = uses.GetValueOrDefault(word) + 1;
            }

            yield return candidate;
        }
    }

    private static void AddTerms(Dictionary<string, Candidate> candidates, TextSource source, EnglishLexicon lexicon, HashSet<string> wordsOfWholeTerms)
    {
        foreach (var term in TermExtractor.Extract(source.Text, lexicon, everyPair: !source.ProposesPhrases).DistinctBy(term => term.Text))
        {
            var score = source.Weight * Centrality(term.Position) * (term.IsPhrase ? PhraseFactor : 1.0);
            var mayCreate = source.ProposesPhrases || (!term.IsPhrase && !wordsOfWholeTerms.Contains(term.Text));
            Add(candidates, term.Text, source.Kind, score, mayCreate);
            if (source.ProposesPhrases && !term.IsPhrase && term.Text.Contains(' ', StringComparison.Ordinal))
            {
                wordsOfWholeTerms.UnionWith(term.Text.Split(' '));
            }
        }
    }

    private static double Weight(EvidenceSource source) => source switch
    {
        EvidenceSource.Pixels => PixelWeight,
        EvidenceSource.SimilarImages => SimilarImagesWeight,
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "Only pixels and similar images are observed outside text."),
    };

    /// <summary>1 for the first word of a text, easing towards 0.5 for late words.</summary>
    private static double Centrality(int position) => 0.5 + (0.5 / (1 + (0.05 * position)));

    private static void Add(Dictionary<string, Candidate> candidates, string term, EvidenceSource source, double score, bool mayCreate, string? reason = null)
    {
        // "cat" and "cats" are one keyword: its first spelling is kept and both mentions count as evidence.
        var key = KeywordHygiene.Key(term);
        if (!candidates.TryGetValue(key, out var candidate))
        {
            if (!mayCreate)
            {
                return;
            }

            candidate = new Candidate(term, candidates.Count);
            candidates.Add(key, candidate);
        }

        candidate.Support(source, score);
        if (reason is not null && !candidate.Reasons.Contains(reason))
        {
            candidate.Reasons.Add(reason);
        }
    }

    private sealed class Candidate(string term, int order)
    {
        public string Term { get; } = term;

        public int Order { get; } = order;

        private readonly Dictionary<EvidenceSource, double> _bestBySource = [];

        public List<EvidenceSource> Sources { get; } = [];

        public List<string> Reasons { get; } = [];

        public double Score => _bestBySource.Values.Sum();

        /// <summary>One source counts once per word, at its strongest mention: repetition is not evidence.</summary>
        public void Support(EvidenceSource source, double score)
        {
            if (_bestBySource.TryGetValue(source, out var best))
            {
                _bestBySource[source] = Math.Max(best, score);
                return;
            }

            Sources.Add(source);
            _bestBySource.Add(source, score);
        }
    }
}
