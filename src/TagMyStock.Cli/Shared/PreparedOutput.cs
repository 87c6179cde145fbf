using TagMyStock.Core.Agencies;
using TagMyStock.Core.Preparation;

namespace TagMyStock.Cli.Shared;

/// <summary>The command line's side of <see cref="Core.Preparation.AgencyPreparation"/>: CSV files on disk and the reports.</summary>
public static class PreparedOutput
{
    /// <summary>TagMyStock's own CSV, which <c>embed</c> and <c>export</c> read back after the user edits it.</summary>
    public const string NativeCsvFileName = "tagmystock.csv";

    /// <summary>
    /// Writes each agency's CSV (those that have one) into <paramref name="folder"/>, and TagMyStock's own when
    /// <paramref name="withNative"/>; returns the paths.
    /// </summary>
    public static List<string> WriteCsvs(string folder, IReadOnlyList<AgencyProfile> agencies, IReadOnlyList<PreparedImage> images, bool withNative)
    {
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        foreach (var agency in agencies.Where(agency => agency.Csv is not null))
        {
            written.AddRange(CsvFiles.Write(folder, agency, images.Select(image => image.RowFor(image.For(agency).Metadata))));
        }

        if (withNative)
        {
            written.Add(CsvFiles.WriteNative(Path.Combine(folder, NativeCsvFileName), images.Select(image => image.RowFor(image.Metadata))));
        }

        return written;
    }

    /// <summary>The notices of <see cref="Core.Preparation.AgencyPreparation.Notices"/> for a batch of prepared images.</summary>
    public static List<string> Notices(IReadOnlyList<AgencyProfile> agencies, IReadOnlyList<PreparedImage> images) =>
        Core.Preparation.AgencyPreparation.Notices(agencies, images.Select(image => image.Metadata));

    /// <summary>What is still wrong for each agency, as the reports show it.</summary>
    public static IReadOnlyList<AgencyReport> Reports(this PreparedImage image) =>
        [.. image.ForAgencies.Select(version => AgencyReport.From(version.Agency, version.Report))];
}
