using System.Globalization;
using TagMyStock.Core.Tagging;

namespace TagMyStock.Core.Similarity;

public sealed class SimilarImageTeacherTests
{
    /// <summary>Scores as computed, none left out: for the tests of the score itself.</summary>
    private static readonly SimilarImageOptions EveryScore = new() { MinimumScore = 0 };

    private static LibraryImage Image(string id, ImageEmbedding embedding, params string[] keywords) => new(id, embedding, keywords);

    private static LibraryImage Titled(string id, ImageEmbedding embedding, string title) => new(id, embedding, ["keyword"]) { Title = title };

    private static SimilarImageSuggestions Suggest(IEnumerable<LibraryImage> library, ImageEmbedding image, string? imageId = null, SimilarImageOptions? options = null) =>
        new SimilarImageTeacher(new SimilarImageIndex(library), options).Suggest(image, imageId);

    [Fact]
    public void Keywords_many_close_neighbours_agree_on_score_highest()
    {
        var suggestions = Suggest(
        [
            Image("a", Vectors.Mix(0, 0.9, 1), "dog", "beach", "sunset"),
            Image("b", Vectors.Mix(0, 0.8, 2), "dog", "beach"),
            Image("c", Vectors.Mix(0, 0.7, 3), "dog", "park"),
        ], Vectors.Axis(0), options: EveryScore);

        var scores = suggestions.Keywords.ToDictionary(evidence => evidence.Term, evidence => evidence.Score);
        Assert.Equal(["dog", "beach", "sunset", "park"], suggestions.Keywords.Select(evidence => evidence.Term));
        // dog: all agree (share 1) × closest 0.9; beach: (0.9 + 0.8) / 2.4 × 0.9; sunset: 0.9 / 2.4 × 0.9; park: 0.7 / 2.4 × 0.7.
        Assert.Equal(0.9, scores["dog"], 5);
        Assert.Equal(1.7 / 2.4 * 0.9, scores["beach"], 5);
        Assert.Equal(0.9 / 2.4 * 0.9, scores["sunset"], 5);
        Assert.Equal(0.7 / 2.4 * 0.7, scores["park"], 5);
        Assert.All(suggestions.Keywords, evidence => Assert.Equal([EvidenceSource.SimilarImages], evidence.Sources));
        Assert.Equal(["a", "b", "c"], suggestions.Neighbours.Select(neighbour => neighbour.Image.Id));
    }

    [Fact]
    public void A_closer_neighbour_outweighs_a_farther_one()
    {
        var suggestions = Suggest([Image("far", Vectors.Mix(0, 0.6, 1), "winter"), Image("close", Vectors.Mix(0, 0.95, 2), "summer")], Vectors.Axis(0), options: EveryScore);

        Assert.Equal(["summer", "winter"], suggestions.Keywords.Select(evidence => evidence.Term));
    }

    [Fact]
    public void Images_below_the_minimum_similarity_suggest_nothing()
    {
        var suggestions = Suggest([Image("a", Vectors.Mix(0, 0.45, 1), "dog"), Image("b", Vectors.Mix(0, 0.3, 2), "dog")], Vectors.Axis(0));

        Assert.Empty(suggestions.Neighbours);
        Assert.Empty(suggestions.Keywords);
    }

    [Fact]
    public void Keywords_only_a_few_neighbours_have_fall_below_the_minimum_score()
    {
        var library = Enumerable.Range(1, 5).Select(i => Image($"image-{i}", Vectors.Mix(0, 0.6, i), i == 1 ? ["cat", "rare"] : ["cat"]));

        var suggestions = Suggest(library, Vectors.Axis(0));

        // rare: one neighbour of five equally similar ones, 0.2 × 0.6 = 0.12 < 0.2.
        Assert.Equal("cat", Assert.Single(suggestions.Keywords).Term);
        Assert.Equal(2, Suggest(library, Vectors.Axis(0), options: new SimilarImageOptions { MinimumScore = 0.1 }).Keywords.Count);
    }

    [Fact]
    public void A_word_only_one_of_two_equally_similar_neighbours_has_is_left_out()
    {
        var suggestions = Suggest([Image("gerbera", Vectors.Mix(0, 0.6, 1), "flower", "pollen"), Image("marigold", Vectors.Mix(0, 0.6, 2), "flower", "garden")], Vectors.Axis(0));

        // flower: both agree, 1 × 0.6; pollen and garden: half the weight, 0.5 × 0.6 = 0.3 < 0.4.
        Assert.Equal("flower", Assert.Single(suggestions.Keywords).Term);
    }

    [Fact]
    public void The_image_itself_is_left_out_of_its_own_suggestions()
    {
        var library = new[]
        {
            Image("self", Vectors.Axis(0), "own keyword"),
            Image("sibling", Vectors.Mix(0, 0.85, 1), "series keyword"),
        };

        var suggestions = Suggest(library, Vectors.Axis(0), imageId: "self");

        Assert.Equal("sibling", Assert.Single(suggestions.Neighbours).Image.Id);
        Assert.Equal(["series keyword"], suggestions.Keywords.Select(evidence => evidence.Term));
    }

    [Fact]
    public void Keywords_differing_in_case_spacing_or_plural_are_one_vote_written_as_the_closest_neighbour_wrote_it()
    {
        var suggestions = Suggest(
        [
            Image("far", Vectors.Mix(0, 0.7, 1), "Red Apples"),
            Image("close", Vectors.Mix(0, 0.9, 2), "red  apple", "red apple"),
        ], Vectors.Axis(0));

        var evidence = Assert.Single(suggestions.Keywords);
        Assert.Equal("red apple", evidence.Term);
        Assert.Equal(0.9, evidence.Score, 5);
    }

