using TagMyStock.Core.Metadata;

namespace TagMyStock.Core.Csv;

/// <summary>One image in a CSV: the file it describes, its metadata, and what only some agencies' CSVs carry.</summary>
/// <param name="FileName">The uploaded file's name with its extension, which links the row to the file.</param>
public sealed record CsvRow(string FileName, ImageMetadata Metadata)
{
    /// <summary>The generative-AI prompt (Freepik's Prompt column).</summary>
    public string? Prompt { get; init; }

    /// <summary>The generator's name, e.g. "Midjourney 6" (Freepik's Model column).</summary>
    public string? Model { get; init; }

    /// <summary>Names of releases already uploaded to the agency (Adobe's Releases, Pond5's release).</summary>
    public IReadOnlyList<string> Releases { get; init; } = [];

    public bool Equals(CsvRow? other) =>
        other is not null
        && string.Equals(FileName, other.FileName, StringComparison.Ordinal)
        && Metadata.Equals(other.Metadata)
        && string.Equals(Prompt, other.Prompt, StringComparison.Ordinal)
        && string.Equals(Model, other.Model, StringComparison.Ordinal)
        && Releases.SequenceEqual(other.Releases, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(FileName, Metadata, Releases.Count);
}
