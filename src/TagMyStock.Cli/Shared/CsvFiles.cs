using System.Text;
using TagMyStock.Core.Agencies;
using TagMyStock.Core.Csv;

namespace TagMyStock.Cli.Shared;

/// <summary>Writes CSV files to disk in each format's encoding, split where an agency caps the rows per file.</summary>
public static class CsvFiles
{
    /// <summary>Writes the agency's CSV file(s) into <paramref name="folder"/>; returns the paths written.</summary>
    public static IReadOnlyList<string> Write(string folder, AgencyProfile agency, IEnumerable<CsvRow> rows)
    {
        var encoding = AgencyCsvWriter.EncodingFor(agency.Csv!.Value);
        var written = new List<string>();
        foreach (var batch in AgencyCsvWriter.Partition(agency, rows))
        {
            var path = Path.Combine(folder, batch.FileName);
            using var writer = new StreamWriter(path, append: false, encoding);
            AgencyCsvWriter.Write(writer, agency, batch.Rows);
            written.Add(path);
        }

        return written;
    }

    public static string WriteNative(string path, IEnumerable<CsvRow> rows)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        NativeCsv.Write(writer, rows);
        return path;
    }
}
