using TagMyStock.Core.Csv;

namespace TagMyStock.Cli.Shared;

/// <summary>A CSV named on the command line, read whole: its rows, and its bad rows as failed reports.</summary>
public sealed record CsvInput(string Path, CsvReadResult Csv)
{
    /// <summary>Reads <paramref name="path"/> in any format TagMyStock knows; a missing file is a usage error.</summary>
    public static CsvInput Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"The CSV file '{path}' does not exist.");
        }

        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return new CsvInput(path, MetadataCsvReader.Read(reader));
    }

    public IReadOnlyList<CsvRow> Rows => Csv.Rows;

    /// <summary>Tells the user which layout the file was read as, so a wrong guess is seen at once.</summary>
    public string Notice => $"{Path}: read as {Csv.FormatName}, {Csv.Rows.Count} row(s).";

    /// <summary>Each row that could not be read, as a failed file named <c>path:line</c>.</summary>
    public IEnumerable<FileReport> ErrorReports => Csv.Errors.Select(error => FileReport.Failed($"{Path}:{error.Line}", error.Message));
}
