using System.Collections.Frozen;
using TagMyStock.Core.Agencies;
using TagMyStock.Core.Keywords;
using TagMyStock.Core.Lexicon;
using TagMyStock.Core.Metadata;

namespace TagMyStock.Core.Tagging.Categories;

/// <summary>
/// Chooses each agency's category from the keywords the sources said: every keyword that names a subject
/// (<see cref="StockSubjects"/>: itself, the word its phrase ends on, or a broader kind the lexicon knows) votes for it with
/// its score, so the first words of a hint weigh most, and the first subject named most of all. The agency's category
/// of the strongest subject wins (<see cref="AgencyCategoryMap"/>); an agency that takes several gets the next ones that
/// two words name and that have at least half the first one's votes. Keywords the lexicon inferred do not vote: they
/// only repeat the words they came from. Nothing is chosen when no keyword names a subject: a wrong category costs a
/// contributor a rejection, a missing one a click. The pixels choose only People, from the faces found: their texture
/// cue also fires on busy scenes (a forest stream, a field of galaxies).
/// </summary>
internal static class CategoryChooser
{
    /// <summary>Below this, a category rests on too little (a colour's faint texture cue).</summary>
    private const double MinScore = 0.3;

    /// <summary>A further category needs this share of the first one's votes.</summary>
    private const double FurtherShare = 0.5;

    /// <summary>A further category is a second theme of the picture, which more than one word names ("garage" alone is a setting).</summary>
    private const int MinFurtherVotes = 2;

    private const int MaxNamedVoters = 3;

    /// <summary>The first subject a text names is what the picture is of ("bridge" of "suspension bridge cables against a blue sky").</summary>
    private const double MainSubjectFactor = 2.5;

    /// <summary>
    /// A category the user gave similar images weighs like the first subject of a hint, a little less: the user chose it
    /// for pictures alike, but this one may differ.
    /// </summary>
    private const double SimilarImagesFactor = 2;

    /// <summary>
    /// A similar images' category scoring this shows the same picture filed alike (as keywords are scored: every neighbour
    /// agrees and the closest is a near duplicate, <see cref="Similarity.NearDuplicates.DefaultThreshold"/>).
    /// </summary>
    private const double SamePictureScore = 0.8;

    /// <summary>What stands behind a subject ("white background") is not what a picture is of.</summary>
    private static readonly FrozenSet<string> Backdrops = FrozenSet.Create(StringComparer.Ordinal, "background", "backdrop");

    /// <param name="observed">Categories similar images have (<see cref="Observations.Categories"/>): the user's own choice for pictures alike.</param>
    /// <returns>
    /// The metadata with the category chosen for each agency that has a category list the engine maps, and one
    /// <see cref="Evidence"/> per chosen category (<see cref="EvidenceTerm.Of(string, string)"/>); an agency with nothing
    /// chosen keeps the category it had.
    /// </returns>
    public static ImageMetadata Choose(
        ImageMetadata metadata,
        IReadOnlyList<Evidence> said,
        IReadOnlyList<ObservedCategory> observed,
        IReadOnlyList<AgencyProfile> agencies,
        EnglishLexicon lexicon,
        out List<Evidence> evidence)
    {
        evidence = [];
        var votes = Votes(said, lexicon);
        var hasOwnWords = said.Any(keyword => keyword.Sources.Any(source => source is EvidenceSource.Hint or EvidenceSource.GenerationPrompt or EvidenceSource.ExistingMetadata));
        foreach (var agency in agencies.Where(agency => agency.Categories.Value.Count > 0))
        {
            var candidates = new Dictionary<AgencyCategory, Candidate>();
            foreach (var vote in votes)
            {
                if (AgencyCategoryMap.CategoryFor(agency, vote.Subject) is { } category)
                {
                    CandidateFor(candidates, category).AddWord(vote);
                }
            }

            foreach (var seen in observed.Where(seen => seen.AgencyId == agency.Id))
            {
                if (agency.FindCategory(seen.Category) is { } category)
                {
                    CandidateFor(candidates, category).AddSimilar(seen);
                }
            }

            var ranked = candidates.OrderByDescending(candidate => candidate.Value.Score).ToList();
            if (ranked.Count == 0 || ranked[0].Value.Score < MinScore)
            {
                continue;
            }

            // The user's choice for the same picture stands, as its title does, unless the user wrote about this one: a series is filed alike.
            var chosen = !hasOwnWords && ranked.Where(candidate => candidate.Value.IsSamePicture).Take(agency.MaxCategories).ToList() is { Count: > 0 } samePicture
                ? samePicture
                : ranked.Take(1)
                    .Concat(ranked.Skip(1).Take(agency.MaxCategories - 1).Where(candidate => candidate.Value.Votes >= MinFurtherVotes && candidate.Value.Score >= ranked[0].Value.Score * FurtherShare))
                    .ToList();
            metadata = metadata.WithCategory(agency.Id, string.Join(',', chosen.Select(candidate => candidate.Key.Code)));
            evidence.AddRange(chosen.Select(candidate => candidate.Value.Evidence(agency, candidate.Key)));
        }

        return metadata;
    }

    private static Candidate CandidateFor(Dictionary<AgencyCategory, Candidate> candidates, AgencyCategory category) =>
        candidates.TryGetValue(category, out var known) ? known : candidates[category] = new Candidate();

