using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using TagMyStock.Web.Features.Gallery;
using TagMyStock.Web.Features.Generation;
using TagMyStock.Web.Features.Generation.Fal;
using TagMyStock.Web.Features.Jobs;
using TagMyStock.Web.Features.Usage;

namespace TagMyStock.Web.Features.ImageEditing;

public sealed class FalEditFailureTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(FalStep.Submit, 429, """{"detail":"Too many requests"}""", 2)]
    [InlineData(FalStep.Submit, 503, """{"detail":"Try again later"}""", 2)]
    [InlineData(FalStep.Status, 503, """{"detail":"Try again later"}""", 1)]
    [InlineData(FalStep.Result, 502, """{"detail":"Bad gateway"}""", 1)]
    [InlineData(FalStep.Result, 200, """{"seed":1}""", 1)]
    [InlineData(FalStep.File, 503, """{"detail":"Try again later"}""", 1)]
    public async Task A_rate_limit_a_server_error_or_a_garbled_answer_at_any_step_is_retried_without_submitting_an_accepted_request_again(FalStep step, int status, string body, int submissions)
    {
        await using var fal = await FalStandIn.StartAsync();
        fal.Then(step, context => context.JsonAsync(status, body));
        var (app, ada, sourceId) = await StartAsync(fal);
        await using var _ = app;

        var finished = await ImageEdits.EditAsync(ada, sourceId, "background", new { fill = "transparent" });

        Assert.Equal(("succeeded", 2), (finished.State, finished.Attempts));
        Assert.Equal(submissions, fal.Submissions());
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<StockImage>().CountAsync(Token)));
    }

    [Theory]
    [InlineData(FalStep.Submit, 422, """{"detail":[{"loc":["body","image_url"],"msg":"unsupported image","type":"value_error"}]}""", "image_url: unsupported image", false)]
    [InlineData(FalStep.Result, 422, """{"detail":"Image too small"}""", "Image too small", false)]
    [InlineData(FalStep.File, 403, "{}", "FAL.ai", true)]
    public async Task A_refused_request_or_result_fails_the_edit_at_once_with_FALs_reason_and_stores_nothing(FalStep step, int status, string body, string reason, bool billed)
    {
        await using var fal = await FalStandIn.StartAsync();
        fal.Then(step, context => context.JsonAsync(status, body));
        var (app, ada, sourceId) = await StartAsync(fal);
        await using var _ = app;

        var finished = await ImageEdits.EditAsync(ada, sourceId, "upscale", new { });

        Assert.Equal(("failed", 1), (finished.State, finished.Attempts));
        Assert.Contains(reason, finished.Error, StringComparison.Ordinal);
        Assert.Equal(1, fal.Submissions());
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<StockImage>().CountAsync(Token)));
        var usage = await app.WithDbAsync(db => db.Set<UsageRecord>().AsNoTracking().SingleAsync(record => record.JobId == finished.Id, Token));
        // A request FAL finished is paid for, even when its image never arrives: 1200 × 750 doubled is 3.6 MP, counted as 4.
        Assert.Equal((UsageResult.Failed, billed ? 0.008m : (decimal?)null), (usage.Result, usage.ProviderCost));
    }

    [Fact]
    public async Task Cancelling_an_edit_that_waits_in_FALs_queue_cancels_the_request_at_FAL_and_stores_nothing()
    {
        await using var fal = await FalStandIn.StartAsync();
        fal.QueuePolls = 100_000;
        var (app, ada, sourceId) = await StartAsync(fal);
        await using var _ = app;
        var job = await ImageEdits.StartAsync(ada, sourceId, "instruction", new { instruction = "remove the footprints" });
        await fal.WaitForStatusCallsAsync(2);

        var waiting = (await ada.GetFromJsonAsync<JobResponse>(JobsApi.Location(job.Id), Token))!;
        Assert.Matches(@"^Waiting in FAL\.ai's queue: \d+ request\(s\) ahead$", waiting.Note);
        Assert.Equal(HttpStatusCode.OK, (await JobPolling.CancelAsync(ada, job.Id)).StatusCode);
        var finished = await JobPolling.WaitUntilFinishedAsync(ada, job.Id);

        Assert.Equal("cancelled", finished.State);
        Assert.Single(fal.Server.Requests, request => request.Method == HttpMethods.Put && request.PathAndQuery.EndsWith("/cancel", StringComparison.Ordinal));
        Assert.Equal(0, fal.Downloads());
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<StockImage>().CountAsync(Token)));
    }

    private static async Task<(TestApp App, HttpClient Ada, Guid SourceId)> StartAsync(FalStandIn fal)
    {
        var app = await TestApp.StartAsync(settings: Generations.Settings(fal));
        var ada = await Users.SignUpAsync(app, "Ada");
        var sourceId = await Uploads.UploadOneAsync(ada, "dune-grass.jpg", Uploads.Sample("dune-grass-by-the-sea.jpg"));
        return (app, ada, sourceId);
    }
}
