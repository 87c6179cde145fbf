using System.Globalization;
using TagMyStock.Core.Agencies;
using TagMyStock.Core.Csv;

namespace TagMyStock.Web.Features.Export;

/// <summary>An agency's CSV files in memory: text of a few hundred bytes a row, so even the largest export is small.</summary>
internal static class CsvExport
{
    /// <summary>
    /// The agency's files as Core's <see cref="AgencyCsvWriter"/> writes them, split at its row limit and named as the
    /// command line names them; one header-only file when there is no row.
    /// </summary>
    public static List<(string FileName, byte[] Content)> Files(AgencyProfile agency, IReadOnlyList<CsvRow> rows)
    {
        var format = agency.Csv!.Value;
        var batches = AgencyCsvWriter.Partition(agency, rows).ToList();
        return batches.Count == 0
            ? [(format.FileName, Bytes(agency, []))]
            : [.. batches.Select(batch => (batch.FileName, Bytes(agency, batch.Rows)))];
    }

    private static byte[] Bytes(AgencyProfile agency, IEnumerable<CsvRow> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        AgencyCsvWriter.Write(text, agency, rows);
        var encoding = AgencyCsvWriter.EncodingFor(agency.Csv!.Value);
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(text.ToString())];
    }
}