    /// <summary>
    /// The keywords that vote, in order, each with its subject and weight. A word of a compound that names a subject of its
    /// own votes for the compound's instead (the "tree" of "christmas tree" is no plant); a word that only says what kind a
    /// phrase's thing is does not vote (the "pine" of "pine forest"); one thing said twice, as a word and in a phrase
    /// ("bridge", "suspension bridge"; "sky", "blue sky"), votes once, where it was first said.
    /// </summary>
    private static List<Vote> Votes(IReadOnlyList<Evidence> said, EnglishLexicon lexicon)
    {
        var subjects = new Dictionary<string, StockSubject?>(StringComparer.Ordinal);
        foreach (var keyword in said)
        {
            subjects.TryAdd(KeywordHygiene.Key(keyword.Term), SubjectOf(keyword, lexicon));
        }

        var compounds = subjects
            .Where(pair => pair.Value is not null && pair.Key.Contains(' ', StringComparison.Ordinal) && (lexicon.IsLemma(pair.Key) || StockSubjects.TryGet(pair.Key, out _)))
            .ToList();
        var votes = new List<Vote>();
        foreach (var keyword in said)
        {
            var key = KeywordHygiene.Key(keyword.Term);
            if (subjects[key] is not { } own)
            {
                continue;
            }

            var compound = compounds.FirstOrDefault(compound => HasWord(compound.Key, key));
            var subject = compound.Key is null ? own : compound.Value!.Value;
            var isModifier = compound.Key is null && subjects.Any(phrase => phrase.Value is not null && phrase.Key.Split(' ')[..^1].Contains(key, StringComparer.Ordinal));
            var isMeasuredOnly = subject != StockSubject.People && keyword.Sources.All(source => source == EvidenceSource.Pixels);
            if (isModifier || isMeasuredOnly || votes.Any(vote => vote.Subject == subject && (HasWord(vote.Key, key) || HasWord(key, vote.Key))))
            {
                continue;
            }

            // A word the pixels confirm ("sky" said and measured) is no more the subject for it: a vote weighs 1 at most.
            votes.Add(new Vote(keyword, key, subject, Math.Min(1, keyword.Score) * (votes.Count == 0 ? MainSubjectFactor : 1)));
        }

        return votes;
    }

    private static bool HasWord(string phrase, string word) => phrase.Split(' ').Contains(word, StringComparer.Ordinal);

    /// <summary>
    /// The subject a keyword names: its own, its phrase's last word's ("vintage motorcycle", "pine forest", not the "dog" of
    /// "hot dog"), or that of the first synonym or broader kind the lexicon gives it ("nuthatch" → bird). What the pixels
    /// measured names one only in the words of the vocabulary ("people" of faces), never through the lexicon.
    /// </summary>
    private static StockSubject? SubjectOf(Evidence keyword, EnglishLexicon lexicon)
    {
        var key = KeywordHygiene.Key(keyword.Term);
        if (StockSubjects.TryGet(key, out var subject))
        {
            return subject;
        }

        var words = key.Split(' ');
        if (words.Length > 1 && !Backdrops.Contains(words[^1]) && !lexicon.IsNoKindOfItsHead(words[^2], words[^1]) && StockSubjects.TryGet(words[^1], out subject))
        {
            return subject;
        }

        if (keyword.Sources.All(source => source == EvidenceSource.Pixels))
        {
            return null;
        }

        // What the thing is, not what buyers search along with it: "blue" goes with a sky, but is none.
        foreach (var expansion in lexicon.Expand(keyword.Term).Where(expansion => expansion.Relation != LexiconRelation.BuyerConcept))
        {
            if (StockSubjects.TryGet(KeywordHygiene.Key(expansion.Keyword), out subject))
            {
                return subject;
            }
        }

        return null;
    }

    private readonly record struct Vote(Evidence Keyword, string Key, StockSubject Subject, double Weight);

    /// <summary>What speaks for one category: its score, how many voted, their sources, the words and the similar images.</summary>
    private sealed class Candidate
    {
        private readonly List<EvidenceSource> _sources = [];
        private readonly List<string> _words = [];
        private readonly List<string> _similar = [];

        public double Score { get; private set; }

        public int Votes { get; private set; }

        /// <summary>Whether the similar images that gave it show the same picture and agree (<see cref="SamePictureScore"/>).</summary>
        public bool IsSamePicture { get; private set; }

        public void AddWord(Vote vote)
        {
            Add(vote.Weight, vote.Keyword.Sources, 1);
            _words.Add($"\"{vote.Keyword.Term}\"");
        }

        public void AddSimilar(ObservedCategory seen)
        {
            // The user's own choice for a picture alike: enough for a further category by itself.
            Add(seen.Confidence * SimilarImagesFactor, [seen.Source], MinFurtherVotes);
            IsSamePicture |= seen.Confidence >= SamePictureScore;
            if (seen.Reason is not null)
            {
                _similar.Add(seen.Reason);
            }
        }

        /// <summary>"Transport, for "motorcycle"", "Animals, as IMG_0412.jpg (0.93 similar); for "cat"".</summary>
        public Evidence Evidence(AgencyProfile agency, AgencyCategory category)
        {
            var why = _similar.Append(_words.Count == 0 ? null : $"for {string.Join(", ", _words.Take(MaxNamedVoters))}").OfType<string>();
            return new(EvidenceTerm.Of(agency.Id, category.Code), [.. _sources], Math.Round(Math.Min(1, Score), 3))
            {
                Reasons = [$"{category.Name}, {string.Join("; ", why)}"],
            };
        }

        private void Add(double weight, IEnumerable<EvidenceSource> sources, int votes)
        {
            Score += weight;
            Votes += votes;
            _sources.AddRange(sources.Where(source => !_sources.Contains(source)));
        }
    }
}
