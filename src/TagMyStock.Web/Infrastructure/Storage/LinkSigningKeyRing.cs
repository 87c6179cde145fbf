using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TagMyStock.Web.Infrastructure.Data;

namespace TagMyStock.Web.Infrastructure.Storage;

/// <summary>
/// The HMAC keys that sign <see cref="LocalBlobLinks"/>, kept in the database so every node signs and
/// verifies alike. A page lists dozens of links, so signing must cost microseconds: a Data Protection
/// <c>Protect</c> per link (a key derivation, a cipher and a MAC each time) cost a sixth of a gallery
/// page. The secrets themselves are stored protected by Data Protection, so the table alone reveals nothing.
/// </summary>
/// <remarks>
/// Links are signed with the newest key and name it; a key older than <see cref="RotationAge"/> is replaced
/// by a new one at the next refresh, and deleted once no link it signed can still be valid. Two nodes that
/// rotate at the same moment each add a key, which is harmless: every link says which key signed it.
/// </remarks>
public sealed class LinkSigningKeyRing(
    IServiceScopeFactory scopes, IDataProtectionProvider dataProtection, TimeProvider time, ILogger<LinkSigningKeyRing> logger)
    : BackgroundService
{
    public static readonly TimeSpan RotationAge = TimeSpan.FromDays(30);

    private static readonly TimeSpan RefreshInterval = TimeSpan.FromHours(1);

    private readonly IDataProtector _protector = dataProtection.CreateProtector("TagMyStock.Storage.LinkSigningKeys.v1");
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private volatile KeySet? _keys;

    /// <summary>The key new links are signed with.</summary>
    /// <exception cref="InvalidOperationException">The keys have not been loaded: the app has not started.</exception>
    public SigningKey Current => (_keys ?? throw new InvalidOperationException("The link signing keys are loaded when the app starts; it has not started.")).Current;

    /// <summary>The key named by a link, looking in the database when another node made it after this one's last refresh.</summary>
    public async ValueTask<SigningKey?> FindAsync(int id, CancellationToken cancellationToken)
    {
        if (_keys?.Find(id) is { } known)
        {
            return known;
        }

        await RefreshAsync(cancellationToken);
        return _keys?.Find(id);
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await RefreshAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _refreshing.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RefreshInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The keys in memory keep working; the next tick tries again.
                logger.LogError(exception, "Refreshing the link signing keys failed.");
            }
        }
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var keys = scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<LinkSigningKey>();
            var now = time.GetUtcNow().UtcDateTime;
            var expired = now - RotationAge - BlobLinkLifetime.Max;
            await keys.Where(key => key.CreatedAt < expired).ExecuteDeleteAsync(cancellationToken);
            var stored = await keys.AsNoTracking().OrderBy(key => key.Id).ToListAsync(cancellationToken);
            if (stored.Count == 0 || stored[^1].CreatedAt <= now - RotationAge)
            {
                var fresh = new LinkSigningKey { ProtectedSecret = _protector.Protect(RandomNumberGenerator.GetBytes(32)), CreatedAt = now };
                keys.Add(fresh);
                await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync(cancellationToken);
                stored.Add(fresh);
            }

            _keys = new KeySet([.. stored.Select(key => new SigningKey(key.Id, _protector.Unprotect(key.ProtectedSecret)))]);
        }
        finally
        {
            _refreshing.Release();
        }
    }

    private sealed class KeySet(IReadOnlyList<SigningKey> keys)
    {
        public SigningKey Current { get; } = keys[^1];

        public SigningKey? Find(int id) => keys.FirstOrDefault(key => key.Id == id);
    }
}

/// <summary>One HMAC-SHA256 key, named by its row id in the links it signs.</summary>
public sealed record SigningKey(int Id, byte[] Secret);

/// <summary>A row of the key ring: the secret as Data Protection protected it.</summary>
public sealed class LinkSigningKey
{
    public int Id { get; set; }

    public byte[] ProtectedSecret { get; set; } = [];

    public DateTime CreatedAt { get; set; }
}

internal sealed class LinkSigningKeyConfiguration : IEntityTypeConfiguration<LinkSigningKey>
{
    public void Configure(EntityTypeBuilder<LinkSigningKey> key)
    {
        key.ToTable("LinkSigningKeys");
        key.HasKey(k => k.Id);
        key.Property(k => k.ProtectedSecret).HasMaxLength(512);
    }
}
