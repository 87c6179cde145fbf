using TagMyStock.Core.Metadata;

namespace TagMyStock.Core.Tagging;

public sealed class ObservationRankingTests
{
    private static readonly LocalTextEngine Engine = new();

    private static readonly Observations Pixels = new()
    {
        Concepts =
        [
            new Observation("horizontal", EvidenceSource.Pixels, 1, "3:2"),
            new Observation("copy space", EvidenceSource.Pixels, 0.85, "plain left third"),
            new Observation("green", EvidenceSource.Pixels, 0.8, "34 % of the frame"),
            new Observation("bright", EvidenceSource.Pixels, 0.8, "mean luma 0.71"),
        ],
        Warnings = ["The photo looks soft."],
    };

    private static TaggingResult Tag(string? hint, Observations observed) =>
        Engine.Tag(new TaggingInput("IMG_0001.jpg", hint, null, ImageMetadata.Empty), observed);

    private static int Rank(TaggingResult result, string keyword) => result.Metadata.Keywords.ToList().IndexOf(keyword);

    [Fact]
    public void Pixels_only_give_measured_keywords_with_their_reasons_no_title_and_ask_for_a_hint()
    {
        var result = Tag(null, Pixels);

        Assert.Equal(["horizontal", "copy space", "green", "bright"], result.Metadata.Keywords);
        Assert.Equal("", result.Metadata.Title);
        Assert.Equal("", result.Metadata.Description);
        var copySpace = result.Evidence.Single(e => e.Term == "copy space");
        Assert.Equal([EvidenceSource.Pixels], copySpace.Sources);
        Assert.Equal(["plain left third"], copySpace.Reasons);
        Assert.Contains(result.Warnings, w => w.Contains("name no subject", StringComparison.Ordinal) && w.Contains("hint", StringComparison.Ordinal));
        Assert.Contains("The photo looks soft.", result.Warnings);
    }

    [Fact]
    public void A_hint_outranks_the_pixels_and_agreement_adds_up()
    {
        var result = Tag("green meadow with wildflowers", Pixels);

        Assert.Equal("Green meadow with wildflowers", result.Metadata.Title);
        Assert.Equal("green", result.Metadata.Keywords[0]);
        Assert.Equal([EvidenceSource.Hint, EvidenceSource.Pixels], result.Evidence.Single(e => e.Term == "green").Sources);
        var hintWords = result.Evidence.Where(e => e.Sources[0] == EvidenceSource.Hint).ToList();
        var pixelOnly = result.Evidence.Where(e => e.Sources is [EvidenceSource.Pixels]).ToList();
        Assert.NotEmpty(pixelOnly);
        Assert.True(hintWords.Min(e => e.Score) > pixelOnly.Max(e => e.Score));
        Assert.DoesNotContain(result.Warnings, w => w.Contains("name no subject", StringComparison.Ordinal));
    }

    [Fact]
    public void Similar_images_name_a_subject_but_a_hints_subject_outranks_them()
    {
        var observed = Pixels with
        {
            Concepts = [.. Pixels.Concepts, new Observation("ladybird", EvidenceSource.SimilarImages, 0.9, "3 similar images"), new Observation("insect", EvidenceSource.SimilarImages, 0.6)],
        };

        var withoutHint = Tag(null, observed);
        Assert.Equal("ladybird", withoutHint.Metadata.Keywords[0]);
        Assert.True(Rank(withoutHint, "insect") < Rank(withoutHint, "horizontal"));
        Assert.DoesNotContain(withoutHint.Warnings, w => w.Contains("name no subject", StringComparison.Ordinal));

        var withHint = Tag("beetle on a grass stem", observed);
        Assert.Equal(["beetle", "grass", "stem"], withHint.Metadata.Keywords.Take(3));
        Assert.True(Rank(withHint, "beetle") < Rank(withHint, "ladybird"));
    }

    [Fact]
    public void Words_from_the_file_name_alone_are_flagged_but_not_when_similar_images_agree()
    {
        var similar = Pixels with { Concepts = [.. Pixels.Concepts, new Observation("motorcycle", EvidenceSource.SimilarImages, 0.9, "1 similar image")] };

        var nameOnly = Engine.Tag(new TaggingInput("red-motorcycle-right.jpg", null, null, ImageMetadata.Empty), Pixels);
        var taught = Engine.Tag(new TaggingInput("red-motorcycle-right.jpg", null, null, ImageMetadata.Empty), similar);

        Assert.Contains(nameOnly.Warnings, w => w.Contains("file name only", StringComparison.Ordinal));
        Assert.DoesNotContain(taught.Warnings, w => w.Contains("file name only", StringComparison.Ordinal));
    }

    [Fact]
    public void Observed_flags_carry_their_evidence_but_generated_people_need_no_release()
    {
        var faces = new Observations
        {
            Concepts = [new Observation("people", EvidenceSource.Pixels, 0.9, "1 face")],
            Flags = [new ObservedFlag(ContentFlags.PeopleReleaseNeeded, EvidenceSource.Pixels, 0.9, "1 face")],
        };

        var photo = Tag(null, faces);
        Assert.True(photo.Metadata.Has(ContentFlags.PeopleReleaseNeeded));
        var flag = photo.Evidence.Single(e => e.Term == "flag:people-release-needed");
        Assert.Equal([EvidenceSource.Pixels], flag.Sources);
        Assert.Equal(["1 face"], flag.Reasons);

        var generated = Engine.Tag(new TaggingInput("x.png", null, "portrait of an astronaut", ImageMetadata.Empty), faces);
        Assert.False(generated.Metadata.Has(ContentFlags.PeopleReleaseNeeded));
    }

    [Fact]
    public void A_word_the_pixels_measured_is_not_inferred_again_from_the_lexicon()
    {
        var result = Tag("ladybird on a grass stem", Pixels);

        Assert.Single(result.Metadata.Keywords, keyword => keyword == "green");
    }

    [Fact]
    public void The_same_observations_give_the_same_result()
    {
        var first = Tag("meadow", Pixels);
        var second = Tag("meadow", Pixels);

        Assert.Equal(first.Metadata.Keywords, second.Metadata.Keywords);
        Assert.Equal(first.Evidence.Select(e => (e.Term, e.Score)), second.Evidence.Select(e => (e.Term, e.Score)));
        Assert.Equal(first.Warnings, second.Warnings);
    }
}
