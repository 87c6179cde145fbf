using Microsoft.EntityFrameworkCore;

namespace TagMyStock.Web.Infrastructure.Data;

public sealed class MigrationTests
{
    /// <summary>An entity changed without regenerating a provider's migrations fails here, not on a user's start.</summary>
    [Fact]
    public void Both_providers_migrations_match_the_model()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);

        Assert.False(sqlite.Database.HasPendingModelChanges(), "Regenerate the SQLite migrations (docs/ARCHITECTURE.md says how).");
        Assert.False(postgres.Database.HasPendingModelChanges(), "Regenerate the PostgreSQL migrations (docs/ARCHITECTURE.md says how).");
    }
}
