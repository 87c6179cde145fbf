using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TagMyStock.Web.Features.Settings;
using TagMyStock.Web.Infrastructure.Data;

namespace TagMyStock.Web.Features.Gallery;

/// <summary>
/// A number per account that goes up whenever any of its images is added, changed or deleted, or its settings change
/// (its own rules decide which images have problems), on any node. Cached gallery pages are keyed by it, so a change
/// anywhere makes every node render afresh.
/// </summary>
public sealed class GalleryVersion
{
    public Guid OwnerId { get; set; }

    public long Version { get; set; }
}

internal sealed class GalleryVersionConfiguration : IEntityTypeConfiguration<GalleryVersion>
{
    public void Configure(EntityTypeBuilder<GalleryVersion> version)
    {
        version.ToTable("GalleryVersions");
        version.HasKey(v => v.OwnerId);
    }
}

/// <summary>
/// An account's gallery version as this node should key its page cache: the database's version, read at most
/// once a second per account (so a busy gallery costs no query per view), joined with a count of the saves
/// made on this node, which changes at once. A change made here shows at the next view; one made on another
/// node within a second. A request that asks for a fresh page (<c>Cache-Control: no-cache</c>, a reload)
/// skips the cache anyway.
/// </summary>
internal sealed class GalleryVersions(IServiceScopeFactory scopes, TimeProvider time)
{
    private static readonly TimeSpan DatabaseReadInterval = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<Guid, (long Version, long ReadAt)> _database = new();
    private readonly ConcurrentDictionary<Guid, long> _localSaves = new();

    public async ValueTask<string> CacheKeyAsync(Guid ownerId, CancellationToken cancellationToken)
    {
        var localSaves = _localSaves.GetValueOrDefault(ownerId);
        var now = time.GetTimestamp();
        if (!_database.TryGetValue(ownerId, out var known) || time.GetElapsedTime(known.ReadAt, now) > DatabaseReadInterval)
        {
            await using var scope = scopes.CreateAsyncScope();
            var version = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<GalleryVersion>()
                .Where(v => v.OwnerId == ownerId)
                .Select(v => v.Version)
                .FirstOrDefaultAsync(cancellationToken);
            known = (version, now);
            _database[ownerId] = known;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{known.Version}.{localSaves}");
    }

    /// <summary>Called by <see cref="GalleryVersionInterceptor"/> once a save of the account's images succeeded.</summary>
    public void Changed(Guid ownerId) => _localSaves.AddOrUpdate(ownerId, 1, (_, saves) => saves + 1);
}

/// <summary>
/// Raises the gallery version of every account whose images or settings a save changed, once the save has succeeded:
/// raising it before would let a page rendered from the old rows be cached under the new version. Every
/// write of images and settings goes through SaveChanges (no bulk update or delete touches them), so none is missed.
/// </summary>
internal sealed class GalleryVersionInterceptor(GalleryVersions versions) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, HashSet<Guid>> _changedOwners = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Remember(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData.Context);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        foreach (var owner in Take(eventData.Context))
        {
            await eventData.Context!.Database.ExecuteSqlAsync(Raise(owner), cancellationToken);
            versions.Changed(owner);
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        foreach (var owner in Take(eventData.Context))
        {
            eventData.Context!.Database.ExecuteSql(Raise(owner));
            versions.Changed(owner);
        }

        return result;
    }

    /// <summary>An upsert both SQLite and PostgreSQL understand: the first change of an account creates its row.</summary>
    private static FormattableString Raise(Guid owner) =>
        $"""INSERT INTO "GalleryVersions" ("OwnerId", "Version") VALUES ({owner}, 1) ON CONFLICT ("OwnerId") DO UPDATE SET "Version" = "GalleryVersions"."Version" + 1""";

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Take(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Take(eventData.Context);
        return Task.CompletedTask;
    }

    private void Remember(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var owners = Changed(context.ChangeTracker.Entries<StockImage>()).Select(entry => entry.Entity.OwnerId)
            .Concat(Changed(context.ChangeTracker.Entries<AccountSettings>()).Select(entry => entry.Entity.AccountId))
            .ToHashSet();
        if (owners.Count > 0)
        {
            _changedOwners.AddOrUpdate(context, owners);
        }
    }

    private static IEnumerable<EntityEntry<T>> Changed<T>(IEnumerable<EntityEntry<T>> entries)
        where T : class =>
        entries.Where(entry => entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);

    /// <summary>The owners a save of <paramref name="context"/> changed, forgotten as they are handed out.</summary>
    private IReadOnlyCollection<Guid> Take(DbContext? context)
    {
        if (context is null || !_changedOwners.TryGetValue(context, out var owners))
        {
            return [];
        }

        _changedOwners.Remove(context);
        return owners;
    }
}
