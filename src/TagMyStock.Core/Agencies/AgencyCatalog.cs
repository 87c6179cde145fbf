using TagMyStock.Core.Agencies.Profiles;

namespace TagMyStock.Core.Agencies;

/// <summary>The agencies TagMyStock knows, and how the command line names them.</summary>
public static class AgencyCatalog
{
    /// <summary>The word that selects every agency in <see cref="ParseList"/>.</summary>
    public const string AllKeyword = "all";

    public static IReadOnlyList<AgencyProfile> All { get; } =
    [
        AdobeStock.Profile,
        Shutterstock.Profile,
        GettyImages.Profile,
        Pond5.Profile,
        Dreamstime.Profile,
        Rf123.Profile,
        Alamy.Profile,
        Freepik.Profile,
        Vecteezy.Profile,
        Depositphotos.Profile,
    ];

    /// <summary>The agency with this id, alias or display name (any case, surrounding spaces ignored), or null.</summary>
    public static AgencyProfile? Find(string idOrAliasOrName)
    {
        var wanted = idOrAliasOrName.Trim();
        return All.FirstOrDefault(agency =>
            Matches(agency.Id, wanted)
            || Matches(agency.Name, wanted)
            || agency.Aliases.Any(alias => Matches(alias, wanted)));
    }

    /// <summary>
    /// The agencies named in a comma-separated list such as <c>adobe, shutterstock</c>, in the order given and
    /// without repeats; <c>all</c> selects every agency.
    /// </summary>
    /// <exception cref="ArgumentException">A name matches no agency, or the list names none.</exception>
    public static IReadOnlyList<AgencyProfile> ParseList(string commaSeparated)
    {
        var names = commaSeparated.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0)
        {
            throw new ArgumentException($"No agency given. {KnownIdsSentence}", nameof(commaSeparated));
        }

        if (names.Any(name => Matches(name, AllKeyword)))
        {
            return All;
        }

        var agencies = new List<AgencyProfile>(names.Length);
        foreach (var name in names)
        {
            var agency = Find(name) ?? throw new ArgumentException($"Unknown agency \"{name}\". {KnownIdsSentence}", nameof(commaSeparated));
            if (!agencies.Contains(agency))
            {
                agencies.Add(agency);
            }
        }

        return agencies;
    }

    private static string KnownIdsSentence => $"Known agencies: {string.Join(", ", All.Select(agency => agency.Id))}, or {AllKeyword}.";

    private static bool Matches(string name, string wanted) => string.Equals(name, wanted, StringComparison.OrdinalIgnoreCase);
}
