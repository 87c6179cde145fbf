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
    PeopleReleased,
    PropertyReleased,
    Releases,
    Prompt,
    Model,
}

public enum CsvQuoting
{
    /// <summary>Quote a field only when it holds the separator, a quote or a line break (RFC 4180).</summary>
    WhenNeeded,

    /// <summary>Quote every text field; booleans and numbers stay bare.</summary>
    AllText,
}

/// <summary>One column: its exact header and what goes in it.</summary>
public sealed record CsvColumn(string Header, CsvField Field, int Index = -1)
{
    /// <summary>Quote this column even under <see cref="CsvQuoting.WhenNeeded"/> (Adobe's sample quotes Keywords).</summary>
    public bool AlwaysQuote { get; init; }

    /// <summary>A fixed value written in every row (e.g. a licence type), instead of one derived from the metadata.</summary>
    public string? Constant { get; init; }
}

/// <summary>An agency's bulk-upload CSV: exact header order, separators, quoting and encoding.</summary>
public sealed record CsvFormat
{
    public required IReadOnlyList<CsvColumn> Columns { get; init; }

    public char Separator { get; init; } = ',';

    /// <summary>Between keywords inside the keywords field.</summary>
    public string KeywordSeparator { get; init; } = ",";

    public CsvQuoting Quoting { get; init; } = CsvQuoting.WhenNeeded;

    public bool Utf8Bom { get; init; }

    public string NewLine { get; init; } = "\r\n";

    public string Yes { get; init; } = "yes";

    public string No { get; init; } = "no";

    /// <summary>Most rows one file may hold; exports split into several files beyond it.</summary>
    public int? MaxRows { get; init; }

    /// <summary>The file name the export is saved under, e.g. <c>adobe-stock.csv</c>.</summary>
    public required string FileName { get; init; }
}
