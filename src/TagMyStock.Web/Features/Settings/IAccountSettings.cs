using TagMyStock.Core.Agencies;
using TagMyStock.Core.Rules;

namespace TagMyStock.Web.Features.Settings;

/// <summary>What an account's metadata is checked against and prepared for: its agencies, and its own rules on top of theirs.</summary>
public sealed record AccountChecks(IReadOnlyList<AgencyProfile> Agencies, UserRules Rules);

/// <summary>
/// What an account's metadata is checked against and prepared for: the agencies it submits to, and its own rules on
/// top of theirs.
/// </summary>
public interface IAccountSettings
{
    /// <summary>The chosen agencies in catalogue order; Adobe Stock and Shutterstock until the account chooses.</summary>
    Task<IReadOnlyList<AgencyProfile>> GetAgenciesAsync(Guid accountId, CancellationToken cancellationToken);

    /// <summary>Replaces the choice, ignoring unknown ids; false (and nothing changed) when no known agency is left.</summary>
    Task<bool> SetAgenciesAsync(Guid accountId, IEnumerable<string> agencyIds, CancellationToken cancellationToken);

    /// <summary>Both <see cref="GetAgenciesAsync"/> and <see cref="GetRulesAsync"/>, in one read.</summary>
    Task<AccountChecks> GetChecksAsync(Guid accountId, CancellationToken cancellationToken);

    /// <summary>The account's own rules; <see cref="UserRules.None"/> until it sets some.</summary>
    Task<UserRules> GetRulesAsync(Guid accountId, CancellationToken cancellationToken);

    /// <summary>Replaces the account's rules, or clears them with null.</summary>
    /// <exception cref="UserRulesException">The rules contradict themselves; nothing was changed.</exception>
    Task SetRulesAsync(Guid accountId, UserRules? rules, CancellationToken cancellationToken);
}
