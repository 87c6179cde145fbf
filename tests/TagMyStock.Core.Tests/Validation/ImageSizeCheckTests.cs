using TagMyStock.Core.Agencies;
using TagMyStock.Core.Metadata;

namespace TagMyStock.Core.Validation;

public sealed class ImageSizeCheckTests
{
    private static readonly AgencyProfile Adobe = Agency("adobe", "Adobe Stock", Fact.Verified<ImageSizeRule?>(ImageSizeRule.Megapixels(4), "test")) with
    {
        ForbidsUpsampling = Fact.Verified(true, "test"),
    };

    private static readonly AgencyProfile Shutterstock = Agency("shutterstock", "Shutterstock", Fact.Verified<ImageSizeRule?>(ImageSizeRule.Megapixels(4), "test"));

    private static readonly AgencyProfile Depositphotos = Agency("depositphotos", "Depositphotos", Fact.Verified<ImageSizeRule?>(ImageSizeRule.Sides(2400, 1600), "test"));

    private static readonly AgencyProfile Pond5 = Agency("pond5", "Pond5", Fact.Verified<ImageSizeRule?>(ImageSizeRule.Megapixels(2, minShortSide: 1201), "test"));

    private static readonly AgencyProfile Rumoured = Agency("rumoured", "Rumoured Stock", Fact.Unverified<ImageSizeRule?>(ImageSizeRule.Megapixels(3), "a forum post"));

    private static readonly AgencyProfile Unknown = Agency("unknown", "Some Agency", Fact.Unverified<ImageSizeRule?>(null, "not found"));

    private static AgencyProfile Agency(string id, string name, Sourced<ImageSizeRule?> minimum) =>
        new() { Id = id, Name = name, Ai = Fact.Unverified(AiPolicy.Unknown, "test"), MinimumSize = minimum };

    [Fact]
    public void The_message_gives_the_size_the_minimum_and_the_upscale_that_reaches_it()
    {
        var shortfall = Assert.Single(ImageSizeCheck.Check(1800, 1200, [Shutterstock]));

        Assert.Same(Shutterstock, shortfall.Agency);
        Assert.Equal(Fact.Verified(ImageSizeRule.Megapixels(4), "test"), shortfall.Minimum);
        Assert.Equal(2, shortfall.UpscaleFactor);
        Assert.True(shortfall.UpscalingHelps);
        Assert.Equal("2.1 MP (1800 × 1200): under Shutterstock's 4 MP minimum. Upscaling 2× (3600 × 2400) reaches it.", shortfall.Message);
    }

    [Fact]
    public void An_agency_refusing_upsampled_files_is_told_so_and_upscaling_does_not_help()
    {
        var shortfall = Assert.Single(ImageSizeCheck.Check(1800, 1200, [Adobe]));

        Assert.Equal(2, shortfall.UpscaleFactor);
        Assert.False(shortfall.UpscalingHelps);
        Assert.Equal("2.1 MP (1800 × 1200): under Adobe Stock's 4 MP minimum. Adobe Stock refuses upsampled files, so only a larger original will do.", shortfall.Message);
    }

    [Theory]
    [InlineData(1000, 1000, 2)]
    [InlineData(999, 1000, 4)]
    [InlineData(500, 500, 4)]
    [InlineData(499, 500, null)]
    public void The_factor_is_the_smallest_of_2_and_4_that_reaches_the_minimum_exactly_or_more(int width, int height, int? factor)
    {
        Assert.Equal(factor, Assert.Single(ImageSizeCheck.Check(width, height, [Shutterstock])).UpscaleFactor);
    }

    [Fact]
    public void When_even_4x_falls_short_the_message_says_so_and_upscaling_does_not_help()
    {
        var shortfall = Assert.Single(ImageSizeCheck.Check(400, 300, [Shutterstock]));

        Assert.False(shortfall.UpscalingHelps);
        Assert.Equal("0.1 MP (400 × 300): under Shutterstock's 4 MP minimum. Even upscaling 4× does not reach it.", shortfall.Message);
    }

