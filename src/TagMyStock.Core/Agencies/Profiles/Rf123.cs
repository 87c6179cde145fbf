using TagMyStock.Core.Csv;

namespace TagMyStock.Core.Agencies.Profiles;

/// <summary>123RF (123rf.com). Facts: shared reference/agencies.md, "123RF".</summary>
public static class Rf123
{
    private const string UploadGuide = "blog.123rf.com upload guide";

    public static AgencyProfile Profile { get; } = new()
    {
        Id = "123rf",
        Name = "123RF",
        Aliases = ["rf123"],
        DescriptionMaxLength = Fact.Peer<int?>(180, "a peer CSV tool caps the description at 180 characters"),
        Ai = Fact.Verified(AiPolicy.Accepted, "blog.123rf.com, \"Guidelines for AI Generated Content\""),
        AiNote = "123RF welcomes AI images you hold full rights to, with no real people, places or brands, of at least 6 MP.",
        Csv = Fact.Peer(
            new CsvFormat
            {
                Columns =
                [
                    new("oldfilename", CsvField.FileName),

                    // 123RF's own name for the file, which only exists after upload.
                    new("123rf_filename", CsvField.Empty),
                    new("description", CsvField.Description),
                    new("keywords", CsvField.Keywords),
                    new("country", CsvField.Empty),
                ],
                FileName = "123rf.csv",
            },
            "DannyJPN/PhotoBankingScripts photobank_export_formats.csv; not confirmed by 123RF"),
        MinimumSize = Fact.Verified<ImageSizeRule?>(ImageSizeRule.Megapixels(6), $"{UploadGuide}: JPEG, at least 80 % quality, at least 6 MP"),
        ReadsEmbeddedMetadata = Fact.Verified<bool?>(true, $"{UploadGuide}: caption and keywords are read automatically"),
    };
}
