using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using TagMyStock.Web.Features.Accounts;
using TagMyStock.Web.Features.Usage;
using TagMyStock.Web.Infrastructure.Data;
using TagMyStock.Web.Infrastructure.Web;

namespace TagMyStock.Web.Features.Jobs;

public static class JobsExtensions
{
    /// <summary>The admin-only Hangfire dashboard.</summary>
    public const string DashboardPath = "/admin/jobs";

    /// <summary>
    /// The one inline style the dashboard needs: the style element its Chart.js adds (the monitor that redraws a chart
    /// when the window is resized), by its hash. A Hangfire that adds another fails the dashboard's browser test.
    /// </summary>
    private const string DashboardChartStyle = "'sha256-z7zcnw/4WalZqx+PrNaRnoeLz/G9WXuFqV1WCJ129sg='";

    /// <summary>
    /// Durable jobs: rows in the app's database, run by Hangfire. Hangfire keeps its queue in PostgreSQL when the
    /// app runs on it (nodes share it), else in memory, and then the unfinished rows are handed to it again at start.
    /// </summary>
    public static IHostApplicationBuilder AddJobs(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<JobOptions>().BindConfiguration(JobOptions.Section);
        var postgres = builder.Configuration.GetConnectionString(DatabaseExtensions.PostgresConnectionName);
        var shared = !string.IsNullOrWhiteSpace(postgres);

        // Storage and activator of this host's own, registered before AddHangfire so that its static
        // JobStorage.Current is never used: two hosts in one process (tests) must not share a queue.
        builder.Services.AddSingleton<JobStorage>(_ => shared
            ? new PostgreSqlStorage(
                new NpgsqlConnectionFactory(postgres!, PostgresStorageOptions()),
                PostgresStorageOptions())
            : new InMemoryStorage(new InMemoryStorageOptions { IdType = InMemoryStorageIdType.Guid }));
        builder.Services.AddSingleton<JobActivator>(services => new AspNetCoreJobActivator(services.GetRequiredService<IServiceScopeFactory>()));
        builder.Services.AddHangfire((services, configuration) => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HangfireLogProvider(services.GetRequiredService<ILoggerFactory>())));

        var jobs = builder.Configuration.GetSection(JobOptions.Section).Get<JobOptions>() ?? new JobOptions();
        if (jobs.RunWorker)
        {
            builder.Services.AddHangfireServer(options =>
            {
                options.WorkerCount = jobs.Workers;
                options.SchedulePollingInterval = TimeSpan.FromSeconds(1);
                options.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
            });
            if (!shared)
            {
                builder.Services.AddHostedService<UnfinishedJobs>();
            }
        }

        builder.Services.AddScoped<JobQueue>();
        builder.Services.AddScoped<IJobQueue>(services => services.GetRequiredService<JobQueue>());
        builder.Services.AddScoped<JobExecutor>();
        builder.Services.AddScoped<IUsageLog, UsageLog>();
        builder.Services.Configure<ContentSecurityPolicyOptions>(policy => policy.StyleSourcesByPath[DashboardPath] = [DashboardChartStyle]);
        return builder;
    }

    /// <summary>Registers the handler that runs jobs of <paramref name="kind"/>.</summary>
    public static IServiceCollection AddJobHandler<THandler>(this IServiceCollection services, string kind)
        where THandler : class, IJobHandler =>
        services.AddKeyedScoped<IJobHandler, THandler>(kind);

    public static IEndpointRouteBuilder MapJobs(this IEndpointRouteBuilder routes)
    {
        routes.MapJobsApi();
        routes.MapHangfireDashboardWithAuthorizationPolicy(AccountRoles.AdminPolicy, DashboardPath, new DashboardOptions
        {
            AppPath = "/",
            DashboardTitle = "TagMyStock jobs",
            DisplayStorageConnectionString = false,
        });
        return routes;
    }

    /// <summary>
    /// Sliding invisibility: a running job's lease is renewed while its server lives, so a crashed node's jobs
    /// go back to the queue within minutes, not the half hour of the fixed default. Idle workers look at the queue
    /// every second, like the scheduler, instead of the default 15 s: a person waits on every job's start, and a
    /// retry's backoff would otherwise grow by up to 15 s each time.
    /// Hangfire.PostgreSql's locks are rows, and a row left behind (a release that failed, a node that died
    /// holding one) blocks that job's state changes until it expires: after a minute here instead of ten, far
    /// longer than Hangfire holds any of its locks (we hold none of our own).
    /// </summary>
    private static PostgreSqlStorageOptions PostgresStorageOptions() => new()
    {
        SchemaName = "hangfire",
        PrepareSchemaIfNecessary = true,
        UseSlidingInvisibilityTimeout = true,
        InvisibilityTimeout = TimeSpan.FromMinutes(5),
        QueuePollInterval = TimeSpan.FromSeconds(1),
        DistributedLockTimeout = TimeSpan.FromMinutes(1),
    };
}
