using TagMyStock.Core.Csv;

namespace TagMyStock.Core.Agencies.Profiles;

/// <summary>Freepik contributor, now called Magnific. Facts: shared reference/agencies.md, "Freepik contributor".</summary>
public static class Freepik
{
    public static AgencyProfile Profile { get; } = new()
    {
        Id = "freepik",
        Name = "Freepik",
        Aliases = ["magnific"],
        Ai = Fact.Unverified(AiPolicy.Accepted, "photokeyworder blog"),
        AiNote = "Freepik takes AI images flagged \"Created with artificial intelligence\": fill the Prompt and Model "
            + "columns of its CSV for them.",
        Csv = Fact.Peer(
            new CsvFormat
            {
                Columns =
                [
                    new("Filename", CsvField.FileName),
                    new("Title", CsvField.Title),
                    new("Keywords", CsvField.Keywords),
                    new("Prompt", CsvField.Prompt),
                    new("Model", CsvField.Model),
                ],
                Separator = ';',
                Quoting = CsvQuoting.AllText,

                // The three agreeing peer tools end lines with LF only.
                NewLine = "\n",
                FileName = "freepik.csv",
            },
            "three peer tools agree; DannyJPN/PhotoBankingScripts and barisariburnu's generator use other headers. "
                + "Freepik accepts a CSV (freepik.com/ai/contributors/ftp-upload-method) but publishes no header"),

        // The file facts are Freepik's own, unlike its CSV. Its pages disagree on the largest side (10000 or 8000
        // px on the FTP page) but not on the smallest.
        MinimumSize = Fact.Verified<ImageSizeRule?>(
            ImageSizeRule.Sides(2000, 2000),
            "support.freepik.com, Content Submission Requirements: JPEG RGB, 2000–10000 px a side"),
        ReadsEmbeddedMetadata = Fact.Verified<bool?>(true, "support.freepik.com, Content Submission Requirements: title and tags must be embedded"),
    };
}
