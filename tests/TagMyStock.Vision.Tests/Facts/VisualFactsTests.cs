using NetVips;

namespace TagMyStock.Vision.Facts;

/// <summary>Each fact on an image made to show it (or not), with the photo it was made from as the control.</summary>
public sealed class VisualFactsTests
{
    private const string Espresso = "espresso-cup-on-wooden-table.jpg";

    [Theory]
    [InlineData(1200, 800, new[] { "horizontal" }, new[] { "vertical", "square", "panoramic" })]
    [InlineData(600, 900, new[] { "vertical" }, new[] { "horizontal", "square", "panoramic" })]
    [InlineData(700, 700, new[] { "square" }, new[] { "horizontal", "vertical", "panoramic" })]
    [InlineData(1500, 500, new[] { "horizontal", "panoramic" }, new[] { "vertical", "square" })]
    [InlineData(300, 900, new[] { "vertical", "panoramic" }, new[] { "horizontal", "square" })]
    public void The_format_comes_from_the_source_size(int width, int height, string[] expected, string[] absent)
    {
        var terms = Terms(TestImages.Load(TestImages.Plain(width, height, 128, 128, 128)));

        Assert.All(expected, term => Assert.Contains(term, terms));
        Assert.All(absent, term => Assert.DoesNotContain(term, terms));
    }

    [Fact]
    public void A_subject_on_white_is_isolated_on_white_and_its_own_colour_is_named()
    {
        var facts = VisualFacts.Analyze(TestImages.Load(TestImages.WithDisc(TestImages.Plain(900, 600, 255, 255, 255), 200, 30, 30)));
        var terms = Terms(facts);

        Assert.Contains("isolated on white", terms);
        Assert.Contains("white background", terms);
        Assert.Contains("red", terms);
        // The backdrop is not the subject's colour, and it does not make the photo bright or high-key.
        Assert.DoesNotContain("white", terms);
        Assert.DoesNotContain("bright", terms);
        Assert.DoesNotContain("high-key", terms);
        Assert.DoesNotContain("transparent background", terms);
    }

    [Fact]
    public void A_subject_on_black_is_isolated_on_black()
    {
        var terms = Terms(TestImages.Load(TestImages.WithDisc(TestImages.Plain(900, 600, 0, 0, 0), 245, 220, 40)));

        Assert.Contains("isolated on black", terms);
        Assert.Contains("black background", terms);
        Assert.Contains("yellow", terms);
        Assert.DoesNotContain("black", terms);
        Assert.DoesNotContain("dark", terms);
        Assert.DoesNotContain("isolated on white", terms);
    }

    [Fact]
    public void A_cut_out_on_transparency_has_a_transparent_background_not_a_white_one()
    {
        var terms = Terms(TestImages.Load(TestImages.WithDisc(TestImages.Plain(900, 600, 0, 0, 0, 0), 30, 80, 200, 255)));

        Assert.Contains("transparent background", terms);
        Assert.Contains("isolated", terms);
        Assert.Contains("blue", terms);
        Assert.DoesNotContain("white background", terms);
        Assert.DoesNotContain("white", terms);
    }

    [Fact]
    public void A_photo_is_not_isolated()
    {
        var terms = Terms(TestImages.Load(TestImages.Photo(Espresso)));

        Assert.DoesNotContain("isolated", terms);
    }

    [Fact]
    public void A_flat_grey_image_is_grey_and_nothing_more()
    {
        var facts = VisualFacts.Analyze(TestImages.Load(TestImages.Plain(640, 427, 128, 128, 128)));

        Assert.Equal(["horizontal", "grey"], Terms(facts));
        Assert.Empty(facts.QualityWarnings);
        Assert.Equal(CopySpace.None, facts.CopySpace);
    }

    [Fact]
    public void A_greyscale_photo_is_black_and_white_without_colour_words()
    {
        using var photo = TestImages.Photo(Espresso);
        using var grey = photo.Colourspace(Enums.Interpretation.Bw);
        var terms = Terms(TestImages.Load(grey, ".jpg"));

        Assert.Contains("black and white", terms);
        Assert.Contains("monochrome", terms);
        Assert.DoesNotContain("brown", terms);
        Assert.DoesNotContain("grey", terms);
    }

    [Fact]
    public void A_colour_photo_is_not_black_and_white()
    {
        var terms = Terms(TestImages.Load(TestImages.Photo(Espresso)));

        Assert.DoesNotContain("black and white", terms);
        Assert.DoesNotContain("monochrome", terms);
    }

