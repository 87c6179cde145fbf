using TagMyStock.Core.Agencies;

namespace TagMyStock.Web.Features.Export;

/// <summary>
/// The names images carry in one export, the same in its CSV and its zip, since agencies match rows to files by
/// name: the contributor's own name where every target agency takes it and no other image of the export has it,
/// else one made by <see cref="AgencyFileNames.SafeName"/> (what the command line's <c>--rename</c> gives).
/// </summary>
internal sealed class ExportNames(IReadOnlyList<AgencyProfile> agencies)
{
    private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase);

    public string Claim(string fileName)
    {
        var name = Path.GetFileName(fileName);
        if (agencies.All(agency => AgencyFileNames.Accepts(agency, name)) && _taken.Add(name))
        {
            return name;
        }

        var safe = AgencyFileNames.SafeName(name, agencies, _taken.Contains);
        _taken.Add(safe);
        return safe;
    }
}
