using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using TagMyStock.Web.Features.Accounts;

namespace TagMyStock.Web.Infrastructure.Data;

/// <summary>
/// The one database of the app. Each feature maps its own tables with an
/// <see cref="IEntityTypeConfiguration{TEntity}"/> in its folder and reaches them through
/// <see cref="DbContext.Set{TEntity}()"/>; this class only knows the identity tables and the
/// Data Protection keys that every node shares.
/// </summary>
/// <remarks>
/// Two subclasses, <see cref="SqliteAppDbContext"/> and <see cref="PostgresAppDbContext"/>, exist only
/// so that each provider has its own migrations; code depends on this type.
/// </remarks>
public abstract class AppDbContext(DbContextOptions options)
    : IdentityDbContext<Account, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}

/// <summary>The embedded default: a SQLite file under the data folder.</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

/// <summary>The scale-out database, selected by <c>ConnectionStrings:PostgreSQL</c>.</summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
