using TagMyStock.Core.Csv;

namespace TagMyStock.Core.Agencies.Profiles;

/// <summary>Pond5 (contributor.pond5.com). Facts: shared reference/agencies.md, "Pond5".</summary>
public static class Pond5
{
    private const string Preparing = "contributor.pond5.com, \"preparing your files\"";
    private const string Template = "Pond5's CSV template (copy in sylvain-ri/stock-contributor-csv-descriptors)";
    private const string Specifications = "help.pond5.com, Image Upload Specifications";

    public static AgencyProfile Profile { get; } = new()
    {
        Id = "pond5",
        Name = "Pond5",
        TitleRequired = true,
        TitleMinLength = Fact.Verified<int?>(40, Preparing),
        TitleMaxLength = Fact.Verified<int?>(80, Preparing),
        DescriptionMaxLength = Fact.Verified<int?>(2000, $"{Template}, hint row"),
        KeywordMin = Fact.Verified<int?>(5, Preparing),
        KeywordMax = Fact.Verified<int?>(50, Preparing),
        Ai = Fact.Unverified(AiPolicy.Banned, "Pond5 Help Center, via the aitrace.org summary"),
        AiNote = "Pond5 does not accept AI-generated content.",
        Csv = Fact.Verified(
            new CsvFormat
            {
                // Location, source, copyright and price are the contributor's to fill in: TagMyStock leaves them empty.
                Columns =
                [
                    new("originalfilename", CsvField.FileName),
                    new("title", CsvField.Title),
                    new("description", CsvField.Description),
                    new("keywords", CsvField.Keywords),
                    new("city", CsvField.Empty),
                    new("region", CsvField.Empty),
                    new("country", CsvField.Empty),
                    new("location", CsvField.Empty),
                    new("specifysource", CsvField.Empty),
                    // These say a release is on file, which TagMyStock cannot know: left for the contributor,
                    // who attaches releases in Pond5's portal (a "release needed" flag is not a release).
                    new("modelreleased", CsvField.Empty),
                    new("propertyreleased", CsvField.Empty),
                    new("release", CsvField.Releases),
                    new("copyright", CsvField.Empty),
                    new("setpriceforme", CsvField.Empty),
                    new("price", CsvField.Empty),
                    new("pricelarge", CsvField.Empty),
                ],
                FileName = "pond5.csv",
            },
            Template),
        FileName = new FileNameRule(null, "A-Za-z0-9", Confidence.Verified, Specifications),

        // "Sides > 1200 px": strictly more, so 1201 is the smallest side Pond5 takes.
        MinimumSize = Fact.Verified<ImageSizeRule?>(ImageSizeRule.Megapixels(2, minShortSide: 1201), $"{Specifications}: at least 2 MP, sides over 1200 px"),
        ReadsEmbeddedMetadata = Fact.Unverified<bool?>(null, "Pond5 says uploads are \"scrubbed for metadata\" but not which fields"),
    };
}