    [Fact]
    public void A_size_just_under_the_minimum_never_reads_as_the_minimum()
    {
        Assert.StartsWith("3.9 MP (1999 × 2000): under Shutterstock's 4 MP minimum.", Assert.Single(ImageSizeCheck.Check(1999, 2000, [Shutterstock])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_side_rule_is_named_with_its_sides()
    {
        var shortfall = Assert.Single(ImageSizeCheck.Check(3000, 1500, [Depositphotos]));

        Assert.Equal("4.5 MP (3000 × 1500): under Depositphotos's minimum of 2400 × 1600 px. Upscaling 2× (6000 × 3000) reaches it.", shortfall.Message);
    }

    [Fact]
    public void A_short_side_is_caught_even_when_the_pixels_are_enough()
    {
        var shortfall = Assert.Single(ImageSizeCheck.Check(1200, 4000, [Pond5]));

        Assert.Equal("4.8 MP (1200 × 4000): under Pond5's minimum of 2 MP, each side at least 1201 px. Upscaling 2× (2400 × 8000) reaches it.", shortfall.Message);
    }

    [Fact]
    public void An_unconfirmed_minimum_says_where_it_comes_from()
    {
        var shortfall = Assert.Single(ImageSizeCheck.Check(1000, 1000, [Rumoured]));

        Assert.EndsWith("reaches it. (not confirmed by Rumoured Stock; source: a forum post)", shortfall.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_agencies_whose_known_minimum_is_missed_are_listed_in_the_order_given()
    {
        Assert.Equal(["shutterstock", "adobe"], ImageSizeCheck.Check(1800, 1200, [Shutterstock, Unknown, Depositphotos with { MinimumSize = Fact.Verified<ImageSizeRule?>(ImageSizeRule.Sides(1800, 1200), "test") }, Adobe]).Select(shortfall => shortfall.Agency.Id));
        Assert.Empty(ImageSizeCheck.Check(2000, 2000, [Shutterstock, Adobe, Unknown]));
        Assert.Empty(ImageSizeCheck.Check(10, 10, []));
    }

    [Theory]
    [InlineData(0, 1200)]
    [InlineData(1800, 0)]
    [InlineData(-1800, 1200)]
    [InlineData(1800, -1)]
    public void Zero_and_negative_sizes_are_refused(int width, int height)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageSizeCheck.Check(width, height, [Shutterstock]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageSizeCheck.Check(width, height, [Unknown]));
    }

    [Fact]
    public void The_validator_reports_the_shortfall_when_given_the_size_weighed_by_the_minimums_confidence()
    {
        var verified = ValidationAssert.Single(MetadataValidator.Validate(ImageMetadata.Empty, Shutterstock, imageSize: (1800, 1200)), "image.too-small");
        var unconfirmed = ValidationAssert.Single(MetadataValidator.Validate(ImageMetadata.Empty, Rumoured, imageSize: (1000, 1000)), "image.too-small");

        Assert.Equal((Severity.Blocking, MetadataField.ImageSize), (verified.Severity, verified.Field));
        Assert.Equal("2.1 MP (1800 × 1200): under Shutterstock's 4 MP minimum. Upscaling 2× (3600 × 2400) reaches it.", verified.Message);
        Assert.Equal(Severity.Warning, unconfirmed.Severity);
        ValidationAssert.None(MetadataValidator.Validate(ImageMetadata.Empty, Shutterstock), "image.too-small");
        ValidationAssert.None(MetadataValidator.Validate(ImageMetadata.Empty, Shutterstock, imageSize: (2000, 2000)), "image.too-small");
        Assert.Throws<ArgumentOutOfRangeException>(() => MetadataValidator.Validate(ImageMetadata.Empty, Unknown, imageSize: (0, 10)));
    }
}
