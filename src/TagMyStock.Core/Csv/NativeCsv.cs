namespace TagMyStock.Core.Csv;

/// <summary>
/// TagMyStock's own CSV: every exported field of <see cref="Metadata.ImageMetadata"/> in one file that reads back
/// unchanged. Categories hold every agency's as <c>agency=code[,code]</c> pairs separated by <c>|</c>,
/// e.g. <c>adobe=3|shutterstock=Nature,Animals/Wildlife</c>; flags are yes/no; UTF-8 without BOM; RFC 4180.
/// </summary>
public static class NativeCsv
{
    public const string FormatName = "TagMyStock";

    private const char PairSeparator = '|';
    private const char KeyValueSeparator = '=';

    public static CsvFormat Format { get; } = new()
    {
        Columns =
        [
            new("Filename", CsvField.FileName),
            new("Title", CsvField.Title),
            new("Description", CsvField.Description),
            new("Keywords", CsvField.Keywords),
            new("Categories", CsvField.CategoriesByAgency),
            new("AI generated", CsvField.AiGenerated),
            new("Editorial", CsvField.Editorial),
            new("Mature content", CsvField.MatureContent),
            new("Illustration", CsvField.Illustration),
            new("People release needed", CsvField.PeopleReleaseNeeded),
            new("Property release needed", CsvField.PropertyReleaseNeeded),
            new("Prompt", CsvField.Prompt),
            new("Model", CsvField.Model),
        ],
        KeywordSeparator = ", ",
        FileName = "tagmystock.csv",
    };

    /// <summary>Writes the header, then one line per row as it comes.</summary>
    public static void Write(TextWriter writer, IEnumerable<CsvRow> rows) => AgencyCsvWriter.WriteRows(writer, Format, agencyId: null, rows);

    /// <summary>The categories cell: pairs in agency-id order, so the same metadata always gives the same file.</summary>
    internal static string FormatCategories(IReadOnlyDictionary<string, string> categories) =>
        string.Join(
            PairSeparator,
            categories
                .Where(pair => !string.IsNullOrWhiteSpace(pair.Value))
                .OrderBy(pair => pair.Key, StringComparer.Ordinal)
                .Select(pair => $"{pair.Key}{KeyValueSeparator}{pair.Value.Trim()}"));

    /// <summary>Reads a categories cell; a pair without an agency is reported through <paramref name="reportError"/> and skipped.</summary>
    internal static Dictionary<string, string> ParseCategories(string cell, Action<string> reportError)
    {
        var categories = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in cell.Split(PairSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var split = pair.IndexOf(KeyValueSeparator, StringComparison.Ordinal);
            var agencyId = split > 0 ? pair[..split].Trim() : "";
            var code = split > 0 ? pair[(split + 1)..].Trim() : "";
            if (agencyId.Length == 0 || code.Length == 0)
            {
                reportError($"Category \"{pair}\" does not say which agency it is for: write it as agency=code, e.g. adobe=3.");
                continue;
            }

            categories[agencyId] = code;
        }

        return categories;
    }
}
