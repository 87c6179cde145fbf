using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TagMyStock.Web.Infrastructure.ExternalServices;

namespace TagMyStock.Web.Features.Generation.Fal;

public sealed class FalQueueClientTests
{
    private const string Model = "fal-ai/flux/schnell";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Follows_a_request_from_submission_to_downloaded_images()
    {
        await using var standIn = await FalStandIn.StartAsync();
        using var host = FalHost.Start(standIn);
        var client = host.Client();
        var fast = host.Services.GetRequiredService<IOptions<FalOptions>>().Value.Models["fast"];
        var input = FalInputs.TextToImage(fast, new TextToImageRequest("espresso cup on a wooden table", StockAspectRatio.Landscape3x2, Images: 2, Seed: 7, NegativePrompt: "text"));

        var submission = await client.SubmitAsync(fast.Id, input, webhook: null, Cancel);
        var states = new List<FalStatus>();
        do
        {
            states.Add(await client.GetStatusAsync(submission.ModelId, submission.RequestId, Cancel));
        }
        while (states[^1].State != FalRequestState.Completed);
        var result = await client.GetResultAsync(submission.ModelId, submission.RequestId, Cancel);
        using var file = new MemoryStream();
        var download = await client.DownloadAsync(result.Images[0], file, Cancel);

        var submitted = Assert.Single(standIn.RequestsTo("/fal-ai/flux/schnell"));
        Assert.Equal("POST", submitted.Method);
        Assert.Equal($"Key {FalStandIn.Key}", submitted.Headers["Authorization"]);
        Assert.Contains("\"image_size\":{\"width\":1216,\"height\":816}", submitted.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain("negative_prompt", submitted.BodyText, StringComparison.Ordinal);
        Assert.Equal(2, submission.QueuePosition);
        Assert.Equal(
            [(FalRequestState.InQueue, (int?)2), (FalRequestState.InQueue, 1), (FalRequestState.InProgress, null), (FalRequestState.Completed, null)],
            states.Select(status => (status.State, status.QueuePosition)));
        Assert.Equal("step 2/4", Assert.Single(states[2].Logs).Message);
        Assert.Equal(TimeSpan.FromSeconds(1.25), states[3].InferenceTime);
        Assert.Equal(2, result.Images.Count);
        Assert.Equal((1216, 816), (result.Images[0].Width, result.Images[0].Height));
        Assert.Equal(7, result.Seed);
        Assert.Equal([false, false], result.NsfwFlags);
        Assert.Equal(standIn.FileBytes, file.ToArray());
        Assert.Equal(new FalDownload(standIn.FileBytes.Length, "image/jpeg"), download);
        Assert.False(Assert.Single(standIn.RequestsTo("/files/")).Headers.ContainsKey("Authorization"), "The key goes to the queue only.");
    }

    [Fact]
    public async Task Status_result_and_cancel_use_the_owner_and_app_only_and_the_webhook_goes_in_the_query()
    {
        await using var standIn = await FalStandIn.StartAsync();
        using var host = FalHost.Start(standIn);
        var client = host.Client();

        var submission = await client.SubmitAsync("fal-ai/flux/dev", new() { ["prompt"] = "dunes" }, new Uri("https://app.example/hooks/fal?job=1"), Cancel);
        await client.GetStatusAsync(submission.ModelId, submission.RequestId, Cancel);

        Assert.Single(standIn.RequestsTo("/fal-ai/flux/dev?fal_webhook=https%3A%2F%2Fapp.example%2Fhooks%2Ffal%3Fjob%3D1"));
        Assert.Single(standIn.RequestsTo($"/fal-ai/flux/requests/{submission.RequestId}/status?logs=1"));
    }

    [Fact]
    public async Task Cancel_says_whether_it_was_in_time()
    {
        await using var standIn = await FalStandIn.StartAsync();
        standIn.QueuePolls = 0;
        standIn.ProgressPolls = 0;
        using var host = FalHost.Start(standIn);
        var client = host.Client();
        var waiting = await client.SubmitAsync(Model, new() { ["prompt"] = "a" }, null, Cancel);
        var finished = await client.SubmitAsync(Model, new() { ["prompt"] = "b" }, null, Cancel);
        await client.GetStatusAsync(Model, finished.RequestId, Cancel);

        Assert.Equal(FalCancelOutcome.Requested, await client.CancelAsync(Model, waiting.RequestId, Cancel));
        Assert.Equal(FalCancelOutcome.AlreadyCompleted, await client.CancelAsync(Model, finished.RequestId, Cancel));
        Assert.Equal(FalCancelOutcome.NotFound, await client.CancelAsync(Model, "no-such-request", Cancel));
    }

    [Fact]
    public async Task Without_a_key_nothing_is_sent()
    {
        await using var standIn = await FalStandIn.StartAsync();
        using var host = FalHost.Start(standIn, key: null);

        var failure = await Assert.ThrowsAsync<ExternalServiceException>(() => host.Client().SubmitAsync(Model, new() { ["prompt"] = "a" }, null, Cancel));

        Assert.Equal(ExternalServiceFailure.NotConfigured, failure.Failure);
        Assert.Contains(FalOptions.KeySetting, failure.Message, StringComparison.Ordinal);
        Assert.Empty(standIn.Server.Requests);
    }

    public static TheoryData<FalStep, int, string, string?, ExternalServiceFailure, bool, string> Failures => new()
    {
        { FalStep.Submit, 422, """{"detail":[{"loc":["body","prompt"],"msg":"field required","type":"value_error.missing"}]}""", null, ExternalServiceFailure.InvalidRequest, false, "prompt: field required" },
        { FalStep.Submit, 401, """{"detail":"No user found for Key ID and Secret"}""", null, ExternalServiceFailure.Unauthorized, false, "No user found" },
        { FalStep.Submit, 402, """{"detail":"User is locked. Reason: Exhausted balance."}""", null, ExternalServiceFailure.PaymentRequired, false, "Exhausted balance" },
        { FalStep.Status, 503, """{"detail":"No runner available"}""", "runner_scheduling_failure", ExternalServiceFailure.Unavailable, true, "No runner available" },
        { FalStep.Status, 200, "not json", null, ExternalServiceFailure.MalformedResponse, true, "not JSON" },
        { FalStep.Status, 200, """{"status":"COMPLETED","request_id":"x","error":"CUDA out of memory","error_type":"internal_error"}""", null, ExternalServiceFailure.Unavailable, true, "CUDA out of memory" },
        { FalStep.Status, 200, """{"status":"EXPLODED"}""", null, ExternalServiceFailure.MalformedResponse, true, "EXPLODED" },
        { FalStep.Result, 504, """{"detail":"Request timed out","error_type":"request_timeout"}""", null, ExternalServiceFailure.Timeout, true, "Request timed out" },
        { FalStep.Result, 422, """{"detail":[{"loc":["body","image_url"],"msg":"Could not download the image","type":"file_download_error"}]}""", null, ExternalServiceFailure.InvalidRequest, false, "image_url: Could not download" },
        { FalStep.Result, 404, """{"detail":"Request not found"}""", null, ExternalServiceFailure.NotFound, false, "Request not found" },
        { FalStep.Result, 200, """{"images":[]}""", null, ExternalServiceFailure.MalformedResponse, true, "no image" },
        { FalStep.File, 500, "", null, ExternalServiceFailure.Unavailable, true, "unavailable" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_failure_at_any_step_is_named_and_classified(FalStep step, int status, string body, string? errorType, ExternalServiceFailure expected, bool transient, string messagePart)
    {
        await using var standIn = await FalStandIn.StartAsync();
        standIn.QueuePolls = 0;
        standIn.ProgressPolls = 0;
        standIn.Then(step, context => context.JsonAsync(status, body, errorType is null ? [] : [("X-Fal-Error-Type", errorType)]));
        using var host = FalHost.Start(standIn);
        var client = host.Client();

        var failure = await Assert.ThrowsAsync<ExternalServiceException>(() => RunToDownloadAsync(client));

        Assert.Equal(expected, failure.Failure);
        Assert.Equal(transient, failure.IsTransient);
        Assert.Contains(messagePart, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rate_limited_submission_carries_retry_after()
    {
        await using var standIn = await FalStandIn.StartAsync();
        standIn.Then(FalStep.Submit, context => context.JsonAsync(429, """{"detail":"Too many requests"}""", ("Retry-After", "90")));
        using var host = FalHost.Start(standIn, maxRetries: 2);

        var failure = await Assert.ThrowsAsync<ExternalServiceException>(() => host.Client().SubmitAsync(Model, new() { ["prompt"] = "a" }, null, Cancel));

        Assert.Equal(ExternalServiceFailure.RateLimited, failure.Failure);
        Assert.Equal(HttpStatusCode.TooManyRequests, failure.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(90), failure.RetryAfter);
        Assert.Single(standIn.Server.Requests);
    }

    [Fact]
    public async Task Status_calls_are_retried_on_a_bad_gateway_but_a_submission_is_not()
    {
        await using var standIn = await FalStandIn.StartAsync();
        standIn.Then(FalStep.Submit, context => context.JsonAsync(502, """{"detail":"Bad gateway"}"""));
        standIn.Then(FalStep.Status, context => context.JsonAsync(502, """{"detail":"Bad gateway"}"""));
        using var host = FalHost.Start(standIn, maxRetries: 1);
        var client = host.Client();

        await Assert.ThrowsAsync<ExternalServiceException>(() => client.SubmitAsync(Model, new() { ["prompt"] = "a" }, null, Cancel));
        var submission = await client.SubmitAsync(Model, new() { ["prompt"] = "a" }, null, Cancel);
        var status = await client.GetStatusAsync(Model, submission.RequestId, Cancel);

        Assert.Equal(FalRequestState.InQueue, status.State);
        Assert.Equal(2, standIn.RequestsTo("/fal-ai/flux/schnell").Count());
        Assert.Equal(2, standIn.RequestsTo("/fal-ai/flux/requests/").Count());
    }

    [Fact]
    public async Task A_queue_that_does_not_answer_in_time_is_a_transient_timeout()
    {
        await using var standIn = await FalStandIn.StartAsync();
        standIn.Then(FalStep.Status, context => context.HangAsync());
        using var host = FalHost.Start(standIn, timeout: TimeSpan.FromMilliseconds(500));
        var client = host.Client();
        var submission = await client.SubmitAsync(Model, new() { ["prompt"] = "a" }, null, Cancel);

        var failure = await Assert.ThrowsAsync<ExternalServiceException>(() => client.GetStatusAsync(Model, submission.RequestId, Cancel));

        Assert.Equal(ExternalServiceFailure.Timeout, failure.Failure);
        Assert.True(failure.IsTransient);
    }

    [Fact]
    public async Task Files_are_fetched_only_from_fal_hosts_and_only_up_to_the_limit()
    {
        await using var standIn = await FalStandIn.StartAsync();
        using var host = FalHost.Start(standIn, maxDownloadBytes: 1000);
        var client = host.Client();
        using var sink = new MemoryStream();

        var foreign = await Assert.ThrowsAsync<ExternalServiceException>(() => client.DownloadAsync(new FalImage("https://elsewhere.example/x.jpg", null, null, null, null, null), sink, Cancel));
        var tooLarge = await Assert.ThrowsAsync<ExternalServiceException>(() => client.DownloadAsync(new FalImage(new Uri(standIn.Server.BaseAddress, "files/big.jpg").AbsoluteUri, null, null, null, null, null), sink, Cancel));
        var inline = await client.DownloadAsync(new FalImage("data:image/png;base64,iVBORw0KGgo=", null, null, null, null, null), sink, Cancel);

        Assert.Equal(ExternalServiceFailure.MalformedResponse, foreign.Failure);
        Assert.Equal(ExternalServiceFailure.Failed, tooLarge.Failure);
        Assert.Equal(new FalDownload(8, "image/png"), inline);
        Assert.Single(standIn.Server.Requests);
    }

    private static async Task RunToDownloadAsync(FalQueueClient client)
    {
        var submission = await client.SubmitAsync(Model, new() { ["prompt"] = "a" }, null, Cancel);
        await client.GetStatusAsync(Model, submission.RequestId, Cancel);
        var result = await client.GetResultAsync(Model, submission.RequestId, Cancel);
        await client.DownloadAsync(result.Images[0], Stream.Null, Cancel);
    }
}
