using TagMyStock.Core.Metadata;

namespace TagMyStock.Core.Tagging;

public sealed class ObservedTitleTests
{
    private static readonly LocalTextEngine Engine = new();

    private static readonly Observations SameSeries = new()
    {
        Concepts = [new Observation("motorcycle", EvidenceSource.SimilarImages, 0.93, "1 similar tagged image(s), the closest IMG_0412.jpg at 0.93")],
        Title = new ObservedTitle("Red motorcycle parked in a garage", EvidenceSource.SimilarImages, 0.93, "title of IMG_0412.jpg, similarity 0.93"),
    };

    private static TaggingResult Tag(string? hint = null, string? prompt = null, string fileName = "IMG_0413.jpg", ImageMetadata? existing = null) =>
        Engine.Tag(new TaggingInput(fileName, hint, prompt, existing ?? ImageMetadata.Empty), SameSeries);

    [Fact]
    public void With_no_hint_the_title_of_the_same_picture_is_used_with_its_evidence()
    {
        var result = Tag();

        Assert.Equal("Red motorcycle parked in a garage", result.Metadata.Title);
        Assert.Equal("Red motorcycle parked in a garage.", result.Metadata.Description);
        var evidence = result.Evidence.Single(e => e.Term == EvidenceTerm.Title);
        Assert.Equal([EvidenceSource.SimilarImages], evidence.Sources);
        Assert.Equal(0.93, evidence.Score, 5);
        Assert.Equal(["title of IMG_0412.jpg, similarity 0.93"], evidence.Reasons);
        Assert.Same(evidence, result.Evidence[^1]);
    }

    [Fact]
    public void The_hint_beats_the_title_of_a_similar_image()
    {
        var result = Tag(hint: "vintage motorbike in a workshop");

        Assert.Equal("Vintage motorbike in a workshop", result.Metadata.Title);
        Assert.DoesNotContain(result.Evidence, e => e.Term == EvidenceTerm.Title);
    }

    [Fact]
    public void The_title_already_in_the_file_beats_the_title_of_a_similar_image()
    {
        var result = Tag(existing: ImageMetadata.Empty with { Title = "Motorbike in the shed" });

        Assert.Equal("Motorbike in the shed", result.Metadata.Title);
        Assert.DoesNotContain(result.Evidence, e => e.Term == EvidenceTerm.Title);
    }

    [Fact]
    public void The_title_of_a_similar_image_beats_the_prompt_and_the_file_name()
    {
        Assert.Equal("Red motorcycle parked in a garage", Tag(prompt: "classic motorbike in a garage, cinematic light").Metadata.Title);
        Assert.Equal("Red motorcycle parked in a garage", Tag(fileName: "old-scooter-on-a-street.jpg").Metadata.Title);
    }

    [Fact]
    public void Without_an_observed_title_none_is_invented()
    {
        var result = Engine.Tag(new TaggingInput("IMG_0413.jpg", null, null, ImageMetadata.Empty), SameSeries with { Title = null });

        Assert.Equal("", result.Metadata.Title);
        Assert.DoesNotContain(result.Evidence, e => e.Term == EvidenceTerm.Title);
    }
}
