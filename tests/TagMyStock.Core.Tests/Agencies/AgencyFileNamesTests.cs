using TagMyStock.Core.Agencies.Profiles;

namespace TagMyStock.Core.Agencies;

public sealed class AgencyFileNamesTests
{
    private static readonly AgencyProfile[] Strict = [AdobeStock.Profile, Shutterstock.Profile, Pond5.Profile];

    [Theory]
    [InlineData("espresso-cup-on-wooden-table.jpg", "EspressoCupOnWoodenTable.jpg")]
    [InlineData("ladybird-on-grass-stem-among-forget-me-nots.jpg", "LadybirdOnGrassStemAmongFo.jpg")]
    [InlineData("Café au lait (2).JPG", "CafAuLait2.JPG")]
    [InlineData("---.png", "image.png")]
    public void A_safe_name_passes_every_agency_and_stays_readable(string fileName, string expected)
    {
        var safe = AgencyFileNames.SafeName(fileName, Strict);

        Assert.Equal(expected, safe);
        foreach (var agency in Strict)
        {
            Assert.DoesNotContain(Validation.MetadataValidator.Validate(Metadata.ImageMetadata.Empty, agency, fileName: safe).Problems, problem => problem.Field == Validation.MetadataField.FileName);
        }
    }

    [Fact]
    public void A_taken_name_gets_a_number_within_the_length_limit()
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "LadybirdOnGrassStemAmongFo.jpg" };

        var safe = AgencyFileNames.SafeName("ladybird-on-grass-stem-among-forget-me-nots.jpg", Strict, taken.Contains);

        Assert.Equal("LadybirdOnGrassStemAmongF2.jpg", safe);
        Assert.True(safe.Length <= 30);
    }

    [Fact]
    public void Agencies_without_name_rules_keep_the_words_whole() =>
        Assert.Equal("EspressoCupOnWoodenTable.jpg", AgencyFileNames.SafeName("espresso-cup-on-wooden-table.jpg", [Freepik.Profile]));
}
