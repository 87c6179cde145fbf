using TagMyStock.Core.Keywords;
using TagMyStock.Core.Tagging;

namespace TagMyStock.Core.Similarity;

/// <summary>How <see cref="SimilarImageTeacher"/> chooses neighbours and keywords.</summary>
public sealed record SimilarImageOptions
{
    /// <summary>How many of the most similar images vote.</summary>
    public int Neighbours { get; init; } = 10;

    /// <summary>
    /// Images less similar than this do not vote. Measured on ResNet18 embeddings of 43 varied photographs
    /// (bench/results/embeddings.md), unrelated pairs score −0.02 on average, 0.26 at the 95th and 0.46 at
    /// the 99th percentile; photos of one kind of subject (two flower meadows) 0.64–0.66; overlapping shots of
    /// one scene 0.35–0.93; crops and re-encodes of one photo 0.82–0.99.
    /// </summary>
    public double MinimumSimilarity { get; init; } = 0.5;

    /// <summary>Keywords scoring less than this are not suggested (see <see cref="SimilarImageTeacher"/> for the score).</summary>
    public double MinimumScore { get; init; } = 0.2;
}

/// <summary>What the similar images of one image say about it.</summary>
/// <param name="Neighbours">The images that voted, most similar first: shown to the user as "because it looks like…".</param>
/// <param name="Keywords">Suggested keywords, strongest first, each with <see cref="EvidenceSource.SimilarImages"/> as source.</param>
public sealed record SimilarImageSuggestions(IReadOnlyList<SimilarImage> Neighbours, IReadOnlyList<Evidence> Keywords);

/// <summary>
/// A user's own library as a teacher: the keywords of the images most like a new one. A keyword's score is
/// the share of the neighbours' similarity that agrees on it (a keyword all neighbours have gets 1, one of
/// five equally similar neighbours 0.2) times the similarity of the closest neighbour that has it, so that
/// many close neighbours agreeing score highest, and an agreement among barely similar images stays low.
/// Keywords are matched as <see cref="KeywordHygiene.Key"/> does (case, spacing, plurals) and written as the
/// closest neighbour wrote them. Deterministic: equal scores are ordered by keyword.
/// </summary>
public sealed class SimilarImageTeacher(SimilarImageIndex library, SimilarImageOptions? options = null)
{
    private readonly SimilarImageOptions _options = options ?? new SimilarImageOptions();

    /// <param name="imageId">The image's id when it is itself in the library: it is left out.</param>
    public SimilarImageSuggestions Suggest(ImageEmbedding image, string? imageId = null)
    {
        var neighbours = library.Nearest(image, _options.Neighbours, imageId, _options.MinimumSimilarity);
        var totalWeight = neighbours.Sum(neighbour => neighbour.Similarity);
        var votes = new Dictionary<string, KeywordVote>(StringComparer.Ordinal);
        foreach (var neighbour in neighbours)
        {
            // A keyword written twice by one image is one vote.
            foreach (var keyword in neighbour.Image.Keywords.Select(KeywordHygiene.Normalize).Where(keyword => !KeywordHygiene.IsEmpty(keyword)))
            {
                var key = KeywordHygiene.Key(keyword);
                if (!votes.TryGetValue(key, out var vote))
                {
                    votes[key] = new KeywordVote(keyword, neighbour);
                }
                else if (vote.LastVoter != neighbour)
                {
                    vote.Add(neighbour);
                }
            }
        }

        var keywords = votes.Values
            .Select(vote => new Evidence(vote.Keyword, [EvidenceSource.SimilarImages], vote.Weight / totalWeight * vote.Closest))
            .Where(evidence => evidence.Score >= _options.MinimumScore)
            .OrderByDescending(evidence => evidence.Score)
            .ThenBy(evidence => evidence.Term, StringComparer.Ordinal)
            .ToList();
        return new SimilarImageSuggestions(neighbours, keywords);
    }

    /// <summary>The neighbours that have one keyword; the first voter is the closest, as neighbours come most similar first.</summary>
    private sealed class KeywordVote(string keyword, SimilarImage first)
    {
        public string Keyword { get; } = keyword;

        public double Closest { get; } = first.Similarity;

        public double Weight { get; private set; } = first.Similarity;

        public SimilarImage LastVoter { get; private set; } = first;

        public void Add(SimilarImage voter)
        {
            Weight += voter.Similarity;
            LastVoter = voter;
        }
    }
}
