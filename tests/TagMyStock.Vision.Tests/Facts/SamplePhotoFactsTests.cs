namespace TagMyStock.Vision.Facts;

/// <summary>
/// The facts said about the repository's real photos: what is clearly true of each must be said,
/// and nothing else may be (precision first). The lists are what the thresholds give today, checked
/// against the photos by eye.
/// </summary>
public sealed class SamplePhotoFactsTests
{
    public static TheoryData<string> AllSamples => [.. Samples.All];

    public static TheoryData<string, string[]> Expected => new()
    {
        { "abstract-teal-orange-swirl.png", ["square", "orange", "green"] },
        { "dune-grass-by-the-sea.jpg", ["horizontal", "blue"] },
        { "espresso-cup-on-wooden-table.jpg", ["horizontal", "brown", "red"] },
        { "ladybird-on-grass-stem-among-forget-me-nots.jpg", ["horizontal", "green"] },
        { "rocket-on-launch-pad-at-dusk.jpg", ["horizontal", "dark"] },
        { "storm-clouds-over-empty-highway.jpg", ["horizontal", "grey", "blue", "copy space"] },
        { "tabby-cat-with-green-eyes.png", ["horizontal", "brown"] },
        { "water-drop-splash-crown.jpg", ["horizontal", "blue"] },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void Each_sample_gets_exactly_the_facts_that_are_true_of_it(string sample, string[] expected)
    {
        var facts = VisualFacts.Analyze(AnalysisImage.Load(Samples.Path(sample)));

        Assert.Equal(expected.Order(StringComparer.Ordinal), facts.Concepts.Select(c => c.Term).Order(StringComparer.Ordinal));
        Assert.All(facts.Concepts, c => Assert.InRange(c.Confidence, 0.0, 1.0));
        Assert.All(facts.Concepts, c => Assert.False(string.IsNullOrWhiteSpace(c.Reason)));
    }

    [Theory]
    [MemberData(nameof(Expected))]
    public void No_sample_gets_a_quality_warning(string sample, string[] expected)
    {
        _ = expected;
        Assert.Empty(VisualFacts.Analyze(AnalysisImage.Load(Samples.Path(sample))).QualityWarnings);
    }

    [Fact]
    public void The_storm_sky_is_copy_space_at_the_top()
    {
        var facts = VisualFacts.Analyze(AnalysisImage.Load(Samples.Path("storm-clouds-over-empty-highway.jpg")));

        Assert.Equal(CopySpace.Top, facts.CopySpace);
    }

    /// <summary>A 12 MP JPEG decodes coarsely, at 500 pixels instead of 640 (<see cref="AnalysisImage.CoarsestShare"/>).</summary>
    [Theory]
    [MemberData(nameof(AllSamples))]
    public void A_sample_enlarged_to_12_megapixels_gives_the_same_facts_decoded_coarsely_as_in_detail(string sample)
    {
        var path = Path.Combine(Path.GetTempPath(), $"vision-{Guid.NewGuid():N}.jpg");
        using (var photo = NetVips.Image.NewFromFile(Samples.Path(sample)))
        using (var flat = photo.HasAlpha() ? photo.Flatten() : photo.Copy())
        using (var enlarged = flat.Resize(4000.0 / Math.Max(flat.Width, flat.Height)))
        {
            enlarged.Jpegsave(path, q: 92);
        }

        try
        {
            var coarse = AnalysisImage.Load(path);
            var detailed = coarse.Detailed(AnalysisImage.DefaultLongestEdge);
            Assert.Equal(500, Math.Max(coarse.Width, coarse.Height));

            var fromCoarse = VisualFacts.Analyze(coarse);
            var fromDetailed = VisualFacts.Analyze(detailed);

            Assert.Equal(fromDetailed.Concepts.Select(c => c.Term).Order(), fromCoarse.Concepts.Select(c => c.Term).Order());
            Assert.Equal(fromDetailed.CopySpace, fromCoarse.CopySpace);
            Assert.Equal(fromDetailed.QualityWarnings, fromCoarse.QualityWarnings);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_greyscale_photograph_is_black_and_white()
    {
        var terms = VisualFacts.Analyze(AnalysisImage.Load(TestImages.Data("camera.png"))).Concepts.Select(c => c.Term);

        Assert.Equal(["square", "black and white", "monochrome"], terms);
    }
}
