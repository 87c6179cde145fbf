namespace TagMyStock.Core.Similarity;

public sealed class SimilarImageIndexTests
{
    private static LibraryImage Image(string id, ImageEmbedding embedding, params string[] keywords) => new(id, embedding, keywords);

    [Fact]
    public void Nearest_images_come_most_similar_first_up_to_the_count_asked()
    {
        var index = new SimilarImageIndex(
        [
            Image("far", Vectors.Mix(0, 0.3, 1)),
            Image("close", Vectors.Mix(0, 0.9, 2)),
            Image("middle", Vectors.Mix(0, 0.6, 3)),
            Image("unrelated", Vectors.Axis(4)),
        ]);

        var nearest = index.Nearest(Vectors.Axis(0), count: 3);

        Assert.Equal(["close", "middle", "far"], nearest.Select(match => match.Image.Id));
        Assert.Equal([0.9, 0.6, 0.3], nearest.Select(match => Math.Round(match.Similarity, 5)));
    }

    [Fact]
    public void The_query_itself_and_images_below_the_minimum_similarity_are_left_out()
    {
        var index = new SimilarImageIndex(
        [
            Image("self", Vectors.Axis(0)),
            Image("close", Vectors.Mix(0, 0.8, 2)),
            Image("far", Vectors.Mix(0, 0.4, 3)),
        ]);

        var nearest = index.Nearest(Vectors.Axis(0), count: 10, excludeId: "self", minimumSimilarity: 0.5);

        Assert.Equal("close", Assert.Single(nearest).Image.Id);
    }

    [Fact]
    public void Equally_similar_images_keep_their_library_order()
    {
        var index = new SimilarImageIndex([Image("b", Vectors.Mix(0, 0.7, 1)), Image("a", Vectors.Mix(0, 0.7, 2)), Image("c", Vectors.Mix(0, 0.7, 3))]);

        Assert.Equal(["b", "a"], index.Nearest(Vectors.Axis(0), count: 2).Select(match => match.Image.Id));
    }

    [Fact]
    public void An_empty_library_finds_nothing()
    {
        Assert.Empty(new SimilarImageIndex([]).Nearest(Vectors.Axis(0), count: 5));
    }

    [Fact]
    public void A_library_with_an_id_twice_or_embeddings_of_two_models_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new SimilarImageIndex([Image("a", Vectors.Axis(0)), Image("a", Vectors.Axis(1))]));
        Assert.Throws<ArgumentException>(() => new SimilarImageIndex([Image("a", Vectors.Axis(0)), Image("b", Vectors.Axis(1, model: 2))]));
        Assert.Throws<ArgumentException>(() => new SimilarImageIndex([Image("a", Vectors.Axis(0))]).Nearest(Vectors.Axis(0, model: 2), 1));
    }

    [Fact]
    public void An_exact_search_over_ten_thousand_embeddings_of_512_values_finds_the_planted_neighbours()
    {
        var random = new Random(42);
        float[] RandomValues() => [.. Enumerable.Range(0, 512).Select(_ => (float)(random.NextDouble() - 0.5))];
        var query = RandomValues();
        var library = Enumerable.Range(0, 10_000)
            .Select(i => Image($"image-{i}", ImageEmbedding.FromCentredFeatures(1, RandomValues())))
            .ToList();
        // Two images near the query, the nearer one later in the library.
        library[7_000] = Image("near", ImageEmbedding.FromCentredFeatures(1, [.. query.Select((value, i) => value + (0.2f * RandomValues()[i]))]));
        library[9_999] = Image("nearest", ImageEmbedding.FromCentredFeatures(1, [.. query.Select(value => value * 2)]));

        var nearest = new SimilarImageIndex(library).Nearest(ImageEmbedding.FromCentredFeatures(1, query), count: 3);

        Assert.Equal(["nearest", "near"], nearest.Take(2).Select(match => match.Image.Id));
        Assert.Equal(1, nearest[0].Similarity, 5);
        Assert.True(nearest[2].Similarity < 0.3, $"a random vector scored {nearest[2].Similarity}");
    }
}
