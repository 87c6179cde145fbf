using TagMyStock.Core.Agencies.Profiles;

namespace TagMyStock.Core.Agencies;

public sealed class ImageSizeRuleTests
{
    [Theory]
    [InlineData("adobe", 4_000_000L, 0, 0)]
    [InlineData("shutterstock", 4_000_000L, 0, 0)]
    [InlineData("pond5", 2_000_000L, 1201, 0)]
    [InlineData("dreamstime", 3_000_000L, 0, 0)]
    [InlineData("123rf", 6_000_000L, 0, 0)]
    [InlineData("alamy", 5_941_931L, 0, 0)]
    [InlineData("freepik", 4_000_000L, 2000, 2000)]
    [InlineData("depositphotos", 3_840_000L, 1600, 2400)]
    public void Each_agency_minimum_follows_the_reference_and_the_agency_states_it(string id, long pixels, int shortSide, int longSide)
    {
        var minimum = AgencyCatalog.Find(id)!.MinimumSize;

        Assert.Equal(new ImageSizeRule(pixels, shortSide, longSide), minimum.Value);
        Assert.Equal(Confidence.Verified, minimum.Confidence);
        Assert.False(string.IsNullOrWhiteSpace(minimum.Source));
    }

    [Theory]
    [InlineData("getty")]
    [InlineData("vecteezy")]
    public void Agencies_whose_minimum_was_not_found_have_none(string id)
    {
        var minimum = AgencyCatalog.Find(id)!.MinimumSize;

        Assert.Null(minimum.Value);
        Assert.Equal(Confidence.Unverified, minimum.Confidence);
        Assert.StartsWith("not found", minimum.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_adobe_is_known_to_refuse_upsampled_files()
    {
        Assert.Equal(Fact.Verified(true, AdobeStock.Profile.ForbidsUpsampling.Source), AdobeStock.Profile.ForbidsUpsampling);
        Assert.Equal(["adobe"], AgencyCatalog.All.Where(agency => agency.ForbidsUpsampling.Value).Select(agency => agency.Id));
    }

    [Fact]
    public void Alamys_17_mb_uncompressed_is_more_than_that_many_bytes_of_rgb()
    {
        var rule = Alamy.Profile.MinimumSize.Value!;

        // 17 · 2^20 bytes = 17,825,792 at 3 bytes a pixel: 5,941,930 pixels are 17,825,790 bytes, not more.
        Assert.False(rule.IsMetBy(1, 5_941_930));
        Assert.True(rule.IsMetBy(1, 5_941_931));
        Assert.True(rule.IsMetBy(3000, 2000));
        Assert.Equal("6 MP", rule.ToString());
    }

    [Theory]
    [InlineData(2000, 2000, true)]
    [InlineData(2000, 1999, false)]
    [InlineData(8000, 500, true)]
    public void A_megapixel_minimum_counts_pixels_only_and_is_met_exactly_at_it(int width, int height, bool met)
    {
        Assert.Equal(met, ImageSizeRule.Megapixels(4).IsMetBy(width, height));
    }

    [Theory]
    [InlineData(1201, 1666, true)]
    [InlineData(1666, 1201, true)]
    [InlineData(1200, 2000, false)]
    [InlineData(1300, 1500, false)]
    public void Pond5_wants_2_mp_and_both_sides_over_1200_px(int width, int height, bool met)
    {
        Assert.Equal(met, Pond5.Profile.MinimumSize.Value!.IsMetBy(width, height));
    }

    [Theory]
    [InlineData(2400, 1600, true)]
    [InlineData(1600, 2400, true)]
    [InlineData(2399, 1600, false)]
    [InlineData(3000, 1500, false)]
    [InlineData(2300, 2300, false)]
    public void Sides_are_checked_in_either_orientation(int width, int height, bool met)
    {
        Assert.Equal(met, ImageSizeRule.Sides(2400, 1600).IsMetBy(width, height));
    }

    [Theory]
    [InlineData(0, 100)]
    [InlineData(100, 0)]
    [InlineData(-1, 100)]
    [InlineData(100, -5)]
    public void Zero_and_negative_sides_are_refused(int width, int height)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageSizeRule.Megapixels(4).IsMetBy(width, height));
    }

    [Theory]
    [InlineData(0L, 0, 0)]
    [InlineData(-1L, 0, 0)]
    [InlineData(100L, -1, 0)]
    [InlineData(100L, 0, -1)]
    [InlineData(100L, 20, 10)]
    public void A_rule_that_cannot_be_is_refused(long pixels, int shortSide, int longSide)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ImageSizeRule(pixels, shortSide, longSide));
    }

    [Fact]
    public void Huge_sides_do_not_overflow()
    {
        Assert.True(ImageSizeRule.Megapixels(4).IsMetBy(int.MaxValue, int.MaxValue));
    }

    [Theory]
    [InlineData(4_000_000L, 0, 0, "4 MP")]
    [InlineData(2_000_000L, 1201, 0, "2 MP, each side at least 1201 px")]
    [InlineData(3_840_000L, 1600, 2400, "2400 × 1600 px")]
    [InlineData(4_000_000L, 2000, 2000, "2000 px a side")]
    [InlineData(3_000_000L, 0, 2500, "3 MP, the long side at least 2500 px")]
    [InlineData(2_300_001L, 0, 0, "2.4 MP")]
    public void A_rule_reads_as_a_contributor_would_say_it(long pixels, int shortSide, int longSide, string text)
    {
        Assert.Equal(text, new ImageSizeRule(pixels, shortSide, longSide).ToString());
    }
}
