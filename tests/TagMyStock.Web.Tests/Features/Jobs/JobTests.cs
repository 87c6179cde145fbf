using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TagMyStock.Web.Features.Usage;

namespace TagMyStock.Web.Features.Jobs;

public sealed class JobTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, string?> FastRetries = new()
    {
        ["TagMyStock:Jobs:RunWorker"] = "false",
        ["TagMyStock:Jobs:RetryBaseDelay"] = "00:00:00.1",
        ["TagMyStock:Jobs:MaxAttempts"] = "3",
    };

    [Theory, ClassData(typeof(Databases))]
    public async Task A_job_runs_to_the_end_and_writes_one_usage_record_the_owner_sees(Database database)
    {
        await using var app = await TestApp.StartAsync(database, FastRetries);
        await using var host = WithScriptedJobs(app, new JobProbe());
        var ada = await SignUpAsync(host, "Ada");

        var job = await EnqueueAsync(host, ada.Id, new ScriptedInput(Script.Succeed));
        var finished = await JobPolling.WaitUntilFinishedAsync(ada.Client, job);

        Assert.Equal(("succeeded", 100, 1), (finished.State, finished.Percent, finished.Attempts));
        var usage = await host.Services.CreateScope().ServiceProvider.GetRequiredService<Infrastructure.Data.AppDbContext>()
            .Set<UsageRecord>().AsNoTracking().SingleAsync(record => record.JobId == job, Token);
        Assert.Equal(
            (ada.Id, ScriptedJob.Kind, "openrouter", "vision-model", 3, 1350, 180, 0.0031m, UsageResult.Succeeded),
            (usage.OwnerId, usage.Operation, usage.Engine, usage.Model, usage.Images, usage.PromptTokens, usage.CompletionTokens, usage.ProviderCost, usage.Result));
        var page = await ada.Client.GetStringAsync("/usage", Token);
        Assert.Contains("vision-model", page, StringComparison.Ordinal);
        Assert.Contains("0.0031", page, StringComparison.Ordinal);
        var bob = await SignUpAsync(host, "Bob");
        Assert.DoesNotContain("vision-model", await bob.Client.GetStringAsync("/usage", Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_permanent_failure_is_not_retried_and_says_why()
    {
        await using var app = await TestApp.StartAsync(settings: FastRetries);
        await using var host = WithScriptedJobs(app, new JobProbe());
        var ada = await SignUpAsync(host, "Ada");

        var finished = await JobPolling.WaitUntilFinishedAsync(ada.Client, await EnqueueAsync(host, ada.Id, new ScriptedInput(Script.FailPermanently)));

        Assert.Equal(("failed", 1, "The model refused the image."), (finished.State, finished.Attempts, finished.Error));
    }

    [Fact]
    public async Task A_job_enqueued_once_under_a_chosen_id_is_recorded_and_run_once_however_often_it_is_asked_for()
    {
        await using var app = await TestApp.StartAsync(settings: FastRetries);
        var probe = new JobProbe();
        await using var host = WithScriptedJobs(app, probe);
        var ada = await SignUpAsync(host, "Ada");
        var id = Guid.CreateVersion7();

        var enqueued = new List<Guid>();
        for (var ask = 0; ask < 3; ask++)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var job = await scope.ServiceProvider.GetRequiredService<IJobQueue>().EnqueueOnceAsync(id, ada.Id, ScriptedJob.Kind, new ScriptedInput(Script.Succeed), detail: null, Token);
            enqueued.Add(job.Id);
        }

        var finished = await JobPolling.WaitUntilFinishedAsync(ada.Client, id);
        Assert.Equal([id, id, id], enqueued);
        Assert.Equal(("succeeded", 1), (finished.State, finished.Attempts));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<Job>().CountAsync(Token)));
    }

    [Fact]
    public async Task A_transient_failure_is_retried_until_it_passes_or_the_attempts_run_out()
    {
        await using var app = await TestApp.StartAsync(settings: FastRetries);
        await using var host = WithScriptedJobs(app, new JobProbe());
        var ada = await SignUpAsync(host, "Ada");

        var recovers = await EnqueueAsync(host, ada.Id, new ScriptedInput(Script.FailTransientlyUntil, Until: 3));
        var neverRecovers = await EnqueueAsync(host, ada.Id, new ScriptedInput(Script.FailTransientlyUntil, Until: 99));

        var recovered = await JobPolling.WaitUntilFinishedAsync(ada.Client, recovers);
        Assert.Equal(("succeeded", 3), (recovered.State, recovered.Attempts));
        var gaveUp = await JobPolling.WaitUntilFinishedAsync(ada.Client, neverRecovers);
        Assert.Equal(("failed", 3, "The service is busy."), (gaveUp.State, gaveUp.Attempts, gaveUp.Error));
    }

    [Fact]
    public async Task The_owner_can_cancel_a_running_job_and_nobody_else_can_see_or_cancel_it()
    {
        await using var app = await TestApp.StartAsync(settings: FastRetries);
        await using var host = WithScriptedJobs(app, new JobProbe());
        var ada = await SignUpAsync(host, "Ada");
        var bob = await SignUpAsync(host, "Bob");
        var job = await EnqueueAsync(host, ada.Id, new ScriptedInput(Script.RunUntilCancelled));
        await WaitForStateAsync(ada.Client, job, "running");

        Assert.Equal(HttpStatusCode.NotFound, (await bob.Client.GetAsync($"/api/jobs/{job}", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await JobPolling.CancelAsync(bob.Client, job)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await JobPolling.CancelAsync(ada.Client, job)).StatusCode);

        var finished = await JobPolling.WaitUntilFinishedAsync(ada.Client, job);
        Assert.Equal("cancelled", finished.State);
        var usage = await host.Services.CreateScope().ServiceProvider.GetRequiredService<Infrastructure.Data.AppDbContext>()
            .Set<UsageRecord>().AsNoTracking().SingleAsync(record => record.JobId == job, Token);
        Assert.Equal(UsageResult.Cancelled, usage.Result);
    }

    [Fact]
    public async Task A_job_stopped_mid_way_follows_its_submitted_request_after_a_restart_instead_of_paying_again()
    {
        await using var app = await TestApp.StartAsync(settings: FastRetries);
        var probe = new JobProbe();
        Guid job;
        Contributor ada;
        await using (var before = WithScriptedJobs(app, probe))
        {
            ada = await SignUpAsync(before, "Ada");
            job = await EnqueueAsync(before, ada.Id, new ScriptedInput(Script.SubmitThenWait));
            await probe.Submitted.Task.WaitAsync(TimeSpan.FromMinutes(1), Token);
        }

        await using var after = WithScriptedJobs(app, probe);
        var client = after.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://tagmystock.test"), AllowAutoRedirect = false });
        await Users.SignInAsync(client, ada.Email);
        var finished = await JobPolling.WaitUntilFinishedAsync(client, job);

        Assert.Equal(("succeeded", 2), (finished.State, finished.Attempts));
        Assert.Equal(1, probe.Submissions);
        Assert.NotNull(probe.FollowedRequestId);
    }

    [Fact]
    public async Task The_jobs_dashboard_is_for_admins_only()
    {
        await using var app = await TestApp.StartAsync();
        var admin = await Users.SignUpAsync(app, "First");
        var other = await Users.SignUpAsync(app, "Second");

        var forAdmin = await admin.GetAsync(JobsExtensions.DashboardPath, Token);
        var forOther = await other.GetAsync(JobsExtensions.DashboardPath, Token);
        var forNobody = await app.NewClient().GetAsync(JobsExtensions.DashboardPath, Token);

        Assert.Equal(HttpStatusCode.OK, forAdmin.StatusCode);
        Assert.Contains("TagMyStock jobs", await forAdmin.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Equal("/account/denied", forOther.RedirectPath()?.Split('?')[0]);
        Assert.Contains("Not for this account", await other.GetStringAsync("/account/denied", Token), StringComparison.Ordinal);
        Assert.Equal("/account/signin", forNobody.RedirectPath()?.Split('?')[0]);
    }

    [Fact]
    public async Task Only_the_dashboard_may_use_its_chart_style_and_no_page_any_other_inline_style()
    {
        await using var app = await TestApp.StartAsync();
        var admin = await Users.SignUpAsync(app, "First");

        var dashboard = await admin.GetAsync($"{JobsExtensions.DashboardPath}/jobs/succeeded", Token);
        var gallery = await admin.GetAsync("/gallery", Token);

        Assert.Contains("style-src 'self' 'sha256-", dashboard.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("style-src 'self';", gallery.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    /// <summary>
    /// A host that knows the scripted jobs. Only it runs jobs: on PostgreSQL the queue is shared, and the
    /// plain <paramref name="app"/> (a node without the test's handler) would take some of them.
    /// </summary>
    private static WebApplicationFactory<Program> WithScriptedJobs(TestApp app, JobProbe probe) =>
        app.WithWebHostBuilder(builder => builder
            .UseSetting("TagMyStock:Jobs:RunWorker", "true")
            .ConfigureTestServices(services =>
            {
                services.AddSingleton(probe);
                services.AddJobHandler<ScriptedJob>(ScriptedJob.Kind);
            }));

    private static async Task<Contributor> SignUpAsync(WebApplicationFactory<Program> host, string name)
    {
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://tagmystock.test"), AllowAutoRedirect = false });
        var email = $"{name.ToLowerInvariant()}-{Guid.NewGuid():N}@example.com";
        Assert.Equal(HttpStatusCode.Redirect, (await Users.SignUpAsync(client, name, email)).StatusCode);
        await using var scope = host.Services.CreateAsyncScope();
        var id = (await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Accounts.Account>>().FindByEmailAsync(email))!.Id;
        return new Contributor(client, id, email);
    }

    private static async Task<Guid> EnqueueAsync(WebApplicationFactory<Program> host, Guid ownerId, ScriptedInput input)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IJobQueue>().EnqueueAsync(ownerId, ScriptedJob.Kind, input, detail: null, Token)).Id;
    }

    private static async Task WaitForStateAsync(HttpClient client, Guid job, string state)
    {
        while ((await client.GetFromJsonAsync<JobResponse>($"/api/jobs/{job}", Token))!.State != state)
        {
            await Task.Delay(50, Token);
        }
    }
}
