using TagMyStock.Core.Metadata;
using TagMyStock.Core.Similarity;
using TagMyStock.Core.Tagging;
using TagMyStock.Vision.Text;

namespace TagMyStock.Vision;

public sealed class LocalEngineFixture : IDisposable
{
    public LocalEngine Engine { get; } = LocalEngine.Create();

    public void Dispose() => Engine.Dispose();
}

public sealed class LocalEngineTests(LocalEngineFixture fixture, TextFixture text) : IClassFixture<LocalEngineFixture>, IClassFixture<TextFixture>
{
    private const string Ladybird = "ladybird-on-grass-stem-among-forget-me-nots.jpg";

    public static TheoryData<string> Photos => [.. TextFixture.Photos];

    private TaggingResult Tag(string path, string? hint = null, SimilarImageIndex? library = null, string? libraryId = null) =>
        fixture.Engine.Tag(new TaggingInput("IMG_0001.jpg", hint, null, ImageMetadata.Empty) { ImagePath = path, Library = library, LibraryId = libraryId });

    private static IEnumerable<Evidence> From(TaggingResult result, EvidenceSource source) =>
        result.Evidence.Where(evidence => evidence.Sources.Contains(source));

    [Fact]
    public void A_landscape_without_people_gets_measured_keywords_an_embedding_and_a_request_for_a_hint()
    {
        var result = Tag(Samples.Path("dune-grass-by-the-sea.jpg"));

        Assert.Equal("local", result.Engine);
        Assert.NotEmpty(result.Metadata.Keywords);
        Assert.All(result.Evidence, evidence => Assert.Equal([EvidenceSource.Pixels], evidence.Sources));
        Assert.All(result.Evidence, evidence => Assert.NotEmpty(evidence.Reasons));
        Assert.DoesNotContain("people", result.Metadata.Keywords);
        Assert.False(result.Metadata.Has(ContentFlags.PeopleReleaseNeeded));
        Assert.Equal("", result.Metadata.Title);
        Assert.Contains(result.Warnings, warning => warning.Contains("hint", StringComparison.Ordinal));
        Assert.NotNull(result.Embedding);
    }

    [Fact]
    public void A_portrait_is_one_person_and_the_release_flag_says_the_pixels_saw_a_face()
    {
        var result = Tag(TestImages.Data("astronaut.png"));

        Assert.Contains("one person", result.Metadata.Keywords);
        Assert.True(result.Metadata.Has(ContentFlags.PeopleReleaseNeeded));
        var flag = result.Evidence.Single(evidence => evidence.Term == "flag:people-release-needed");
        Assert.Equal([EvidenceSource.Pixels], flag.Sources);
    }

    [Fact]
    public void A_hint_gives_the_title_and_its_words_rank_above_the_pixels()
    {
        var result = Tag(Samples.Path("dune-grass-by-the-sea.jpg"), hint: "dune grass by the sea");

        Assert.Equal("Dune grass by the sea", result.Metadata.Title);
        Assert.Contains(EvidenceSource.Hint, result.Evidence[0].Sources);
        Assert.NotEmpty(From(result, EvidenceSource.Pixels));
        Assert.DoesNotContain(result.Warnings, warning => warning.Contains("name no subject", StringComparison.Ordinal));
    }

    [Fact]
    public void Similar_tagged_images_teach_their_keywords_but_an_image_never_teaches_itself()
    {
        var library = new SimilarImageIndex(
        [
            new LibraryImage(Ladybird, fixture.Engine.Embed(Samples.Path(Ladybird)), ["ladybird", "insect", "forget-me-not"]),
            new LibraryImage("espresso", fixture.Engine.Embed(Samples.Path("espresso-cup-on-wooden-table.jpg")), ["espresso", "coffee"]),
        ]);

        var taught = Tag(Samples.Path(Ladybird), library: library);
        Assert.Equal(["forget-me-not", "insect", "ladybird"], From(taught, EvidenceSource.SimilarImages).Select(evidence => evidence.Term).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("coffee", taught.Metadata.Keywords);
        Assert.Contains(taught.Evidence.Single(evidence => evidence.Term == "ladybird").Reasons, reason => reason.Contains(Ladybird, StringComparison.Ordinal));

        var leftOut = Tag(Samples.Path(Ladybird), library: library, libraryId: Ladybird);
        Assert.Empty(From(leftOut, EvidenceSource.SimilarImages));
    }

    [Fact]
    public void Text_in_the_image_is_a_warning_that_quotes_it_and_is_no_keyword()
    {
        var result = Tag(text.WithText("storm-clouds-over-empty-highway.jpg", "OPEN 24 HOURS", "DejaVu Sans Bold 40", [255, 255, 255]));

        var warning = Assert.Single(result.Warnings, warning => warning.StartsWith("Visible text:", StringComparison.Ordinal));
        Assert.Contains("OPEN 24 HOURS", warning, StringComparison.Ordinal);
        Assert.Contains("confidence", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Warnings, warning => warning.StartsWith("Trademark", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Metadata.Keywords, keyword => keyword.Contains("open", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_brand_in_the_image_is_a_trademark_warning_that_names_the_text_it_was_read_in()
    {
        var result = Tag(text.WithText("espresso-cup-on-wooden-table.jpg", "Starbucks", "Liberation Sans Bold 34", [0, 110, 60]));

        Assert.Contains(result.Warnings, warning => warning.StartsWith("Visible text:", StringComparison.Ordinal));
        var trademark = Assert.Single(result.Warnings, warning => warning.StartsWith("Trademark in the image:", StringComparison.Ordinal));
        Assert.Contains("\"starbucks\" (in the text \"Starbucks\")", trademark, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Photos))]
    public void A_photo_without_text_has_no_text_warning(string photo)
    {
        var result = Tag(Samples.Path(photo));

        Assert.DoesNotContain(result.Warnings, warning => warning.StartsWith("Visible text", StringComparison.Ordinal) || warning.StartsWith("Trademark", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unreadable_image_gives_the_text_result_and_a_warning()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("tagmystock-engine-").FullName, "broken.jpg");
        File.WriteAllBytes(path, [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4, 5]);

        var result = Tag(path, hint: "red apple on a table");

        Assert.Equal("Red apple on a table", result.Metadata.Title);
        Assert.Contains(result.Warnings, warning => warning.StartsWith("The image could not be decoded", StringComparison.Ordinal));
        Assert.Null(result.Embedding);
        Assert.Empty(From(result, EvidenceSource.Pixels));
    }

    [Fact]
    public void The_same_image_gives_the_same_result()
    {
        var first = Tag(Samples.Path("rocket-on-launch-pad-at-dusk.jpg"), hint: "rocket at dusk");
        var second = Tag(Samples.Path("rocket-on-launch-pad-at-dusk.jpg"), hint: "rocket at dusk");

        Assert.Equal(first.Metadata.Keywords, second.Metadata.Keywords);
        Assert.Equal(first.Evidence.Select(evidence => (evidence.Term, evidence.Score)), second.Evidence.Select(evidence => (evidence.Term, evidence.Score)));
        Assert.Equal(first.Embedding!.Values.ToArray(), second.Embedding!.Values.ToArray());
    }
}