    [Fact]
    public void The_same_library_and_image_give_the_same_suggestions_in_the_same_order()
    {
        var library = new[]
        {
            Image("a", Vectors.Mix(0, 0.8, 1), "zebra", "lion"),
            Image("b", Vectors.Mix(0, 0.8, 2), "lion", "zebra"),
        };

        var first = Suggest(library, Vectors.Axis(0)).Keywords.Select(evidence => evidence.Term);
        var second = Suggest(library.Reverse(), Vectors.Axis(0)).Keywords.Select(evidence => evidence.Term);

        Assert.Equal(["lion", "zebra"], first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void A_neighbour_showing_the_same_picture_lends_its_title()
    {
        var suggestions = Suggest([Titled("shot-1", Vectors.Mix(0, 0.93, 1), " Red motorcycle parked in a garage ")], Vectors.Axis(0));

        var title = Assert.IsType<SimilarTitle>(suggestions.Title);
        Assert.Equal("Red motorcycle parked in a garage", title.Text);
        Assert.Equal("shot-1", title.From.Image.Id);
        Assert.Equal(0.93, title.From.Similarity, 5);
        Assert.Equal(1, title.Agreeing);
    }

    [Fact]
    public void A_neighbour_of_the_same_kind_of_subject_lends_keywords_but_no_title()
    {
        var library = new[] { Titled("gerbera", Vectors.Mix(0, 0.7, 1), "Orange gerbera petals in close-up") };

        var suggestions = Suggest(library, Vectors.Axis(0));

        Assert.NotEmpty(suggestions.Keywords);
        Assert.Null(suggestions.Title);
        Assert.NotNull(Suggest(library, Vectors.Axis(0), options: new SimilarImageOptions { TitleSimilarity = 0.65 }).Title);
    }

    [Fact]
    public void Close_neighbours_without_a_title_lend_none()
    {
        var suggestions = Suggest([Titled("untitled", Vectors.Mix(0, 0.95, 1), "  "), Image("keywords only", Vectors.Mix(0, 0.9, 2), "motorcycle")], Vectors.Axis(0));

        Assert.Null(suggestions.Title);
        Assert.Equal(2, suggestions.Neighbours.Count);
    }

    [Fact]
    public void A_title_several_close_neighbours_share_beats_the_closest_ones_own()
    {
        var suggestions = Suggest(
        [
            Titled("odd one", Vectors.Mix(0, 0.95, 1), "Motorcycle engine detail"),
            Titled("series 2", Vectors.Mix(0, 0.85, 2), "Red motorcycle in a garage."),
            Titled("series 3", Vectors.Mix(0, 0.82, 3), "red motorcycle  in a GARAGE"),
            Titled("far", Vectors.Mix(0, 0.6, 4), "Red motorcycle in a garage"),
        ], Vectors.Axis(0));

        var title = Assert.IsType<SimilarTitle>(suggestions.Title);
        // Written as the closest neighbour that has it wrote it; the one below the title similarity does not count.
        Assert.Equal("Red motorcycle in a garage.", title.Text);
        Assert.Equal("series 2", title.From.Image.Id);
        Assert.Equal(2, title.Agreeing);
    }

    [Fact]
    public void Between_equally_close_titles_the_closer_neighbour_then_the_ordinal_first_wins_whatever_the_library_order()
    {
        var tie = new[] { Titled("z", Vectors.Mix(0, 0.9, 1), "Zebra at dawn"), Titled("l", Vectors.Mix(0, 0.9, 2), "Lion at dusk") };
        var closer = new[] { Titled("z", Vectors.Mix(0, 0.9, 1), "Zebra at dawn"), Titled("l", Vectors.Mix(0, 0.85, 2), "Lion at dusk") };

        Assert.Equal("Lion at dusk", Suggest(tie, Vectors.Axis(0)).Title?.Text);
        Assert.Equal("Lion at dusk", Suggest(tie.Reverse(), Vectors.Axis(0)).Title?.Text);
        Assert.Equal("Zebra at dawn", Suggest(closer, Vectors.Axis(0)).Title?.Text);
        Assert.Equal("Zebra at dawn", Suggest(closer.Reverse(), Vectors.Axis(0)).Title?.Text);
    }

    [Fact]
    public void Each_agencys_categories_are_voted_as_keywords_are_and_a_category_of_several_counts_each()
    {
        LibraryImage[] library =
        [
            Filed("a", Vectors.Mix(0, 0.9, 1), "20", "Transportation,Vintage"),
            Filed("b", Vectors.Mix(0, 0.8, 2), "20", "transportation"),
            Filed("c", Vectors.Mix(0, 0.7, 3), "2", "Buildings/Landmarks"),
        ];

        var every = Suggest(library, Vectors.Axis(0), options: EveryScore).Categories;
        var kept = Suggest(library, Vectors.Axis(0)).Categories;

        // As keywords: the share of the neighbours' similarity that agrees, times the closest one's; written as the closest wrote it.
        Assert.Equal(
            ["adobe 20 0.6375 a", "adobe 2 0.20417 c", "shutterstock Transportation 0.6375 a", "shutterstock Vintage 0.3375 a", "shutterstock Buildings/Landmarks 0.20417 c"],
            every.Select(category => string.Create(CultureInfo.InvariantCulture, $"{category.AgencyId} {category.Category} {Math.Round(category.Score, 5)} {category.From.Image.Id}")));
        Assert.Equal(["20", "Transportation"], kept.Select(category => category.Category));
    }

    private static LibraryImage Filed(string id, ImageEmbedding embedding, string adobe, string shutterstock) =>
        new(id, embedding, ["keyword"]) { Categories = new Dictionary<string, string> { ["adobe"] = adobe, ["shutterstock"] = shutterstock } };
}
