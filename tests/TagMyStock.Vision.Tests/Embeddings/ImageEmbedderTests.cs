using TagMyStock.Core.Similarity;

namespace TagMyStock.Vision.Embeddings;

public sealed class ImageEmbedderTests(EmbedderFixture fixture) : IClassFixture<EmbedderFixture>
{
    private readonly ImageEmbedder _embedder = fixture.Embedder;

    public static TheoryData<string> Photos => [.. EmbedderFixture.Photos];

    [Fact]
    public void An_embedding_has_512_centred_values_of_unit_length()
    {
        var image = AnalysisImage.Load(Samples.Path("tabby-cat-with-green-eyes.png"));

        var features = _embedder.Features(image);
        var embedding = _embedder.Embed(image);

        Assert.Equal(ImageEmbedder.Dimensions, features.Length);
        Assert.All(features, value => Assert.True(value >= 0, "pooled ReLU features are never negative"));
        Assert.Contains(features, value => value > 0);
        Assert.Equal(ImageEmbedder.Dimensions, embedding.Dimensions);
        Assert.Equal(ImageEmbedder.Model, embedding.Model);
        Assert.Equal(1, embedding.Similarity(embedding), 5);
        Assert.Contains(embedding.Values.ToArray(), value => value < 0);
    }

    [Fact]
    public void The_same_image_gives_the_same_embedding_to_the_last_bit()
    {
        var path = Samples.Path("espresso-cup-on-wooden-table.jpg");

        var first = _embedder.Embed(path).Values.ToArray();
        var again = _embedder.Embed(AnalysisImage.Load(path)).Values.ToArray();
        using var otherEmbedder = ImageEmbedder.Create();
        var fromAnotherEmbedder = otherEmbedder.Embed(path).Values.ToArray();

        Assert.Equal(first, again);
        Assert.Equal(first, fromAnotherEmbedder);
    }

    [Fact]
    public void Images_embedded_on_several_threads_at_once_get_the_embeddings_they_get_one_at_a_time()
    {
        var images = EmbedderFixture.Photos.Select(photo => AnalysisImage.Load(Samples.Path(photo))).ToArray();
        var oneAtATime = images.Select(image => _embedder.Embed(image).Values.ToArray()).ToArray();

        var atOnce = new float[images.Length][];
        Parallel.For(0, images.Length * 3, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
            atOnce[i % images.Length] = _embedder.Embed(images[i % images.Length]).Values.ToArray());

        Assert.Equal(oneAtATime, atOnce);
    }

    [Theory]
    [MemberData(nameof(Photos))]
    public void A_re_encoded_or_cropped_copy_of_a_photo_scores_as_a_near_duplicate(string photo)
    {
        var original = _embedder.Embed(Samples.Path(photo));

        var reEncoded = original.Similarity(_embedder.Embed(fixture.ReEncoded(photo)));
        var cropped = original.Similarity(_embedder.Embed(fixture.Cropped(photo)));

        Assert.True(reEncoded >= NearDuplicates.DefaultThreshold, $"re-encoded: {reEncoded:F3}");
        Assert.True(cropped >= NearDuplicates.DefaultThreshold, $"cropped: {cropped:F3}");
    }

    [Fact]
    public void Different_photos_score_low()
    {
        var embeddings = EmbedderFixture.Photos.Select(photo => (Photo: photo, Embedding: _embedder.Embed(Samples.Path(photo)))).ToArray();

        var pairs = embeddings.SelectMany((a, i) => embeddings.Skip(i + 1).Select(b => (Pair: $"{a.Photo} ~ {b.Photo}", Similarity: a.Embedding.Similarity(b.Embedding))));

        Assert.All(pairs, pair => Assert.True(pair.Similarity < 0.4, $"{pair.Pair}: {pair.Similarity:F3}"));
    }

    [Fact]
    public void A_batch_with_copies_of_photos_groups_each_photo_with_its_copies()
    {
        string[] photos = ["dune-grass-by-the-sea.jpg", "rocket-on-launch-pad-at-dusk.jpg", "water-drop-splash-crown.jpg"];
        var batch = new List<EmbeddedImage>();
        foreach (var photo in photos)
        {
            batch.Add(new EmbeddedImage(photo, _embedder.Embed(Samples.Path(photo))));
            batch.Add(new EmbeddedImage($"{photo} cropped", _embedder.Embed(fixture.Cropped(photo))));
        }

        batch.Add(new EmbeddedImage(photos[1] + " re-encoded", _embedder.Embed(fixture.ReEncoded(photos[1]))));
        batch.Add(new EmbeddedImage("tabby-cat-with-green-eyes.png", _embedder.Embed(Samples.Path("tabby-cat-with-green-eyes.png"))));

        var groups = NearDuplicates.Find(batch);

        Assert.Equal(
            [
                [photos[0], $"{photos[0]} cropped"],
                [photos[1], $"{photos[1]} cropped", $"{photos[1]} re-encoded"],
                [photos[2], $"{photos[2]} cropped"],
            ],
            groups.Select(group => group.ImageIds));
    }

    [Fact]
    public void A_library_of_tagged_photos_teaches_the_keywords_of_the_photo_a_new_image_copies()
    {
        // Each sample's keywords are the words of its file name, as a contributor's library would hold them.
        var library = EmbedderFixture.Photos.Select(photo => new LibraryImage(
            photo,
            _embedder.Embed(Samples.Path(photo)),
            [.. Path.GetFileNameWithoutExtension(photo).Split('-').Where(word => word.Length > 3)]));
        var teacher = new SimilarImageTeacher(new SimilarImageIndex(library));

        var fromCopy = teacher.Suggest(_embedder.Embed(fixture.Cropped("rocket-on-launch-pad-at-dusk.jpg")));
        var leftOut = teacher.Suggest(_embedder.Embed(Samples.Path("rocket-on-launch-pad-at-dusk.jpg")), imageId: "rocket-on-launch-pad-at-dusk.jpg");

        Assert.Equal(["dusk", "launch", "rocket"], fromCopy.Keywords.Select(evidence => evidence.Term).Order(StringComparer.Ordinal));
        Assert.Empty(leftOut.Keywords);
    }

    [Fact]
    public void A_missing_model_is_reported_with_where_it_was_looked_for()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"no-models-{Guid.NewGuid():N}");

        var exception = Assert.Throws<FileNotFoundException>(() => ImageEmbedder.Create(modelDirectory: folder));

        Assert.Contains(folder, exception.Message, StringComparison.Ordinal);
    }
}
