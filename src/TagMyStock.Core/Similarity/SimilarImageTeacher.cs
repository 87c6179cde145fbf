using TagMyStock.Core.Keywords;
using TagMyStock.Core.Metadata;
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

    /// <summary>
    /// Keywords scoring less than this are not suggested (see <see cref="SimilarImageTeacher"/> for the score): a
    /// keyword needs most of the neighbours' weight behind it, or one neighbour alone. Neighbours of one kind of
    /// subject (0.55–0.66) share the words of the kind ("flower", "petals") and each has words true of itself
    /// only (a yellow flower's "pollen", a stream's "rocks"); such a word, one voter of two or three, scores
    /// 0.25–0.36. In the evaluation set's leave-one-out run (bench/results/quality.md) raising this from 0.2 to
    /// 0.4 lifted the precision of all keywords from 0.72 to 0.81 and kept that of the first ten at 0.90, for a
    /// recall of 0.245 instead of 0.257; 0.45 gave the same, 0.3 and 0.35 less (0.76, 0.79).
    /// </summary>
    public double MinimumScore { get; init; } = 0.4;

    /// <summary>
    /// A neighbour at least this similar shows the same picture, so its title fits the new image too: a contributor
    /// titles the second shot of a series like the first. A title names the subject, so it needs more than the
    /// keywords: crops and re-encodes of one photo score 0.82–0.99 and two shots of one scene from a slightly moved
    /// camera 0.93, where photos of one kind of subject (two flower meadows, or a gerbera and a marigold in the
    /// evaluation set) score 0.55–0.66, the most similar unrelated pair 0.69, and two mountain photos of one
    /// photographer showing different places 0.76. 0.8, the near-duplicate threshold
    /// (<see cref="NearDuplicates.DefaultThreshold"/>), lies above all of those.
    /// </summary>
    public double TitleSimilarity { get; init; } = 0.8;
}

/// <summary>What the similar images of one image say about it.</summary>
/// <param name="Neighbours">The images that voted, most similar first: shown to the user as "because it looks like…".</param>
/// <param name="Keywords">Suggested keywords, strongest first, each with <see cref="EvidenceSource.SimilarImages"/> as source.</param>
/// <param name="Title">The title of a neighbour that shows the same picture; null when none is close enough or has a title.</param>
public sealed record SimilarImageSuggestions(IReadOnlyList<SimilarImage> Neighbours, IReadOnlyList<Evidence> Keywords, SimilarTitle? Title)
{
    /// <summary>The categories the neighbours agree on, per agency, strongest first, scored as keywords are.</summary>
    public IReadOnlyList<SimilarCategory> Categories { get; init; } = [];
}

/// <summary>A category the neighbours gave one agency (a category of several counts each of its codes apart).</summary>
/// <param name="From">The closest neighbour that has it.</param>
public sealed record SimilarCategory(string AgencyId, string Category, double Score, SimilarImage From);

/// <summary>A title a neighbour showing the same picture has.</summary>
/// <param name="Text">The title, as the closest neighbour that has it wrote it.</param>
/// <param name="From">That closest neighbour.</param>
/// <param name="Agreeing">How many close neighbours have this title (compared ignoring case, spacing and a final full stop).</param>
public sealed record SimilarTitle(string Text, SimilarImage From, int Agreeing);

/// <summary>
/// A user's own library as a teacher: the keywords of the images most like a new one. A keyword's score is
/// the share of the neighbours' similarity that agrees on it (a keyword all neighbours have gets 1, one of
/// five equally similar neighbours 0.2) times the similarity of the closest neighbour that has it, so that
/// many close neighbours agreeing score highest, and an agreement among barely similar images stays low.
/// Keywords are matched as <see cref="KeywordHygiene.Key"/> does (case, spacing, plurals) and written as the
/// closest neighbour wrote them. Deterministic: equal scores are ordered by keyword.
/// The title is one that a neighbour at least <see cref="SimilarImageOptions.TitleSimilarity"/> similar has: the
/// one most of those neighbours share, then the closest one's, then the first in ordinal order. Each agency's
/// categories are voted as keywords are: the user files the shots of a series, and pictures of one kind, alike.
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
            .Select(vote => new Evidence(vote.Keyword, [EvidenceSource.SimilarImages], Agreement(vote.Weight, totalWeight, vote.Closest)))
            .Where(evidence => evidence.Score >= _options.MinimumScore)
            .OrderByDescending(evidence => evidence.Score)
            .ThenBy(evidence => evidence.Term, StringComparer.Ordinal)
            .ToList();
        return new SimilarImageSuggestions(neighbours, keywords, Title(neighbours)) { Categories = Categories(neighbours, totalWeight) };
    }

    /// <summary>Each agency's categories as the neighbours voted them, kept on the same score as a keyword.</summary>
    private List<SimilarCategory> Categories(IReadOnlyList<SimilarImage> neighbours, double totalWeight) =>
    [
        .. neighbours
            .SelectMany(neighbour => neighbour.Image.Categories.SelectMany(pair => ImageMetadata.SplitCategories(pair.Value)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Select(category => (Agency: pair.Key, Category: category, Neighbour: neighbour))))
            .GroupBy(vote => (vote.Agency, Category: vote.Category.ToUpperInvariant()))
            // Neighbours come most similar first, so a group's first is its closest.
            .Select(group => new SimilarCategory(group.Key.Agency, group.First().Category, Agreement(group.Sum(vote => vote.Neighbour.Similarity), totalWeight, group.First().Neighbour.Similarity), group.First().Neighbour))
            .Where(category => category.Score >= _options.MinimumScore)
            .OrderBy(category => category.AgencyId, StringComparer.Ordinal)
            .ThenByDescending(category => category.Score)
            .ThenBy(category => category.Category, StringComparer.Ordinal),
    ];

    /// <summary>The score of what some neighbours share: their share of all the neighbours' similarity, times the closest one's.</summary>
    private static double Agreement(double agreeingWeight, double totalWeight, double closest) => agreeingWeight / totalWeight * closest;

    private SimilarTitle? Title(IReadOnlyList<SimilarImage> neighbours) =>
        neighbours
            .Where(neighbour => neighbour.Similarity >= _options.TitleSimilarity && !string.IsNullOrWhiteSpace(neighbour.Image.Title))
            .GroupBy(neighbour => TitleKey(neighbour.Image.Title), StringComparer.Ordinal)
            // Neighbours come most similar first, so a group's first is its closest.
            .Select(group => new SimilarTitle(group.First().Image.Title.Trim(), group.First(), group.Count()))
            .OrderByDescending(title => title.Agreeing)
            .ThenByDescending(title => title.From.Similarity)
            .ThenBy(title => title.Text, StringComparer.Ordinal)
            .FirstOrDefault();

    /// <summary>Titles that differ only in case, spacing or a final full stop are the same title.</summary>
    private static string TitleKey(string title) =>
        string.Join(' ', title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.').ToUpperInvariant();

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
