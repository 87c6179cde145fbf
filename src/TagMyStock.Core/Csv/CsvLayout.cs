using TagMyStock.Core.Agencies;

namespace TagMyStock.Core.Csv;

/// <summary>A CSV layout recognised from a header: which format, and which of its columns each file column is.</summary>
/// <param name="ColumnAt">For each column of the file, the format's column of that name, or null to ignore it.</param>
internal sealed record CsvLayout(string FormatName, string? AgencyId, CsvFormat Format, IReadOnlyList<CsvColumn?> ColumnAt)
{
    private bool HasFileName => ColumnAt.Any(column => column?.Field == CsvField.FileName);

    private int MatchedCount => ColumnAt.Count(column => column is not null);

    /// <summary>Columns of the format the file lacks: the fewer, the closer the file is to that format.</summary>
    private int MissingCount => Format.Columns.Count - ColumnAt.OfType<CsvColumn>().Distinct().Count();

    /// <summary>
    /// The layout the header belongs to: of those naming the most columns, TagMyStock's own, except against an
    /// agency's complete header with the file's separator (that agency's export) when TagMyStock's would read it
    /// differently: the file has a Categories column (same name, other notation) or is not comma-separated.
    /// Among agencies, the one with the file's separator and the fewest of its columns missing.
    /// </summary>
    public static CsvLayout? Recognise(IReadOnlyList<string> headers, char separator, List<CsvRowError> errors)
    {
        var candidates = AgencyCatalog.All
            .Where(agency => agency.Csv is not null)
            .Select(agency => Match(agency.Name, agency.Id, agency.Csv!.Value, headers))
            .Prepend(Match(NativeCsv.FormatName, null, NativeCsv.Format, headers))
            .Where(layout => layout.HasFileName)
            .ToList();
        if (candidates.Count == 0)
        {
            var agencies = string.Join(", ", AgencyCatalog.All.Where(agency => agency.HasCsv).Select(agency => agency.Name));
            errors.Add(new(1, $"The header \"{string.Join(", ", headers)}\" matches no CSV layout TagMyStock knows: it has no file name "
                + $"column. Use TagMyStock's columns ({string.Join(", ", NativeCsv.Format.Columns.Select(column => column.Header))}; "
                + $"Filename and any of the others) or the header of an agency's CSV ({agencies})."));
            return null;
        }

        var most = candidates.Max(layout => layout.MatchedCount);
        var best = candidates.Where(layout => layout.MatchedCount == most).ToList();
        var native = best.Find(layout => layout.AgencyId is null);
        var agency = best
            .Where(layout => layout.AgencyId is not null)
            .OrderBy(layout => layout.Format.Separator == separator ? 0 : 1)
            .ThenBy(layout => layout.MissingCount)
            .FirstOrDefault();
        var isAgencyExport = agency is { MissingCount: 0 } && agency.Format.Separator == separator;
        var chosen = native is not null
            && !(isAgencyExport && (native.Has(CsvField.CategoriesByAgency) || separator != NativeCsv.Format.Separator))
            ? native
            : agency!;
        chosen.ReportIgnored(headers, errors);
        return chosen;
    }

    /// <summary>The layout of the named agency's CSV, whatever the header looks like.</summary>
    public static CsvLayout? ForAgency(string agencyId, IReadOnlyList<string> headers, List<CsvRowError> errors)
    {
        var agency = AgencyCatalog.Find(agencyId);
        if (agency?.Csv is not { Value: var format })
        {
            errors.Add(new(1, agency is null
                ? $"\"{agencyId}\" is not an agency TagMyStock knows ({string.Join(", ", AgencyCatalog.All.Select(known => known.Id))})."
                : $"{agency.Name} has no CSV upload that TagMyStock knows of."));
            return null;
        }

        var layout = Match(agency.Name, agency.Id, format, headers);
        if (!layout.HasFileName)
        {
            errors.Add(new(1, $"The header \"{string.Join(", ", headers)}\" does not fit the {agency.Name} CSV, whose header is {format.Header}."));
            return null;
        }

        layout.ReportIgnored(headers, errors);
        return layout;
    }

    private static CsvLayout Match(string name, string? agencyId, CsvFormat format, IReadOnlyList<string> headers) =>
        new(
            name,
            agencyId,
            format,
            [.. headers.Select(header => format.Columns.FirstOrDefault(column => string.Equals(column.Header, header, StringComparison.OrdinalIgnoreCase)))]);

    private bool Has(CsvField field) => ColumnAt.Any(column => column?.Field == field);

    private void ReportIgnored(IReadOnlyList<string> headers, List<CsvRowError> errors)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            if (headers[i].Length > 0 && ColumnAt[i] is null)
            {
                errors.Add(new(1, $"Column \"{headers[i]}\" is not part of the {FormatName} CSV and was ignored."));
            }
        }
    }
}
