using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace TagMyStock.Web.Infrastructure.Data;

public static class DatabaseExtensions
{
    /// <summary>Connection string name that switches the app from SQLite to PostgreSQL.</summary>
    public const string PostgresConnectionName = "PostgreSQL";

    /// <summary>
    /// Registers <see cref="AppDbContext"/> on PostgreSQL when <c>ConnectionStrings:PostgreSQL</c> is set,
    /// else on <c>tagmystock.db</c> in the data folder, plus the Data Protection key ring in the same
    /// database so that every node reads the cookies the others wrote. Features add their save interceptors
    /// as <see cref="ISaveChangesInterceptor"/> singletons.
    /// </summary>
    /// <remarks>
    /// The context's options are built once, not again in every request's scope (with a directory check on SQLite):
    /// 2 % of a gallery page's CPU went there (bench/README.md, gallery page).
    /// </remarks>
    public static IHostApplicationBuilder AddDatabase(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section);
        var postgres = builder.Configuration.GetConnectionString(PostgresConnectionName);
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            builder.Services.AddDbContext<AppDbContext, PostgresAppDbContext>((services, options) =>
                options.UseNpgsql(postgres).AddInterceptors(services.GetServices<ISaveChangesInterceptor>()),
                optionsLifetime: ServiceLifetime.Singleton);
        }
        else
        {
            builder.Services.AddDbContext<AppDbContext, SqliteAppDbContext>((services, options) =>
            {
                var data = services.GetRequiredService<IOptions<TagMyStockOptions>>().Value.DataPath;
                Directory.CreateDirectory(data);
                options.UseSqlite($"Data Source={Path.Combine(data, "tagmystock.db")};Pooling=True")
                    .AddInterceptors(services.GetServices<ISaveChangesInterceptor>());
            },
            optionsLifetime: ServiceLifetime.Singleton);
        }

        builder.Services.AddDataProtection().SetApplicationName("TagMyStock").PersistKeysToDbContext<AppDbContext>();
        builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
        return builder;
    }

    /// <summary>Applies pending migrations: the <c>migrate</c> command of a PostgreSQL deployment.</summary>
    public static async Task MigrateDatabaseAsync(this IHost app, CancellationToken cancellationToken)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers (gallery pages) go on while a writer (an upload) commits.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <summary>
    /// Migrates at start unless <c>TagMyStock:Database:MigrateOnStart</c> is false: a self-hosted
    /// SQLite user expects it; a PostgreSQL deployment may prefer to run <c>migrate</c> on release.
    /// </summary>
    public static async Task MigrateDatabaseOnStartAsync(this WebApplication app, CancellationToken cancellationToken)
    {
        if (app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStart)
        {
            await app.MigrateDatabaseAsync(cancellationToken);
        }
    }
}

public sealed class DatabaseOptions
{
    public const string Section = "TagMyStock:Database";

    public bool MigrateOnStart { get; set; } = true;
}
