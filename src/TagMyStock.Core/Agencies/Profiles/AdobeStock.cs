using TagMyStock.Core.Csv;

namespace TagMyStock.Core.Agencies.Profiles;

/// <summary>Adobe Stock (contributor.stock.adobe.com). Facts: shared reference/agencies.md, "Adobe Stock".</summary>
public static class AdobeStock
{
    private const string CsvPage = "helpx.adobe.com/stock/contributor/manage-your-portfolio/csv-requirements-content.html";
    private const string OfficialSample = "Adobe's sample CSV (copy in sylvain-ri/stock-contributor-csv-descriptors)";
    private const string FileRequirements = "Adobe Stock's file requirements: JPEG, sRGB, 4–100 MP, no upsampling";
    private const string CategoryPeer = "DannyJPN/PhotoBankingScripts adobe_stock_categories.csv; other peers agree";

    public static AgencyProfile Profile { get; } = new()
    {
        Id = "adobe",
        Name = "Adobe Stock",
        Aliases = ["adobestock", "adobe-stock"],
        TitleRequired = true,
        TitleMaxLength = Fact.Verified<int?>(70, CsvPage),
        TitleForbidsCommas = Fact.Verified(true, CsvPage),
        KeywordMin = Fact.Verified<int?>(1, "helpx.adobe.com/stock/contributor/manage-your-portfolio/csv-requirements-content.html (Keywords is a required column)"),
        KeywordMax = Fact.Verified<int?>(50, "helpx.adobe.com/stock/contributor/help/how-to-organize-and-add-keywords.html"),
        Categories = Fact.Peer<IReadOnlyList<AgencyCategory>>(
            [
                new("1", "Animals"),
                new("2", "Buildings and Architecture"),
                new("3", "Business"),
                new("4", "Drinks"),
                new("5", "The Environment"),
                new("6", "States of Mind"),
                new("7", "Food"),
                new("8", "Graphic Resources"),
                new("9", "Hobbies and Leisure"),
                new("10", "Industry"),
                new("11", "Landscapes"),
                new("12", "Lifestyle"),
                new("13", "People"),
                new("14", "Plants and Flowers"),
                new("15", "Culture and Religion"),
                new("16", "Science"),
                new("17", "Social Issues"),
                new("18", "Sports"),
                new("19", "Technology"),
                new("20", "Transport"),
                new("21", "Travel"),
            ],
            CategoryPeer),
        Ai = Fact.Verified(AiPolicy.Accepted, "helpx.adobe.com/stock/contributor/help/generative-ai-content-guidelines.html"),
        AiNote = "Tick \"Created using generative AI tools\" in the Adobe Stock portal (and \"People and Property are fictional\" "
            + "when the image shows them): the CSV has no AI column. Leave \"generative AI\", artist, real-person and brand names "
            + "out of the title and keywords.",
        ForbidsAiToolNames = true,
        Csv = Fact.Verified(
            new CsvFormat
            {
                Columns =
                [
                    new("Filename", CsvField.FileName),
                    new("Title", CsvField.Title),
                    new("Keywords", CsvField.Keywords) { AlwaysQuote = true },
                    new("Category", CsvField.Category),
                    new("Releases", CsvField.Releases) { AlwaysQuote = true },
                ],
                KeywordSeparator = ", ",

                // Adobe's CSV page says 5,000 rows (an older page said 1,000).
                MaxRows = 5000,
                FileName = "adobe-stock.csv",
            },
            $"{CsvPage}; header and quoting from {OfficialSample}"),
        FileName = new FileNameRule(30, null, Confidence.Verified, CsvPage),
        ReadsEmbeddedMetadata = Fact.Verified<bool?>(true, "helpx.adobe.com/stock/contributor/help/photography-illustrations.html"),
        MinimumSize = Fact.Verified<ImageSizeRule?>(ImageSizeRule.Megapixels(4), FileRequirements),
        ForbidsUpsampling = Fact.Verified(true, FileRequirements),
    };
}
