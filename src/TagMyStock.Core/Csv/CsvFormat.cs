namespace TagMyStock.Core.Csv;

/// <summary>What a CSV column carries.</summary>
public enum CsvField
{
    /// <summary>A column the agency has but TagMyStock leaves empty (price, location…).</summary>
    Empty = 0,
    FileName,
    Title,
    Description,
    Keywords,

    /// <summary>The <see cref="CsvColumn.Index"/>-th category (0-based); with index -1, all categories comma-separated.</summary>
    Category,
    Editorial,
    MatureContent,
    Illustration,
    AiGenerated,

    /// <summary>Whether recognisable people need a model release (not whether one is on file): <see cref="Metadata.ContentFlags.PeopleReleaseNeeded"/>.</summary>
    PeopleReleaseNeeded,

    /// <summary>Whether recognisable property needs a property release: <see cref="Metadata.ContentFlags.PropertyReleaseNeeded"/>.</summary>
    PropertyReleaseNeeded,

    /// <summary>The names of the releases already uploaded to the agency, joined with the keyword separator.</summary>
    Releases,
    Prompt,
    Model,

    /// <summary>Every agency's category as <c>agency=code[,code]</c> pairs separated by <c>|</c> (TagMyStock's own CSV).</summary>
    CategoriesByAgency,
}

public enum CsvQuoting
{
    /// <summary>Quote a field only when it holds the separator, a quote or a line break (RFC 4180).</summary>
    WhenNeeded,

    /// <summary>Quote every text field, even an empty one; yes/no flag columns stay bare (Freepik's peers write this).</summary>
    AllText,
}

/// <summary>One column: its exact header and what goes in it.</summary>
public sealed record CsvColumn(string Header, CsvField Field, int Index = -1)
{
    /// <summary>Quote this column even under <see cref="CsvQuoting.WhenNeeded"/> (Adobe's sample quotes Keywords).</summary>
    public bool AlwaysQuote { get; init; }

    /// <summary>A fixed value written in every row (e.g. a licence type), instead of one derived from the metadata.</summary>
    public string? Constant { get; init; }

    /// <summary>This column's word for yes when it differs from the format's (Alamy's licence type says <c>RF-E</c>).</summary>
    public string? Yes { get; init; }

    /// <summary>This column's word for no when it differs from the format's.</summary>
    public string? No { get; init; }
}

/// <summary>An agency's bulk-upload CSV: exact header order, separators, quoting and encoding.</summary>
public sealed record CsvFormat
{
    public required IReadOnlyList<CsvColumn> Columns { get; init; }

    public char Separator { get; init; } = ',';

    /// <summary>Between keywords inside the keywords field.</summary>
    public string KeywordSeparator { get; init; } = ",";

    public CsvQuoting Quoting { get; init; } = CsvQuoting.WhenNeeded;

    /// <summary>
    /// Whether the file starts with a UTF-8 byte order mark. No agency asks for one, and a BOM glued to the first
    /// header can break importers that match the header exactly (Adobe), so no profile sets it.
    /// </summary>
    public bool Utf8Bom { get; init; }

    /// <summary>RFC 4180's CRLF by default, which every importer accepts; a profile changes it only when its sources write otherwise.</summary>
    public string NewLine { get; init; } = "\r\n";

    public string Yes { get; init; } = "yes";

    public string No { get; init; } = "no";

    /// <summary>Most rows one file may hold; exports split into several files beyond it.</summary>
    public int? MaxRows { get; init; }

    /// <summary>The file name the export is saved under, e.g. <c>adobe-stock.csv</c>.</summary>
    public required string FileName { get; init; }

    /// <summary>The header line as written, e.g. <c>Filename,Title,Keywords,Category,Releases</c>.</summary>
    public string Header => string.Join(Separator, Columns.Select(column => column.Header));
}
