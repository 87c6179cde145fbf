using TagMyStock.Core.Csv;

namespace TagMyStock.Core.Agencies.Profiles;

/// <summary>Alamy (alamy.com). Facts: shared reference/agencies.md, "Alamy".</summary>
public static class Alamy
{
    private const string ImageManager = "alamy.com blog, \"questions about Alamy Image Manager\"";
    private const long MinUncompressedBytes = 17L << 20;

    public static AgencyProfile Profile { get; } = new()
    {
        Id = "alamy",
        Name = "Alamy",

        // Alamy's caption is the IPTC caption, which is TagMyStock's description.
        DescriptionRequired = true,
        KeywordMin = Fact.Verified<int?>(5, "alamy.com blog: on sale once it has a caption and 5 tags"),
        KeywordMax = Fact.Verified<int?>(50, ImageManager),
        Ai = Fact.Unverified(AiPolicy.Banned, "aitrace.org and brutallyhonestmicrostock summaries"),
        AiNote = "Alamy has not accepted AI-generated images since 2023.",
        Csv = Fact.Peer(
            new CsvFormat
            {
                // Account, location, date and sales choices are the contributor's: TagMyStock leaves them empty.
                Columns =
                [
                    new("Filename", CsvField.FileName),
                    new("Caption", CsvField.Description),
                    new("Tags", CsvField.Keywords),
                    new("License type", CsvField.Editorial) { Yes = "RF-E", No = "RF" },
                    new("Username", CsvField.Empty),
                    new("Super Tags", CsvField.Empty),
                    new("Location", CsvField.Empty),
                    new("Date taken", CsvField.Empty),
                    new("Number of People", CsvField.Empty),
                    new("Model release", CsvField.Empty),
                    new("Is there property in this image", CsvField.PropertyReleaseNeeded),
                    new("Property release", CsvField.Empty),
                    new("Primary category", CsvField.Category, 0),
                    new("Secondary category", CsvField.Category, 1),
                    new("Image Type", CsvField.Empty),
                    new("Exclusive to Alamy", CsvField.Empty),
                    new("Additional Info", CsvField.Empty),
                ],
                Yes = "Y",
                No = "N",
                FileName = "alamy.csv",
            },
            "DannyJPN/PhotoBankingScripts photobank_export_formats.csv and column_maps.py; Alamy publishes no CSV"),

        // "More than 17 MB when uncompressed": 8-bit RGB is 3 bytes a pixel and, taking a MB as 2^20 bytes (the
        // stricter reading), that is more than 17 · 2^20 / 3 = 5,941,930.67 pixels, so at least 5,941,931.
        MinimumSize = Fact.Verified<ImageSizeRule?>(
            new ImageSizeRule(MinUncompressedBytes / 3 + 1),
            "alamy.com contributor FAQ, quality control: JPEG, more than 17 MB when uncompressed"),
        ReadsEmbeddedMetadata = Fact.Verified<bool?>(true, $"{ImageManager}: IPTC caption and keywords become caption and tags"),
    };
}
