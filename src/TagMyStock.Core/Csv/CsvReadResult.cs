using System.Collections.Frozen;

namespace TagMyStock.Core.Csv;

/// <summary>A problem with one line of a CSV, worded for the person who made the file.</summary>
/// <param name="Line">The 1-based line the record starts on (the header is line 1).</param>
public sealed record CsvRowError(int Line, string Message)
{
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Line {Line}: {Message}");
}

/// <summary>What <see cref="MetadataCsvReader.Read"/> found.</summary>
/// <param name="FormatName">"TagMyStock" for TagMyStock's own CSV, the agency's name for an agency's CSV, or "unknown".</param>
/// <param name="AgencyId">The agency whose layout was recognised, or null for TagMyStock's own or an unknown one.</param>
/// <param name="Rows">Every row that could be read, in file order.</param>
/// <param name="Errors">Every line that could not be read, or only partly, in file order.</param>
public sealed record CsvReadResult(string FormatName, string? AgencyId, IReadOnlyList<CsvRow> Rows, IReadOnlyList<CsvRowError> Errors)
{
    /// <summary>
    /// The fields the CSV has a column for (never <see cref="CsvField.Empty"/>). A field without a column says
    /// nothing, which differs from a column left empty or set to no: a CSV without an AI column, for instance,
    /// does not say that its images are not AI-generated.
    /// </summary>
    public IReadOnlySet<CsvField> Fields { get; init; } = FrozenSet<CsvField>.Empty;
}
