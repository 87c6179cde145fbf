using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TagMyStock.Core.Metadata;
using TagMyStock.Web.Features.Gallery;
using TagMyStock.Web.Features.Generation.Fal;
using TagMyStock.Web.Features.Jobs;
using TagMyStock.Web.Features.Usage;

namespace TagMyStock.Web.Features.Generation;

public sealed class GenerationTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(Databases))]
    public async Task A_run_puts_its_images_in_the_owners_gallery_marked_as_AI_with_prompt_model_and_seed_and_records_its_cost(Database database)
    {
        await using var fal = await FalStandIn.StartAsync();
        await using var app = await TestApp.StartAsync(database, Generations.Settings(fal, ("TagMyStock:Fal:Models:quality:SupportsNegativePrompt", "true")));
        var ada = await Users.SignUpAsync(app, "Ada");
        var bob = await Users.SignUpAsync(app, "Bob");

        var started = await Generations.StartAsync(ada, Generations.Body(model: "quality", aspectRatio: "16:9", images: 2, seed: 1234, negativePrompt: "text, logo"));
        var finished = await JobPolling.WaitUntilFinishedAsync(ada, started.Id);

        Assert.Equal((GenerateJob.Kind, "queued"), (started.Kind, started.State));
        Assert.Equal(("succeeded", 1, 100, (string?)null), (finished.State, finished.Attempts, finished.Percent, finished.Error));
        Assert.Equal("Done: 2 image(s) added to your gallery.", finished.Note);
        var submitted = JsonNode.Parse(Assert.Single(fal.Server.Requests, request => request.Method == "POST").Body)!;
        Assert.Equal(
            (Generations.Prompt, 2, 1328, 752, 1234L, "text, logo"),
            ((string?)submitted["prompt"], (int?)submitted["num_images"], (int?)submitted["image_size"]!["width"], (int?)submitted["image_size"]!["height"], (long?)submitted["seed"], (string?)submitted["negative_prompt"]));

        var detail = finished.Detail<GenerationDetail>();
        Assert.Equal(("FLUX.1 dev (quality)", 2, "$0.05", 0), (detail.Model, detail.Requested, detail.Price, detail.Problems.Count));
        Assert.Equal(2, detail.Images.Count);
        Assert.All(detail.Images, image => Assert.Equal((1328, 752, 1234L, $"/images/{image.Id:D}"), (image.Width, image.Height, image.Seed!.Value, image.Editor)));
        var ids = detail.Images.Select(image => image.Id).ToList();
        var images = await app.WithDbAsync(db => db.Set<StockImage>().AsNoTracking().Where(image => ids.Contains(image.Id)).ToListAsync(Token));
        using var sample = NetVips.Image.NewFromBuffer(fal.FileBytes);
        Assert.Equal(2, images.Count);
        Assert.Single(images.Select(image => image.OwnerId).Distinct());
        Assert.All(images, image =>
        {
            Assert.Equal((Generations.Prompt, "fal-ai/flux/dev", 1234L), (image.GenerationPrompt, image.GenerationModel, image.GenerationSeed!.Value));
            Assert.Equal((sample.Width, sample.Height), (image.Width, image.Height));
            Assert.Equal(DigitalSourceType.TrainedAlgorithmicMedia, image.DigitalSourceType);
            Assert.True(image.Flags.HasFlag(ContentFlags.AiGenerated));
            Assert.StartsWith("espresso-cup-on-a-wooden-table-morning-light-1234-", image.FileName, StringComparison.Ordinal);
        });

        var usage = await app.WithDbAsync(db => db.Set<UsageRecord>().AsNoTracking().SingleAsync(record => record.JobId == started.Id, Token));
        Assert.Equal(
            (images[0].OwnerId, GenerateJob.Kind, GenerateJob.Engine, "fal-ai/flux/dev", 2, 0.05m, UsageResult.Succeeded),
            (usage.OwnerId, usage.Operation, usage.Engine, usage.Model, usage.Images, usage.ProviderCost, usage.Result));

        Assert.Equal(HttpStatusCode.OK, (await ada.GetAsync($"/api/images/{ids[0]}/original", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/api/images/{ids[0]}/original", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/api/jobs/{started.Id}", Token)).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<StockImage>().CountAsync(image => image.OwnerId != images[0].OwnerId, Token)));
    }

    [Fact]
    public async Task A_request_waiting_in_FALs_queue_is_followed_until_it_completes()
    {
        await using var fal = await FalStandIn.StartAsync();
        fal.QueuePolls = 5;
        fal.ProgressPolls = 3;
        await using var app = await TestApp.StartAsync(settings: Generations.Settings(fal));
        var ada = await Users.SignUpAsync(app, "Ada");

        var finished = await Generations.GenerateAsync(ada, Generations.Body());

        Assert.Equal("succeeded", finished.State);
        Assert.Equal(5 + 3 + 1, fal.StatusCalls());
        Assert.Equal(1, fal.Submissions());
        Assert.Single(finished.Detail<GenerationDetail>().Images);
    }

    [Fact]
    public async Task A_queued_run_says_its_place_in_the_queue_and_the_owner_can_cancel_it_at_FAL_too()
    {
        await using var fal = await FalStandIn.StartAsync();
        fal.QueuePolls = 100_000;
        await using var app = await TestApp.StartAsync(settings: Generations.Settings(fal));
        var ada = await Users.SignUpAsync(app, "Ada");
        var bob = await Users.SignUpAsync(app, "Bob");
        var job = await Generations.StartAsync(ada, Generations.Body(images: 3));
        await fal.WaitForStatusCallsAsync(3);

        var waiting = (await ada.GetFromJsonAsync<JobResponse>(JobsApi.Location(job.Id), Token))!;
        Assert.Equal("running", waiting.State);
        Assert.Matches(@"^Waiting in FAL\.ai's queue: \d+ request\(s\) ahead$", waiting.Note);
        Assert.Equal(HttpStatusCode.NotFound, (await JobPolling.CancelAsync(bob, job.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await JobPolling.CancelAsync(ada, job.Id)).StatusCode);

        var finished = await JobPolling.WaitUntilFinishedAsync(ada, job.Id);
        Assert.Equal("cancelled", finished.State);
        Assert.Single(fal.Server.Requests, request => request.Method == "PUT" && request.PathAndQuery.EndsWith("/cancel", StringComparison.Ordinal));
        Assert.Equal(0, fal.Downloads());
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<StockImage>().CountAsync(Token)));
        var usage = await app.WithDbAsync(db => db.Set<UsageRecord>().AsNoTracking().SingleAsync(record => record.JobId == job.Id, Token));
        Assert.Equal((UsageResult.Cancelled, (decimal?)null), (usage.Result, usage.ProviderCost));
    }

    [Theory]
    [InlineData(FalStep.Submit, 2)]
    [InlineData(FalStep.Status, 1)]
    [InlineData(FalStep.Result, 1)]
    [InlineData(FalStep.File, 1)]
    public async Task A_transient_failure_at_any_step_is_retried_without_submitting_an_accepted_request_again(FalStep step, int submissions)
    {
        await using var fal = await FalStandIn.StartAsync();
        fal.Then(step, context => context.JsonAsync(503, """{"detail":"Service temporarily unavailable"}"""));
        await using var app = await TestApp.StartAsync(settings: Generations.Settings(fal));
        var ada = await Users.SignUpAsync(app, "Ada");

        var finished = await Generations.GenerateAsync(ada, Generations.Body());

        Assert.Equal(("succeeded", 2), (finished.State, finished.Attempts));
        Assert.Equal(submissions, fal.Submissions());
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<StockImage>().CountAsync(Token)));
    }

    [Theory]
    [InlineData(FalStep.Submit, 422, """{"detail":[{"loc":["body","prompt"],"msg":"field required","type":"value_error.missing"}]}""", "prompt: field required")]
    [InlineData(FalStep.Status, 404, """{"detail":"Request not found"}""", "no longer knows this request")]
    [InlineData(FalStep.Result, 422, """{"detail":"Unsupported image size"}""", "Unsupported image size")]
    [InlineData(FalStep.File, 404, "{}", "no longer knows this request")]
    public async Task A_permanent_failure_at_any_step_fails_the_run_at_once_with_FALs_reason(FalStep step, int status, string body, string reason)
    {
        await using var fal = await FalStandIn.StartAsync();
        fal.Then(step, context => context.JsonAsync(status, body));
        await using var app = await TestApp.StartAsync(settings: Generations.Settings(fal));
        var ada = await Users.SignUpAsync(app, "Ada");

        var finished = await Generations.GenerateAsync(ada, Generations.Body());

        Assert.Equal(("failed", 1), (finished.State, finished.Attempts));
        Assert.Contains("FAL.ai", finished.Error, StringComparison.Ordinal);
        Assert.Contains(reason, finished.Error, StringComparison.Ordinal);
        Assert.Equal(1, fal.Submissions());
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<StockImage>().CountAsync(Token)));
        var usage = await app.WithDbAsync(db => db.Set<UsageRecord>().AsNoTracking().SingleAsync(record => record.JobId == finished.Id, Token));
        // A request that FAL completed is paid for, even when its image never arrives.
        Assert.Equal((UsageResult.Failed, step == FalStep.File ? 0.003m : (decimal?)null), (usage.Result, usage.ProviderCost));
    }

    [Fact]
    public async Task A_retry_after_a_failed_download_stores_only_the_images_not_yet_stored()
    {
        await using var fal = await FalStandIn.StartAsync();
        fal.Then(FalStep.File, context => context.Response.Body.WriteAsync(fal.FileBytes, context.RequestAborted).AsTask());
        fal.Then(FalStep.File, context => context.JsonAsync(503, "{}"));
        await using var app = await TestApp.StartAsync(settings: Generations.Settings(fal));
        var ada = await Users.SignUpAsync(app, "Ada");

        var finished = await Generations.GenerateAsync(ada, Generations.Body(images: 2));

        Assert.Equal(("succeeded", 2), (finished.State, finished.Attempts));
        Assert.Equal(2 + 1, fal.Downloads());
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<StockImage>().CountAsync(Token)));
        Assert.Equal(2, finished.Detail<GenerationDetail>().Images.Count);
    }

    [Fact]
    public async Task Tag_on_arrival_starts_a_tagging_job_for_the_new_images()
    {
        await using var fal = await FalStandIn.StartAsync();
        await using var app = await TestApp.StartAsync(settings: Generations.Settings(fal));
        var ada = await Users.SignUpAsync(app, "Ada");

        var finished = await Generations.GenerateAsync(ada, Generations.Body(tagOnArrival: true));

        var detail = finished.Detail<GenerationDetail>();
        Assert.Equal("Done: 1 image(s) added to your gallery, and tagging has started.", finished.Note);
        var tagging = await JobPolling.WaitUntilFinishedAsync(ada, detail.TagJobId!.Value);
        Assert.Equal((Tagging.TagSelectionJob.Kind, "succeeded"), (tagging.Kind, tagging.State));
        var image = await app.WithDbAsync(db => db.Set<StockImage>().AsNoTracking().SingleAsync(Token));
        Assert.Equal(detail.Images[0].Id, image.Id);
        Assert.NotNull(image.TaggedBy);
        Assert.NotEmpty(image.Keywords);
    }

    [Fact]
    public async Task Bad_requests_get_a_400_that_says_what_to_change_per_field()
    {
        await using var fal = await FalStandIn.StartAsync();
        await using var app = await TestApp.StartAsync(settings: Generations.Settings(fal));
        var ada = await Users.SignUpAsync(app, "Ada");

        using var everything = await Generations.PostAsync(ada, Generations.Body(prompt: " ", model: "nope", aspectRatio: "5:4", images: 5, seed: -1));
        using var negative = await Generations.PostAsync(ada, Generations.Body(model: "fast", negativePrompt: "text"));

        Assert.Equal(HttpStatusCode.BadRequest, everything.StatusCode);
        var problem = (await everything.Content.ReadFromJsonAsync<HttpValidationProblemDetails>(Token))!;
        Assert.Equal(new[] { "aspectRatio", "images", "model", "prompt", "seed" }, problem.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Choose one of the models offered: fast, illustration, quality.", problem.Errors["model"].Single());
        Assert.Equal("Ask for 1 to 4 images.", problem.Errors["images"].Single());
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        var negativeProblem = (await negative.Content.ReadFromJsonAsync<HttpValidationProblemDetails>(Token))!;
        Assert.Equal("FLUX.1 schnell (fast) does not take a negative prompt: leave it empty or choose another model.", negativeProblem.Errors["negativePrompt"].Single());
        Assert.Empty(fal.Server.Requests);
    }

    [Fact]
    public async Task Without_a_FAL_key_the_page_and_the_API_say_how_an_admin_turns_generation_on_and_the_rest_works()
    {
        await using var app = await TestApp.StartAsync();
        var ada = await Users.SignUpAsync(app, "Ada");

        var page = await ada.GetStringAsync("/generate", Token);
        using var response = await Generations.PostAsync(ada, Generations.Body());

        Assert.Contains("Generation is not configured", page, StringComparison.Ordinal);
        Assert.Contains("TagMyStock__Fal__Key", page, StringComparison.Ordinal);
        Assert.DoesNotContain("generate-form", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<ProblemDetails>(Token))!;
        Assert.Contains("TagMyStock__Fal__Key", problem.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await ada.GetAsync("/gallery", Token)).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Job>().CountAsync(Token)));
    }

    [Fact]
    public async Task The_generate_page_offers_the_catalogues_models_with_their_prices_and_is_for_signed_in_users()
    {
        await using var fal = await FalStandIn.StartAsync();
        await using var app = await TestApp.StartAsync(settings: Generations.Settings(fal));
        var ada = await Users.SignUpAsync(app, "Ada");

        var page = await ada.GetStringAsync("/generate", Token);
        var anonymous = await app.NewClient().GetAsync("/generate", Token);

        Assert.Contains("href=\"/generate\"", page, StringComparison.Ordinal);
        Assert.Contains(">FLUX.1 schnell (fast)</option>", page, StringComparison.Ordinal);
        Assert.Contains(">FLUX.1 dev (quality)</option>", page, StringComparison.Ordinal);
        Assert.Contains(">Recraft V3 (flat illustration)</option>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("ESRGAN", page, StringComparison.Ordinal);
        Assert.Contains("data-price>$0.003</output>", page, StringComparison.Ordinal);
        Assert.Contains("&quot;16:9&quot;:0.04", page, StringComparison.Ordinal);
        Assert.Equal("/account/signin", anonymous.RedirectPath()?.Split('?')[0]);
    }
}
