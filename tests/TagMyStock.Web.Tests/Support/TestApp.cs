using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TagMyStock.Web.Infrastructure.Data;

namespace TagMyStock.Web.Support;

/// <summary>
/// The whole web app, started in-process on its own data folder and its own database (SQLite file or a
/// fresh PostgreSQL database), in the Production environment so that production headers and cookies are
/// what the tests see. One per test: <c>await using var app = await TestApp.StartAsync(database);</c>
/// Browser tests start it on real Kestrel instead: <see cref="StartBrowserServerAsync"/>.
/// </summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly string? _postgresDatabase;
    private readonly Action<IServiceCollection>? _services;

    private TestApp(string dataDirectory, string? postgresDatabase, Dictionary<string, string?> settings, Action<IServiceCollection>? services)
    {
        _services = services;
        DataDirectory = dataDirectory;
        _postgresDatabase = postgresDatabase;
        _settings = settings;
        // Not "localhost": HSTS is never sent to loopback names.
        ClientOptions.BaseAddress = new Uri("https://tagmystock.test");
        ClientOptions.AllowAutoRedirect = false;
    }

    public string DataDirectory { get; }

    public Database Database => _postgresDatabase is null ? Database.Sqlite : Database.Postgres;

    /// <summary>Where a browser reaches the app, such as <c>http://127.0.0.1:41234/</c>; only after <see cref="StartBrowserServerAsync"/>.</summary>
    public Uri BrowserAddress
    {
        get => field ?? throw new InvalidOperationException("This app runs on TestServer: start it with StartBrowserServerAsync for a browser.");
        private set;
    }

    /// <summary>
    /// Starts an app; <paramref name="settings"/> are configuration keys such as <c>TagMyStock:Accounts:AdminEmails:0</c>;
    /// <paramref name="services"/> adds services after the app's own, such as an interceptor that makes a race happen.
    /// </summary>
    public static async Task<TestApp> StartAsync(
        Database database = Database.Sqlite, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var app = await CreateAsync(database, settings, services);
        _ = app.Server;
        return app;
    }

    /// <summary>
    /// Starts an app on Kestrel at a free loopback port, for a real browser (the in-memory TestServer has
    /// no socket); <see cref="BrowserAddress"/> is its address. Plain HTTP is enough: browsers count
    /// loopback as a secure context, so the Production cookies, Secure ones included, work unchanged.
    /// </summary>
    public static async Task<TestApp> StartBrowserServerAsync(Database database = Database.Sqlite, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var app = await CreateAsync(database, settings, services: null);
        app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        app.BrowserAddress = new Uri(addresses.Single());
        return app;
    }

    private static async Task<TestApp> CreateAsync(Database database, IReadOnlyDictionary<string, string?>? settings, Action<IServiceCollection>? services)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "tagmystock-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var all = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["TagMyStock:DataDirectory"] = dataDirectory,
        };
        string? postgresDatabase = null;
        if (database == Database.Postgres)
        {
            postgresDatabase = $"tms_test_{Guid.NewGuid():N}";
            all[$"ConnectionStrings:{DatabaseExtensions.PostgresConnectionName}"] = await TestPostgres.CreateDatabaseAsync(postgresDatabase);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return new TestApp(dataDirectory, postgresDatabase, all, services);
    }

    /// <summary>A client with its own cookie jar, as a separate browser would be.</summary>
    public HttpClient NewClient() => CreateClient();

    /// <summary>Runs <paramref name="work"/> with a scoped service provider, for assertions on the database.</summary>
    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work) =>
        WithScopeAsync(services => work(services.GetRequiredService<AppDbContext>()));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // A published app has every static asset (blazor.web.js, the compressed files) in its wwwroot; a
        // build has them spread over the packages and obj/, listed in the build's manifest, which hosts
        // read only in Development unless asked.
        builder.UseStaticWebAssets();
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_services is not null)
        {
            builder.ConfigureServices(_services);
        }

        builder.ConfigureLogging(logging => logging.ClearProviders()
            .AddProvider(new WarningCollector())
            .AddFilter(level => level >= LogLevel.Warning));
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        JobDiagnostics.Register(client, this);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_postgresDatabase is not null)
        {
            await TestPostgres.DropDatabaseAsync(_postgresDatabase);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a background task; the OS temp cleaner takes it.
        }
    }
}
