using TagMyStock.Core.Csv;

namespace TagMyStock.Core.Agencies.Profiles;

/// <summary>
/// Vecteezy (vecteezy.com). Facts: shared reference/agencies.md, "Vecteezy". Peer tools disagree on its CSV
/// (<c>Filename,Title,Keywords</c>; <c>Filename,Title,Description,Keywords</c>; the same plus <c>License</c>):
/// TagMyStock writes the middle one, which carries everything the others do but the licence, and marks it unverified.
/// </summary>
public static class Vecteezy
{
    public static AgencyProfile Profile { get; } = new()
    {
        Id = "vecteezy",
        Name = "Vecteezy",
        Ai = Fact.Unverified(AiPolicy.Unknown, "not found"),
        Csv = Fact.Unverified(
            new CsvFormat
            {
                Columns =
                [
                    new("Filename", CsvField.FileName),
                    new("Title", CsvField.Title),
                    new("Description", CsvField.Description),
                    new("Keywords", CsvField.Keywords),
                ],
                FileName = "vecteezy.csv",
            },
            "DannyJPN/PhotoBankingScripts; other peers write Filename,Title,Keywords or add a License column"),
        MinimumSize = Fact.Unverified<ImageSizeRule?>(null, "not found (Vecteezy's 3–25 MP is for vector files)"),
    };
}
