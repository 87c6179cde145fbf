using Microsoft.EntityFrameworkCore;
using TagMyStock.Core.Agencies;
using TagMyStock.Core.Agencies.Profiles;
using TagMyStock.Web.Infrastructure.Data;

namespace TagMyStock.Web.Features.Settings;

internal sealed class AccountSettingsStore(AppDbContext db, TimeProvider time) : IAccountSettings
{
    /// <summary>The two largest microstock agencies, where most contributors start.</summary>
    public static IReadOnlyList<AgencyProfile> DefaultAgencies { get; } = [AdobeStock.Profile, Shutterstock.Profile];

    public async Task<IReadOnlyList<AgencyProfile>> GetAgenciesAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var stored = await db.Set<AccountSettings>()
            .Where(settings => settings.AccountId == accountId)
            .Select(settings => settings.Agencies)
            .SingleOrDefaultAsync(cancellationToken);
        var chosen = stored is null ? [] : Known(stored.Split(','));
        return chosen.Count > 0 ? chosen : DefaultAgencies;
    }

    public async Task<bool> SetAgenciesAsync(Guid accountId, IEnumerable<string> agencyIds, CancellationToken cancellationToken)
    {
        var chosen = Known(agencyIds);
        if (chosen.Count == 0)
        {
            return false;
        }

        var settings = await db.Set<AccountSettings>().SingleOrDefaultAsync(s => s.AccountId == accountId, cancellationToken);
        if (settings is null)
        {
            settings = new AccountSettings { AccountId = accountId };
            db.Add(settings);
        }

        settings.Agencies = string.Join(',', chosen.Select(agency => agency.Id));
        settings.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The catalogue's agencies among <paramref name="ids"/>, in catalogue order so every page lists them alike.</summary>
    private static List<AgencyProfile> Known(IEnumerable<string> ids)
    {
        var wanted = ids.Select(id => id.Trim()).ToHashSet(StringComparer.Ordinal);
        return [.. AgencyCatalog.All.Where(agency => wanted.Contains(agency.Id))];
    }
}
