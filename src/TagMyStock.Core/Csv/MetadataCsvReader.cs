using System.Collections.Frozen;
using TagMyStock.Core.Metadata;

namespace TagMyStock.Core.Csv;

/// <summary>
/// Reads image metadata back from TagMyStock's own CSV or from any agency's CSV. The layout is recognised from the
/// header, whose columns are matched by name in any case and any order; the separator (<c>,</c> or <c>;</c>) from the
/// header line. Bad rows are reported with their line number while every other row is still read: it never throws
/// on bad data.
/// </summary>
public static class MetadataCsvReader
{
    private const string UnknownFormat = "unknown";

    /// <param name="agencyIdHint">The agency whose CSV this is, when the caller knows; otherwise it is recognised.</param>
    public static CsvReadResult Read(TextReader reader, string? agencyIdHint = null)
    {
        var headerLine = reader.ReadLine()?.TrimStart('\uFEFF');
        if (string.IsNullOrWhiteSpace(headerLine))
        {
            return Failed($"The file is empty: expected a header line such as {NativeCsv.Format.Header}.");
        }

        var separator = DetectSeparator(headerLine);
        var headers = new CsvRecordReader(new StringReader(headerLine), separator, firstLine: 1).ReadRecord()!
            .Cells.Select(header => header.Trim()).ToList();
        var errors = new List<CsvRowError>();
        var layout = agencyIdHint is null ? CsvLayout.Recognise(headers, separator, errors) : CsvLayout.ForAgency(agencyIdHint, headers, errors);
        if (layout is null)
        {
            return new CsvReadResult(UnknownFormat, null, [], errors);
        }

        var rows = new List<CsvRow>();
        var records = new CsvRecordReader(reader, separator, firstLine: 2);
        while (records.ReadRecord() is { } record)
        {
            if (record.Unterminated)
            {
                errors.Add(new(record.Line, "A quoted value that starts on this line is never closed, so the rest of the file could not be read."));
                break;
            }

            if (record.IsBlank)
            {
                continue;
            }

            if (record.Cells.Count != headers.Count)
            {
                errors.Add(new(record.Line, $"This row has {record.Cells.Count} values but the header has {headers.Count} columns, so it was skipped."));
                continue;
            }

            if (ReadRow(layout, record, errors) is { } row)
            {
                rows.Add(row);
            }
        }

        return new CsvReadResult(layout.FormatName, layout.AgencyId, rows, errors) { Fields = FieldsOf(layout) };
    }

    private static FrozenSet<CsvField> FieldsOf(CsvLayout layout) =>
        layout.ColumnAt.OfType<CsvColumn>().Select(column => column.Field).Where(field => field != CsvField.Empty).ToFrozenSet();

    private static CsvReadResult Failed(string message) => new(UnknownFormat, null, [], [new CsvRowError(1, message)]);

    /// <summary>Whichever of comma and semicolon the header line uses more outside quotes; comma on a tie.</summary>
    private static char DetectSeparator(string headerLine)
    {
        int commas = 0, semicolons = 0;
        var inQuotes = false;
        foreach (var c in headerLine)
        {
            switch (c)
            {
                case '"':
                    inQuotes = !inQuotes;
                    break;
                case ',' when !inQuotes:
                    commas++;
                    break;
                case ';' when !inQuotes:
                    semicolons++;
                    break;
            }
        }

        return semicolons > commas ? ';' : ',';
    }

    private static CsvRow? ReadRow(CsvLayout layout, CsvRecord record, List<CsvRowError> errors)
    {
        var row = new RowValues();
        for (var i = 0; i < record.Cells.Count; i++)
        {
            if (layout.ColumnAt[i] is { } column)
            {
                ReadCell(layout, column, record.Cells[i], row, message => errors.Add(new(record.Line, message)));
            }
        }

        if (string.IsNullOrWhiteSpace(row.FileName))
        {
            errors.Add(new(record.Line, "This row has no file name, so it cannot be matched to an image and was skipped."));
            return null;
        }

        if (layout.AgencyId is { } agencyId && row.AgencyCategories.Count > 0)
        {
            row.Categories[agencyId] = string.Join(',', row.AgencyCategories.Values);
        }

        var metadata = new ImageMetadata
        {
            Title = row.Title,
            Description = row.Description,
            Keywords = row.Keywords,
            Categories = row.Categories,
            Flags = row.Flags,
        };
        return new CsvRow(row.FileName, metadata) { Prompt = row.Prompt, Model = row.Model, Releases = row.Releases };
    }

    private static void ReadCell(CsvLayout layout, CsvColumn column, string cell, RowValues row, Action<string> reportError)
    {
        if (AgencyCsvWriter.FlagOf(column.Field) is { } flag)
        {
            if (ReadFlag(layout.Format, column, cell, reportError))
            {
                row.Flags |= flag;
            }

            return;
        }

        switch (column.Field)
        {
            case CsvField.FileName:
                row.FileName = cell.Trim();
                break;
            case CsvField.Title:
                row.Title = cell;
                break;
            case CsvField.Description:
                row.Description = cell;
                break;
            case CsvField.Keywords:
                row.Keywords = CsvText.SplitList(cell);
                break;
            case CsvField.Category when cell.Trim().Length > 0:
                row.AgencyCategories[column.Index] = CsvText.NormalizeCategoryList(cell);
                break;
            case CsvField.Releases:
                row.Releases = CsvText.SplitList(cell);
                break;
            case CsvField.Prompt:
                row.Prompt = NullIfEmpty(cell);
                break;
            case CsvField.Model:
                row.Model = NullIfEmpty(cell);
                break;
            case CsvField.CategoriesByAgency:
                foreach (var (agencyId, code) in NativeCsv.ParseCategories(cell, reportError))
                {
                    row.Categories[agencyId] = code;
                }

                break;
        }
    }

    /// <summary>The column's own yes/no words first, then the usual spellings; anything else is reported and read as no.</summary>
    private static bool ReadFlag(CsvFormat format, CsvColumn column, string cell, Action<string> reportError)
    {
        var value = cell.Trim();
        if (Is(value, column.Yes ?? format.Yes))
        {
            return true;
        }

        if (value.Length == 0 || Is(value, column.No ?? format.No))
        {
            return false;
        }

        if (Is(value, "yes") || Is(value, "y") || Is(value, "true") || Is(value, "1"))
        {
            return true;
        }

        if (!(Is(value, "no") || Is(value, "n") || Is(value, "false") || Is(value, "0")))
        {
            reportError($"\"{column.Header}\" should be yes or no, not \"{value}\"; it was read as no.");
        }

        return false;
    }

    private static bool Is(string value, string word) => string.Equals(value, word, StringComparison.OrdinalIgnoreCase);

    private static string? NullIfEmpty(string cell) => cell.Length == 0 ? null : cell;

    /// <summary>What one row says, gathered cell by cell.</summary>
    private sealed class RowValues
    {
        public string FileName { get; set; } = "";

        public string Title { get; set; } = "";

        public string Description { get; set; } = "";

        public IReadOnlyList<string> Keywords { get; set; } = [];

        public Dictionary<string, string> Categories { get; } = new(StringComparer.Ordinal);

        /// <summary>This agency's category columns by index (-1 for a single column holding them all).</summary>
        public SortedDictionary<int, string> AgencyCategories { get; } = [];

        public ContentFlags Flags { get; set; }

        public string? Prompt { get; set; }

        public string? Model { get; set; }

        public IReadOnlyList<string> Releases { get; set; } = [];
    }
}
