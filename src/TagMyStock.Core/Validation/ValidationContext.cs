using TagMyStock.Core.Agencies;
using TagMyStock.Core.Rules;

namespace TagMyStock.Core.Validation;

/// <summary>What every check needs: the agency, the user's rules, and how to word and weigh a limit.</summary>
internal sealed class ValidationContext(AgencyProfile agency, UserRules rules)
{
    public AgencyProfile Agency { get; } = agency;

    public UserRules Rules { get; } = rules;

    public string AgencyName => Agency.Name;

    /// <summary>Keys of the user's required keywords: agency fixes never remove them.</summary>
    public IReadOnlySet<string> ProtectedKeys { get; } = rules.RequiredKeys;

    /// <summary>
    /// Breaking an agency limit blocks the upload when we trust the limit (the agency's own page, or other
    /// tools enforcing it); a limit only a third party reports is a warning, since the agency may not apply it.
    /// </summary>
    public static Severity LimitSeverity(Confidence confidence) =>
        confidence == Confidence.Unverified ? Severity.Warning : Severity.Blocking;

    /// <summary>" (…)" telling the user how sure we are of a fact, or nothing when the agency itself says so.</summary>
    public string Certainty(Confidence confidence, string source) => confidence switch
    {
        Confidence.Verified => "",
        Confidence.Peer => $" (other tools apply this; {AgencyName} has not confirmed it: {source})",
        _ => $" (not confirmed by {AgencyName}; source: {source})",
    };

    public string Certainty<T>(Sourced<T> fact) => Certainty(fact.Confidence, fact.Source);

    public static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    /// <summary>Up to <paramref name="shown"/> quoted examples, then "and N more".</summary>
    public static string Examples(IEnumerable<string> items, int shown = 5)
    {
        var list = items.ToList();
        var quoted = string.Join(", ", list.Take(shown).Select(item => $"\"{item}\""));
        return list.Count > shown ? $"{quoted} and {list.Count - shown} more" : quoted;
    }
}
