using TagMyStock.Core.Agencies;

namespace TagMyStock.Cli.Shared;

/// <summary>
/// The name each image goes to the agencies under (in the CSVs and for embedded copies): its own, or with
/// <c>--rename</c> one every chosen agency accepts. Agencies match CSV rows to files by name, so two images
/// of a batch may never share one.
/// </summary>
public sealed class OutputNames(IReadOnlyList<AgencyProfile> agencies, bool rename)
{
    private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();

    public string Claim(string path)
    {
        var name = Path.GetFileName(path);
        lock (_lock)
        {
            if (rename)
            {
                var safe = AgencyFileNames.SafeName(name, agencies, _taken.Contains);
                _taken.Add(safe);
                return safe;
            }

            return _taken.Add(name)
                ? name
                : throw new IOException($"another image named {name} is already in this batch; agencies match files by name, so rename one of them (tag can do it for you: --embed --rename).");
        }
    }
}
