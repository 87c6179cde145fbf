using TagMyStock.Core.Csv;

namespace TagMyStock.Core.Agencies.Profiles;

/// <summary>
/// Getty Images and iStock, which share one contributor portal (ESP). Facts: shared reference/agencies.md,
/// "Getty Images / iStock (ESP)". Getty publishes no limits we could find, so they stay unknown.
/// </summary>
public static class GettyImages
{
    private const string PeerCsv = "DannyJPN/PhotoBankingScripts photobank_export_formats.csv; ESP has a CSV upload "
        + "(contributors.gettyimages.com article 5197) but no published header";

    public static AgencyProfile Profile { get; } = new()
    {
        Id = "getty",
        Name = "Getty Images / iStock",
        Aliases = ["istock", "gettyimages"],
        Ai = Fact.Unverified(AiPolicy.Banned, "Getty spokesperson quoted by cybernews.com, 2022"),
        AiNote = "Getty Images and iStock do not accept AI-generated images; iStock reportedly allows AI retouching of "
            + "at most 10 % of the pixels.",
        Csv = Fact.Peer(
            new CsvFormat
            {
                Columns =
                [
                    new("file name", CsvField.FileName),

                    // The peer writes MM/DD/YYYY HH:MM:SS +/-ZZZZ here; TagMyStock does not know the capture date.
                    new("created date", CsvField.Empty),
                    new("description", CsvField.Description),
                    new("country", CsvField.Empty),
                    new("brief code", CsvField.Empty),
                    new("title", CsvField.Title),
                    new("keywords", CsvField.Keywords),
                ],
                MaxRows = 128,
                FileName = "getty-images.csv",
            },
            PeerCsv),

        // Left unknown on purpose: an old iStock manual asked for 1600 × 1200, but it predates ESP, speaks for iStock
        // only, and nothing current confirms it. Every other agency's minimum is larger anyway, and a stale figure
        // would only tell a Getty-only contributor to upscale for a rule that may be gone.
        MinimumSize = Fact.Unverified<ImageSizeRule?>(null, "not found (an old iStock manual said 1600 × 1200)"),
    };
}
