using TagMyStock.Core.Csv;

namespace TagMyStock.Core.Agencies.Profiles;

/// <summary>Depositphotos (depositphotos.com). Facts: shared reference/agencies.md, "Depositphotos".</summary>
public static class Depositphotos
{
    public static AgencyProfile Profile { get; } = new()
    {
        Id = "depositphotos",
        Name = "Depositphotos",
        Ai = Fact.Verified(AiPolicy.Banned, "help.depositphotos.com, \"Why don't you accept AI-generated images from contributors?\""),
        AiNote = "Depositphotos does not accept AI-generated images.",
        Csv = Fact.Peer(
            new CsvFormat
            {
                Columns =
                [
                    new("Filename", CsvField.FileName),
                    new("description", CsvField.Description),
                    new("Keywords", CsvField.Keywords),
                    new("Nudity", CsvField.MatureContent),
                    new("Editorial", CsvField.Editorial),
                ],
                FileName = "depositphotos.csv",
            },
            "DannyJPN/PhotoBankingScripts photobank_export_formats.csv; not confirmed by Depositphotos"),

        // The page asks for 2400 × 1600 and calls it "3.4 MP", but the product is 3.84 MP: the sides are the
        // figures a contributor checks, so they are the rule, and the pixel count is their product.
        MinimumSize = Fact.Verified<ImageSizeRule?>(ImageSizeRule.Sides(2400, 1600), "help.depositphotos.com: JPEG, at least 2400 × 1600"),
    };
}
