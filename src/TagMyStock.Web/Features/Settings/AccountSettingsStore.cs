using Microsoft.EntityFrameworkCore;
using TagMyStock.Core.Agencies;
using TagMyStock.Core.Agencies.Profiles;
using TagMyStock.Core.Rules;
using TagMyStock.Web.Infrastructure.Data;

namespace TagMyStock.Web.Features.Settings;

internal sealed class AccountSettingsStore(AppDbContext db, TimeProvider time) : IAccountSettings
{
    /// <summary>The two largest microstock agencies, where most contributors start.</summary>
    public static IReadOnlyList<AgencyProfile> DefaultAgencies { get; } = [AdobeStock.Profile, Shutterstock.Profile];

    public async Task<IReadOnlyList<AgencyProfile>> GetAgenciesAsync(Guid accountId, CancellationToken cancellationToken) =>
        Agencies(await Row(accountId).Select(settings => settings.Agencies).SingleOrDefaultAsync(cancellationToken));

    public async Task<AccountChecks> GetChecksAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var stored = await Row(accountId).Select(settings => new { settings.Agencies, settings.Rules }).SingleOrDefaultAsync(cancellationToken);
        return new AccountChecks(Agencies(stored?.Agencies), Rules(stored?.Rules));
    }

    public async Task<bool> SetAgenciesAsync(Guid accountId, IEnumerable<string> agencyIds, CancellationToken cancellationToken)
    {
        var chosen = Known(agencyIds);
        if (chosen.Count == 0)
        {
            return false;
        }

        var settings = await RowAsync(accountId, cancellationToken);
        settings.Agencies = string.Join(',', chosen.Select(agency => agency.Id));
        await SaveAsync(settings, cancellationToken);
        return true;
    }

    public async Task<UserRules> GetRulesAsync(Guid accountId, CancellationToken cancellationToken) =>
        Rules(await Row(accountId).Select(settings => settings.Rules).SingleOrDefaultAsync(cancellationToken));

    public async Task SetRulesAsync(Guid accountId, UserRules? rules, CancellationToken cancellationToken)
    {
        rules?.ThrowIfInconsistent();
        var settings = await RowAsync(accountId, cancellationToken);
        settings.Rules = rules?.ToJson();
        await SaveAsync(settings, cancellationToken);
    }

    /// <summary>The account's row, tracked; a new one (agencies empty, meaning the defaults) when it has none yet.</summary>
    private async Task<AccountSettings> RowAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var settings = await db.Set<AccountSettings>().SingleOrDefaultAsync(s => s.AccountId == accountId, cancellationToken);
        if (settings is null)
        {
            settings = new AccountSettings { AccountId = accountId };
            db.Add(settings);
        }

        return settings;
    }

    private async Task SaveAsync(AccountSettings settings, CancellationToken cancellationToken)
    {
        settings.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }

    private IQueryable<AccountSettings> Row(Guid accountId) => db.Set<AccountSettings>().Where(settings => settings.AccountId == accountId);

    /// <summary>The stored choice of agencies, or the defaults when there is none.</summary>
    private static IReadOnlyList<AgencyProfile> Agencies(string? stored)
    {
        var chosen = stored is null ? [] : Known(stored.Split(','));
        return chosen.Count > 0 ? chosen : DefaultAgencies;
    }

    private static UserRules Rules(string? stored) => stored is null ? UserRules.None : UserRules.FromJson(stored);

    /// <summary>The catalogue's agencies among <paramref name="ids"/>, in catalogue order so every page lists them alike.</summary>
    private static List<AgencyProfile> Known(IEnumerable<string> ids)
    {
        var wanted = ids.Select(id => id.Trim()).ToHashSet(StringComparer.Ordinal);
        return [.. AgencyCatalog.All.Where(agency => wanted.Contains(agency.Id))];
    }
}
