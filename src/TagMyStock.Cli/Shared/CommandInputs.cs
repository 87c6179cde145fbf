using TagMyStock.Core.Agencies;
using TagMyStock.Core.Rules;

namespace TagMyStock.Cli.Shared;

/// <summary>Turns command-line values into the core's types, with usage errors a person can act on.</summary>
public static class CommandInputs
{
    public static IReadOnlyList<AgencyProfile> Agencies(string list)
    {
        try
        {
            return AgencyCatalog.ParseList(list);
        }
        catch (ArgumentException exception)
        {
            throw new UsageException(exception.Message);
        }
    }

    /// <summary>
    /// <c>--category agency=value</c> options as a category per agency id. The value is a code or a name
    /// ("adobe=11", "adobe=Landscapes", "shutterstock=Nature,Parks/Outdoor"); validation checks it against the
    /// agency's list and turns names into codes.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Categories(IEnumerable<string> options)
    {
        var categories = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var option in options)
        {
            var parts = option.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[1].Length == 0)
            {
                throw new UsageException($"--category \"{option}\" should read agency=category, e.g. --category adobe=Landscapes or --category shutterstock=Nature.");
            }

            var agency = AgencyCatalog.Find(parts[0])
                ?? throw new UsageException($"--category \"{option}\": unknown agency \"{parts[0]}\". Known: {string.Join(", ", AgencyCatalog.All.Select(known => known.Id))}.");
            categories[agency.Id] = parts[1];
        }

        return categories;
    }

    public static async Task<UserRules?> RulesAsync(string? path, CancellationToken cancellationToken)
    {
        if (path is null)
        {
            return null;
        }

        if (!File.Exists(path))
        {
            throw new UsageException($"The rules file '{path}' does not exist.");
        }

        try
        {
            return UserRules.FromJson(await File.ReadAllTextAsync(path, cancellationToken));
        }
        catch (UserRulesException exception)
        {
            throw new UsageException($"The rules file '{path}' is not valid: {exception.Message}");
        }
    }

    /// <summary>The reason a file failed, in words: the exception's own message for the errors we raise on purpose.</summary>
    public static string Describe(Exception exception, string file) =>
        exception switch
        {
            UnauthorizedAccessException => $"{Path.GetFileName(file)} cannot be read or written here (permission denied).",
            FileNotFoundException { FileName: not null } => $"{Path.GetFileName(file)} does not exist.",
            _ => exception.Message,
        };
}