    [Fact]
    public void A_plain_area_on_the_left_is_copy_space_on_the_left()
    {
        using var photo = TestImages.Photo(Espresso);
        using var plain = TestImages.Plain(photo.Width * 45 / 100, photo.Height, 225, 215, 200);
        var facts = VisualFacts.Analyze(TestImages.Load(photo.Insert(plain, 0, 0), ".jpg"));

        Assert.Contains("copy space", Terms(facts));
        Assert.Equal(CopySpace.Left, facts.CopySpace);
    }

    [Fact]
    public void A_plain_area_at_the_top_is_copy_space_at_the_top()
    {
        using var photo = TestImages.Photo(Espresso);
        using var plain = TestImages.Plain(photo.Width, photo.Height * 40 / 100, 60, 110, 190);
        var facts = VisualFacts.Analyze(TestImages.Load(photo.Insert(plain, 0, 0), ".jpg"));

        Assert.Equal(CopySpace.Top, facts.CopySpace);
    }

    [Fact]
    public void A_busy_photo_has_no_copy_space()
    {
        var facts = VisualFacts.Analyze(TestImages.Load(TestImages.Photo(Espresso)));

        Assert.Equal(CopySpace.None, facts.CopySpace);
        Assert.DoesNotContain("copy space", Terms(facts));
    }

    [Fact]
    public void A_blurred_photo_gets_a_blur_warning_and_the_sharp_one_none()
    {
        using var photo = TestImages.Photo(Espresso);
        using var blurred = photo.Gaussblur(2);

        Assert.Contains(QualityFacts.Blurred, VisualFacts.Analyze(TestImages.Load(blurred, ".jpg")).QualityWarnings);
        Assert.Empty(VisualFacts.Analyze(TestImages.Load(photo, ".jpg")).QualityWarnings);
    }

    [Fact]
    public void A_noisy_photo_gets_a_noise_warning_and_is_not_taken_for_a_texture()
    {
        using var photo = TestImages.Photo(Espresso);
        using var noise = Image.Gaussnoise(photo.Width, photo.Height, sigma: 20, mean: 0);
        using var noisy = (photo + noise).Cast(Enums.BandFormat.Uchar);
        var facts = VisualFacts.Analyze(TestImages.Load(noisy));

        Assert.Contains(QualityFacts.Noisy, facts.QualityWarnings);
        Assert.DoesNotContain(QualityFacts.Blurred, facts.QualityWarnings);
        Assert.DoesNotContain("texture", Terms(facts));
    }

    [Fact]
    public void Brightening_a_photo_makes_it_bright_and_high_key()
    {
        using var photo = TestImages.Photo(Espresso);
        using var light = photo.Linear([0.3], [178.0]).Cast(Enums.BandFormat.Uchar);
        var terms = Terms(TestImages.Load(light));

        Assert.Contains("bright", terms);
        Assert.Contains("high-key", terms);
        Assert.DoesNotContain("dark", terms);
    }

    [Fact]
    public void Darkening_a_photo_with_its_highlights_kept_makes_it_dark_and_low_key()
    {
        using var photo = TestImages.Photo(Espresso);
        // A steep curve: most tones sink into shadow, the lightest (the cup's rim) stay light.
        using var dark = ((photo / 255.0).Math2Const(Enums.OperationMath2.Pow, [4.0]) * 255).Cast(Enums.BandFormat.Uchar);
        var terms = Terms(TestImages.Load(dark));

        Assert.Contains("dark", terms);
        Assert.Contains("low-key", terms);
        Assert.DoesNotContain("bright", terms);
    }

    [Fact]
    public void A_brick_wall_filling_the_frame_is_a_texture()
    {
        var terms = Terms(AnalysisImage.Load(TestImages.Data("brick.png")));

        Assert.Contains("texture", terms);
        Assert.Contains("background", terms);
    }

    [Fact]
    public void The_same_image_gives_the_same_facts()
    {
        var image = AnalysisImage.Load(Samples.Path("dune-grass-by-the-sea.jpg"));

        Assert.Equivalent(VisualFacts.Analyze(image), VisualFacts.Analyze(image), strict: true);
    }

    private static List<string> Terms(AnalysisImage image) => Terms(VisualFacts.Analyze(image));

    private static List<string> Terms(VisualFacts facts) => facts.Concepts.Select(c => c.Term).ToList();
}
