namespace TagMyStock.Core.Similarity;

public sealed class NearDuplicatesTests
{
    [Fact]
    public void Near_identical_images_are_grouped_in_batch_order_and_lone_images_are_not_listed()
    {
        var batch = new EmbeddedImage[]
        {
            new("lone", Vectors.Axis(5)),
            new("shot-2", Vectors.Mix(0, 0.9, 1)),
            new("other-1", Vectors.Axis(3)),
            new("shot-1", Vectors.Axis(0)),
            new("other-2", Vectors.Mix(3, 0.95, 4)),
            new("same-subject", Vectors.Mix(0, 0.6, 2)),
        };

        var groups = NearDuplicates.Find(batch);

        Assert.Equal([["shot-2", "shot-1"], ["other-1", "other-2"]], groups.Select(group => group.ImageIds));
    }

    [Fact]
    public void Images_similar_through_a_third_are_one_group()
    {
        // a ~ b and b ~ c at 0.85, while a and c are only 0.85² − 0.53² ≈ 0.44 alike.
        var a = ImageEmbedding.FromCentredFeatures(1, [1, 0, 0]);
        var b = ImageEmbedding.FromCentredFeatures(1, [0.85f, 0.5268f, 0]);
        var c = ImageEmbedding.FromCentredFeatures(1, [0.4445f, 0.8957f, 0]);

        var group = Assert.Single(NearDuplicates.Find([new("a", a), new("c", c), new("b", b)]));

        Assert.True(a.Similarity(c) < NearDuplicates.DefaultThreshold);
        Assert.Equal(["a", "c", "b"], group.ImageIds);
    }

    [Fact]
    public void A_stricter_threshold_splits_what_the_default_groups()
    {
        var batch = new EmbeddedImage[] { new("a", Vectors.Axis(0)), new("b", Vectors.Mix(0, 0.85, 1)) };

        Assert.Single(NearDuplicates.Find(batch));
        Assert.Empty(NearDuplicates.Find(batch, threshold: 0.9));
    }
}
