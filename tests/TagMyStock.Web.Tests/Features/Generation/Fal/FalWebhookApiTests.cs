using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TagMyStock.Web.Features.Jobs;

namespace TagMyStock.Web.Features.Generation.Fal;

public sealed class FalWebhookApiTests
{
    private const string PublicBaseUrl = "https://stock.example.com/";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(Databases))]
    public async Task A_signed_notice_finishes_the_wait_at_once_and_again_changes_nothing(Database database)
    {
        await using var fal = await FalStandIn.StartAsync();
        // FAL's status never says completed, and the fallback poll is far away: only the notice can end the wait.
        fal.QueuePolls = 100_000;
        await using var app = await StartAsync(fal, database);
        var ada = await Users.SignUpAsync(app, "Ada");
        var job = await Generations.StartAsync(ada, Generations.Body());
        var requestId = await AwaitedRequestAsync(app, fal);

        Assert.Equal($"/fal-ai/flux/schnell?fal_webhook={Uri.EscapeDataString(PublicBaseUrl + "api/fal/webhook")}", Assert.Single(fal.Server.Requests, request => request.Method == "POST").PathAndQuery);
        fal.Finish(requestId);
        var notice = Notice(requestId);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(app, notice, fal.SignWebhook(requestId, notice, DateTimeOffset.UtcNow))).StatusCode);
        var finished = await JobPolling.WaitUntilFinishedAsync(ada, job.Id);

        Assert.Equal(("succeeded", (string?)null), (finished.State, finished.Error));
        Assert.Equal(1, fal.StatusCalls());
        Assert.Single(finished.Detail<GenerationDetail>().Images);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<AwaitedFalRequest>().CountAsync(Token)));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(app, notice, fal.SignWebhook(requestId, notice, DateTimeOffset.UtcNow))).StatusCode);
        Assert.Equal(1, fal.Submissions());
    }

    [Fact]
    public async Task A_forged_or_malformed_notice_is_refused_and_one_for_an_unknown_request_is_acknowledged_without_effect()
    {
        await using var fal = await FalStandIn.StartAsync();
        fal.QueuePolls = 100_000;
        await using var app = await StartAsync(fal);
        var ada = await Users.SignUpAsync(app, "Ada");
        var job = await Generations.StartAsync(ada, Generations.Body());
        var requestId = await AwaitedRequestAsync(app, fal);
        var notice = Notice(requestId);

        var tampered = fal.SignWebhook(requestId, Notice("another-request"), DateTimeOffset.UtcNow);
        var stale = fal.SignWebhook(requestId, notice, DateTimeOffset.UtcNow.AddHours(-1));
        var unsigned = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["X-Fal-Webhook-Request-Id"] = requestId };
        var malformed = "{\"hello\":\"world\"}"u8.ToArray();
        var unknown = Notice("unknown-request");

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(app, notice, tampered)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(app, notice, stale)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(app, notice, unsigned)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(app, malformed, fal.SignWebhook(requestId, malformed, DateTimeOffset.UtcNow))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(app, unknown, fal.SignWebhook("unknown-request", unknown, DateTimeOffset.UtcNow))).StatusCode);

        var awaited = await app.WithDbAsync(db => db.Set<AwaitedFalRequest>().AsNoTracking().SingleAsync(Token));
        Assert.Equal((requestId, job.Id, (DateTime?)null), (awaited.RequestId, awaited.JobId, awaited.NotifiedAt));
        Assert.Equal("running", (await app.WithDbAsync(db => db.Set<Job>().AsNoTracking().SingleAsync(Token))).State.ToString().ToLowerInvariant());
    }

    [Fact]
    public async Task Posts_over_the_limit_from_one_address_are_held_back_before_their_signature_is_checked()
    {
        await using var fal = await FalStandIn.StartAsync();
        await using var app = await StartAsync(fal, more: ("TagMyStock:Fal:WebhookRequestsPerMinute", "3"));
        var unknown = Notice("unknown-request");
        var signed = fal.SignWebhook("unknown-request", unknown, DateTimeOffset.UtcNow);

        var answers = new List<HttpStatusCode>();
        for (var post = 0; post < 4; post++)
        {
            answers.Add((await PostAsync(app, unknown, signed)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
    }

    private static Task<TestApp> StartAsync(FalStandIn fal, Database database = Database.Sqlite, params (string Key, string Value)[] more) =>
        TestApp.StartAsync(database, Generations.Settings(
            fal,
            [
                ("TagMyStock:PublicBaseUrl", PublicBaseUrl),
                ("TagMyStock:Fal:WebhookKeysUrl", fal.JwksUrl.AbsoluteUri),
                ("TagMyStock:Fal:WebhookPollInterval", "01:00:00"),
                .. more,
            ]));

    /// <summary>Waits until the job has recorded that it waits for FAL's notice, and returns the request's id.</summary>
    private static async Task<string> AwaitedRequestAsync(TestApp app, FalStandIn fal)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromMinutes(1));
        while (!await app.WithDbAsync(db => db.Set<AwaitedFalRequest>().AnyAsync(timeout.Token)))
        {
            await Task.Delay(20, timeout.Token);
        }

        return Assert.Single(fal.RequestIds);
    }

    private static byte[] Notice(string requestId) => Encoding.UTF8.GetBytes(
        $$$"""{"request_id":"{{{requestId}}}","gateway_request_id":"{{{requestId}}}","status":"OK","payload":{"images":[]}}""");

    private static async Task<HttpResponseMessage> PostAsync(TestApp app, byte[] body, Dictionary<string, string> headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, FalWebhookApi.Path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        return await app.NewClient().SendAsync(request, Token);
    }
}
