using System.Text;
using TagMyStock.Core.Agencies;
using TagMyStock.Core.Metadata;

namespace TagMyStock.Core.Csv;

/// <summary>One file of an export split at the agency's row limit.</summary>
/// <param name="FileName">e.g. <c>adobe-stock.csv</c> for the first file, <c>adobe-stock-2.csv</c> for the second.</param>
public sealed record CsvBatch(string FileName, IReadOnlyList<CsvRow> Rows);

/// <summary>
/// Writes an agency's bulk-upload CSV exactly as its <see cref="CsvFormat"/> says: header, column order, separator,
/// quoting, line ends, yes/no words and keyword separator. Cells follow RFC 4180
/// (<see href="https://www.rfc-editor.org/rfc/rfc4180"/>); free text is defused against spreadsheet formulas
/// (see <see cref="CsvText.DefuseFormula"/>).
/// </summary>
public static class AgencyCsvWriter
{
    private static readonly Encoding Utf8WithBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
    private static readonly Encoding Utf8WithoutBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the header, then one line per row as it comes, so a large export never sits in memory.</summary>
    /// <exception cref="ArgumentException">The agency has no CSV upload.</exception>
    public static void Write(TextWriter writer, AgencyProfile agency, IEnumerable<CsvRow> rows) =>
        WriteRows(writer, FormatOf(agency), agency.Id, rows);

    /// <summary>The encoding to open the output stream with; its preamble is the BOM when the format wants one.</summary>
    public static Encoding EncodingFor(CsvFormat format) => format.Utf8Bom ? Utf8WithBom : Utf8WithoutBom;

    /// <summary>
    /// Splits rows into files of at most <see cref="CsvFormat.MaxRows"/> rows, named after
    /// <see cref="CsvFormat.FileName"/>, gathering one file's rows at a time as it is enumerated. No rows give no file.
    /// </summary>
    /// <exception cref="ArgumentException">The agency has no CSV upload.</exception>
    public static IEnumerable<CsvBatch> Partition(AgencyProfile agency, IEnumerable<CsvRow> rows)
    {
        var format = FormatOf(agency);
        return format.MaxRows is { } maxRows
            ? rows.Chunk(maxRows).Select((chunk, index) => new CsvBatch(FileNameOfPart(format, index + 1), chunk))
            : WholeExport(format, rows);
    }

    /// <summary>The name of the <paramref name="part"/>-th file (1-based): the format's name, then <c>-2</c>, <c>-3</c>… before the extension.</summary>
    public static string FileNameOfPart(CsvFormat format, int part)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(part, 1);
        if (part == 1)
        {
            return format.FileName;
        }

        var extension = Path.GetExtension(format.FileName);
        var stem = format.FileName[..^extension.Length];
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{stem}-{part}{extension}");
    }

    /// <summary>Writes any TagMyStock CSV format; <paramref name="agencyId"/> picks the category written in category columns.</summary>
    internal static void WriteRows(TextWriter writer, CsvFormat format, string? agencyId, IEnumerable<CsvRow> rows)
    {
        WriteRecord(writer, format, format.Columns.Select(column => (column.Header, false)));
        foreach (var row in rows)
        {
            WriteRecord(writer, format, format.Columns.Select(column => (CellOf(column, format, agencyId, row), QuoteAlways(column, format))));
        }
    }

    private static IEnumerable<CsvBatch> WholeExport(CsvFormat format, IEnumerable<CsvRow> rows)
    {
        var all = rows.ToList();
        if (all.Count > 0)
        {
            yield return new CsvBatch(format.FileName, all);
        }
    }

    private static CsvFormat FormatOf(AgencyProfile agency) =>
        agency.Csv?.Value
        ?? throw new ArgumentException($"{agency.Name} has no CSV upload: embed the metadata in the files instead.", nameof(agency));

    private static void WriteRecord(TextWriter writer, CsvFormat format, IEnumerable<(string Value, bool Quote)> cells)
    {
        var first = true;
        foreach (var (value, quote) in cells)
        {
            if (!first)
            {
                writer.Write(format.Separator);
            }

            CsvText.WriteCell(writer, value, format.Separator, quote);
            first = false;
        }

        writer.Write(format.NewLine);
    }

    private static bool QuoteAlways(CsvColumn column, CsvFormat format) =>
        column.AlwaysQuote || (format.Quoting == CsvQuoting.AllText && FlagOf(column.Field) is null);

    private static string CellOf(CsvColumn column, CsvFormat format, string? agencyId, CsvRow row)
    {
        if (column.Constant is { } constant)
        {
            return constant;
        }

        var metadata = row.Metadata;
        if (FlagOf(column.Field) is { } flag)
        {
            return metadata.Has(flag) ? column.Yes ?? format.Yes : column.No ?? format.No;
        }

        return column.Field switch
        {
            CsvField.FileName => row.FileName,
            CsvField.Title => CsvText.DefuseFormula(metadata.Title),
            CsvField.Description => CsvText.DefuseFormula(metadata.Description),
            CsvField.Keywords => CsvText.JoinList(metadata.Keywords, format.KeywordSeparator),
            CsvField.Category => CategoryCell(agencyId is null ? null : metadata.CategoryFor(agencyId), column.Index),
            CsvField.Releases => CsvText.JoinList(row.Releases, format.KeywordSeparator),
            CsvField.Prompt => CsvText.DefuseFormula(row.Prompt ?? ""),
            CsvField.Model => CsvText.DefuseFormula(row.Model ?? ""),
            CsvField.CategoriesByAgency => NativeCsv.FormatCategories(metadata.Categories),
            _ => "",
        };
    }

    /// <summary>The flag a yes/no column carries, or null for a text column.</summary>
    internal static ContentFlags? FlagOf(CsvField field) => field switch
    {
        CsvField.Editorial => ContentFlags.Editorial,
        CsvField.MatureContent => ContentFlags.MatureContent,
        CsvField.Illustration => ContentFlags.Illustration,
        CsvField.AiGenerated => ContentFlags.AiGenerated,
        CsvField.PeopleReleaseNeeded => ContentFlags.PeopleReleaseNeeded,
        CsvField.PropertyReleaseNeeded => ContentFlags.PropertyReleaseNeeded,
        _ => null,
    };

    /// <summary>All of the agency's categories comma-separated (index -1), or the index-th of them.</summary>
    private static string CategoryCell(string? categories, int index)
    {
        if (string.IsNullOrWhiteSpace(categories))
        {
            return "";
        }

        var normalized = CsvText.NormalizeCategoryList(categories);
        if (index < 0)
        {
            return normalized;
        }

        var parts = normalized.Split(',');
        return index < parts.Length ? parts[index] : "";
    }
}
