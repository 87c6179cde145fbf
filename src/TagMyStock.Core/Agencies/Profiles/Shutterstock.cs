using TagMyStock.Core.Csv;

namespace TagMyStock.Core.Agencies.Profiles;

/// <summary>Shutterstock (submit.shutterstock.com). Facts: shared reference/agencies.md, "Shutterstock".</summary>
public static class Shutterstock
{
    private const string CsvHelp = "submit.shutterstock.com/help/en/articles/10617486";
    private const string LimitsHelp = "submit.shutterstock.com/help/en/articles/10594645";
    private const string CategoryPeer = "DannyJPN/PhotoBankingScripts ShutterStock_categories.csv; other peers agree";

    public static AgencyProfile Profile { get; } = new()
    {
        Id = "shutterstock",
        Name = "Shutterstock",
        DescriptionRequired = true,
        DescriptionMaxLength = Fact.Unverified<int?>(200, "third-party guides only"),
        KeywordMin = Fact.Verified<int?>(7, LimitsHelp),
        KeywordMax = Fact.Verified<int?>(50, LimitsHelp),

        // The official sample writes "nature", so matching is probably case-insensitive (unverified).
        Categories = Fact.Peer<IReadOnlyList<AgencyCategory>>(
            [
                .. new[]
                {
                    "Abstract", "Animals/Wildlife", "Arts", "Backgrounds/Textures", "Beauty/Fashion", "Buildings/Landmarks",
                    "Business/Finance", "Celebrities", "Education", "Food and Drink", "Healthcare/Medical", "Holidays",
                    "Industrial", "Interiors", "Miscellaneous", "Nature", "Objects", "Parks/Outdoor", "People", "Religion",
                    "Science", "Signs/Symbols", "Sports/Recreation", "Technology", "Transportation", "Vintage",
                }.Select(name => new AgencyCategory(name, name)),
            ],
            CategoryPeer),
        CategoryRequired = true,
        MaxCategories = 2,
        Ai = Fact.Verified(AiPolicy.Banned, "submit.shutterstock.com/help/en/articles/10594622 and 10594633"),
        AiNote = "Shutterstock does not accept AI-generated content: it is rejected as \"Non-Licensable\".",
        EnglishAsciiOnly = true,
        Csv = Fact.Verified(
            new CsvFormat
            {
                Columns =
                [
                    new("Filename", CsvField.FileName),
                    new("Description", CsvField.Description),
                    new("Keywords", CsvField.Keywords),
                    new("Categories", CsvField.Category),
                    new("Editorial", CsvField.Editorial),
                    new("Mature content", CsvField.MatureContent),
                    new("illustration", CsvField.Illustration),
                ],
                FileName = "shutterstock.csv",
            },
            $"{CsvHelp}; exact header from Shutterstock's sample (copy in sylvain-ri/stock-contributor-csv-descriptors)"),
        FileName = new FileNameRule(null, "A-Za-z0-9_", Confidence.Verified, "Shutterstock help, \"Troubleshooting uploading errors\""),
        ReadsEmbeddedMetadata = Fact.Unverified<bool?>(true, "an old third-party blog"),
        MinimumSize = Fact.Verified<ImageSizeRule?>(ImageSizeRule.Megapixels(4), "Shutterstock's file requirements: JPEG/TIFF, at least 4 MP"),
    };
}
