namespace TagMyStock.Core.Similarity;

public sealed class ImageEmbeddingTests
{
    [Fact]
    public void Features_are_scaled_to_unit_length_so_that_similarity_is_the_cosine()
    {
        var a = ImageEmbedding.FromCentredFeatures(1, [3, 4, 0]);
        var b = ImageEmbedding.FromCentredFeatures(1, [0, 10, 0]);

        Assert.Equal([0.6f, 0.8f, 0f], a.Values.ToArray());
        Assert.Equal(1, a.Similarity(a), 6);
        Assert.Equal(0.8, a.Similarity(b), 6);
        Assert.Equal(-1, a.Similarity(ImageEmbedding.FromCentredFeatures(1, [-3, -4, 0])), 6);
    }

    [Fact]
    public void Features_without_direction_are_refused()
    {
        Assert.Throws<ArgumentException>(() => ImageEmbedding.FromCentredFeatures(1, [0, 0, 0]));
        Assert.Throws<ArgumentException>(() => ImageEmbedding.FromCentredFeatures(1, [float.NaN, 1]));
        Assert.Throws<ArgumentException>(() => ImageEmbedding.FromCentredFeatures(1, []));
    }

    [Fact]
    public void Embeddings_of_different_models_do_not_compare()
    {
        Assert.Throws<ArgumentException>(() => Vectors.Axis(0, model: 1).Similarity(Vectors.Axis(0, model: 2)));
        Assert.Throws<ArgumentException>(() => Vectors.Axis(0).Similarity(ImageEmbedding.FromCentredFeatures(1, [1, 0])));
    }

    [Fact]
    public void The_compact_form_takes_two_bytes_a_value_and_keeps_similarities_within_a_thousandth()
    {
        var random = new Random(5);
        var values = Enumerable.Range(0, 512).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var other = Enumerable.Range(0, 512).Select(i => values[i] + (float)(random.NextDouble() - 0.5)).ToArray();
        var embedding = ImageEmbedding.FromCentredFeatures(7, values);
        var neighbour = ImageEmbedding.FromCentredFeatures(7, other);

        var bytes = embedding.ToBytes();
        var fromBytes = ImageEmbedding.FromBytes(bytes);
        var fromText = ImageEmbedding.FromBase64(embedding.ToBase64());

        Assert.Equal(2 + (512 * 2), bytes.Length);
        Assert.Equal(1368, embedding.ToBase64().Length);
        Assert.Equal(7, fromBytes.Model);
        Assert.Equal(512, fromBytes.Dimensions);
        Assert.Equal(1, fromBytes.Similarity(fromBytes), 6);
        Assert.Equal(embedding.Similarity(neighbour), fromBytes.Similarity(neighbour), 3);
        Assert.All(Enumerable.Range(0, 512), i => Assert.Equal(embedding.Values[i], fromBytes.Values[i], 0.001));
        Assert.Equal(fromBytes.Values.ToArray(), fromText.Values.ToArray());
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 1, 1 })]
    [InlineData(new byte[] { 1, 1, 0, 60, 0 })]
    [InlineData(new byte[] { 9, 1, 0, 60 })]
    [InlineData(new byte[] { 1, 1, 0, 0, 0, 0 })]
    public void Bytes_that_are_not_an_embedding_are_refused(byte[] bytes)
    {
        Assert.IsType<FormatException>(Record.Exception(() => ImageEmbedding.FromBytes(bytes)));
    }
}
