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

    /// <summary>What stands behind a subject ("white background") is not what a picture is of.</summary>
    private static readonly FrozenSet<string> Backdrops = FrozenSet.Create(StringComparer.Ordinal, "background", "backdrop");

    /// <returns>
    /// The metadata with the category chosen for each agency that has a category list the engine maps, and one
    /// <see cref="Evidence"/> per chosen category (<see cref="EvidenceTerm.Of(string, string)"/>); an agency with nothing
    /// chosen keeps the category it had.
    /// </returns>
    public static ImageMetadata Choose(ImageMetadata metadata, IReadOnlyList<Evidence> said, IReadOnlyList<AgencyProfile> agencies, EnglishLexicon lexicon, out List<Evidence> evidence)
    {
        evidence = [];
        var votes = Votes(said, lexicon);
        foreach (var agency in agencies.Where(agency => agency.Categories.Value.Count > 0))
        {
            var ranked = votes
                .Select(vote => (vote.Keyword, vote.Weight, Category: AgencyCategoryMap.CategoryFor(agency, vote.Subject)))
                .Where(vote => vote.Category is not null)
                .GroupBy(vote => vote.Category!)
                .Select(group => (Category: group.Key, Keywords: group.Select(vote => vote.Keyword).ToList(), Score: group.Sum(vote => vote.Weight)))
                .OrderByDescending(candidate => candidate.Score)
                .ToList();
            if (ranked.Count == 0 || ranked[0].Score < MinScore)
            {
                continue;
            }

            var chosen = ranked.Take(1)
                .Concat(ranked.Skip(1).Take(agency.MaxCategories - 1).Where(candidate => candidate.Keywords.Count >= MinFurtherVotes && candidate.Score >= ranked[0].Score * FurtherShare))
                .ToList();
            metadata = metadata.WithCategory(agency.Id, string.Join(',', chosen.Select(candidate => candidate.Category.Code)));
            evidence.AddRange(chosen.Select(candidate => new Evidence(
                EvidenceTerm.Of(agency.Id, candidate.Category.Code),
                [.. candidate.Keywords.SelectMany(keyword => keyword.Sources).Distinct()],
                Math.Round(Math.Min(1, candidate.Score), 3))
            {
                Reasons = [$"{candidate.Category.Name}, for {string.Join(", ", Named(candidate.Keywords).Take(MaxNamedVoters).Select(term => $"\"{term}\""))}"],
            }));
        }

        return metadata;
    }

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

    /// <summary>The voters to name: a word inside another voter ("motorcycle" of "vintage motorcycle") goes without saying.</summary>
    private static IEnumerable<string> Named(List<Evidence> keywords)
    {
        var keys = keywords.Select(keyword => KeywordHygiene.Key(keyword.Term)).ToList();
        return keywords
            .Where((keyword, index) => !keys.Any(other => other != keys[index] && other.Split(' ').Contains(keys[index], StringComparer.Ordinal)))
            .Select(keyword => keyword.Term);
    }

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
}
