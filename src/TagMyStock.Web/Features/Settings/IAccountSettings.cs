using TagMyStock.Core.Agencies;

namespace TagMyStock.Web.Features.Settings;

/// <summary>The agencies an account submits to: what the editor validates against and tagging prepares for.</summary>
public interface IAccountSettings
{
    /// <summary>The chosen agencies in catalogue order; Adobe Stock and Shutterstock until the account chooses.</summary>
    Task<IReadOnlyList<AgencyProfile>> GetAgenciesAsync(Guid accountId, CancellationToken cancellationToken);

    /// <summary>Replaces the choice, ignoring unknown ids; false (and nothing changed) when no known agency is left.</summary>
    Task<bool> SetAgenciesAsync(Guid accountId, IEnumerable<string> agencyIds, CancellationToken cancellationToken);
}
