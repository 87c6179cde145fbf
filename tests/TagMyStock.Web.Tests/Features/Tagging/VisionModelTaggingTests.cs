using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TagMyStock.Web.Features.Jobs;
using TagMyStock.Web.Features.Tagging.OpenRouter;
using TagMyStock.Web.Features.Usage;

namespace TagMyStock.Web.Features.Tagging;

/// <summary>Tagging with the vision model through the whole app: the API, the selection's job and the usage log, against the OpenRouter stand-in.</summary>
public sealed class VisionModelTaggingTests
{
    private const string Espresso = "espresso-cup-on-wooden-table.jpg";
    private const string Splash = "water-drop-splash-crown.jpg";
    private const string Dunes = "dune-grass-by-the-sea.jpg";

    /// <summary>The 1,500-tokens-per-image target of issue 6: prompt (instruction, schema, image) and answer together.</summary>
    private const int TokensPerImageTarget = 1500;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(Databases))]
    public async Task One_image_tagged_by_the_vision_model_is_saved_and_its_tokens_and_cost_are_recorded_and_shown(Database database)
    {
        await using var standIn = await OpenRouterStandIn.StartAsync();
        await using var app = await TestApp.StartAsync(database, standIn.AppSettings());
        var ada = await Contributor.SignUpAsync(app);
        var id = await Images.AddAsync(app, ada.Id, Espresso, image => image.GenerationPrompt = "a tabby cat portrait, soft window light");

        var response = await ada.Client.PostAsJsonAsync($"/api/images/{id}/tag", new { engine = "openrouter" }, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<TagResponse>(Token))!;
        Assert.Equal(new TagUsageDto("google/gemini-2.5-flash", 612, 188, 0.00065m), body.Usage);
        var stored = await Images.GetAsync(app, id);
        Assert.Equal("openrouter", stored.TaggedBy);
        Assert.Contains("tabby", stored.Keywords);

        // The engine was given the account's agencies and the AI image's prompt.
        var instruction = Instruction(Assert.Single(standIn.ReceivedBodies));
        Assert.Contains("for Adobe Stock, Shutterstock", instruction, StringComparison.Ordinal);
        Assert.Contains("a tabby cat portrait, soft window light", instruction, StringComparison.Ordinal);

        var usage = await UsageOfAsync(app, ada.Id);
        Assert.Equal(
            ("tag", "openrouter", "google/gemini-2.5-flash", 1, 612, 188, 0.00065m, UsageResult.Succeeded, (Guid?)null),
            (usage.Operation, usage.Engine, usage.Model, usage.Images, usage.PromptTokens, usage.CompletionTokens, usage.ProviderCost, usage.Result, usage.JobId));
        var item = Assert.Single(usage.Items);
        Assert.Equal((id, 800), (item.ImageId, item.TotalTokens));

        var page = await ada.Client.GetStringAsync("/usage", Token);
        Assert.Contains("<td class=\"number\">800</td>", page, StringComparison.Ordinal);
        Assert.Contains("google/gemini-2.5-flash", page, StringComparison.Ordinal);
        Assert.Contains(0.00065m.ToString("0.0000", CultureInfo.InvariantCulture), page, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_selection_tagged_by_the_vision_model_records_each_images_tokens_within_the_target(Database database)
    {
        await using var standIn = await OpenRouterStandIn.StartAsync();
        await using var app = await TestApp.StartAsync(database, standIn.AppSettings());
        var ada = await Contributor.SignUpAsync(app);
        Guid[] ids = [await Images.AddAsync(app, ada.Id, Espresso), await Images.AddAsync(app, ada.Id, Splash), await Images.AddAsync(app, ada.Id, Dunes)];

        var finished = await TagSelectionAsync(ada, ids);

        Assert.Equal(("succeeded", 3, 0, "openrouter"), (finished.State, Detail(finished).Done, Detail(finished).Failed, Detail(finished).Engine));
        Assert.Equal(3, standIn.Server.Requests.Count);
        foreach (var id in ids)
        {
            Assert.Equal("openrouter", (await Images.GetAsync(app, id)).TaggedBy);
        }

        var usage = await UsageOfAsync(app, ada.Id);
        Assert.Equal((finished.Id, 3, 3 * 612, 3 * 188, 3 * 0.00065m), (usage.JobId, usage.Images, usage.PromptTokens, usage.CompletionTokens, usage.ProviderCost));
        Assert.Equal(ids.Order(), usage.Items.Select(item => item.ImageId!.Value).Order());
        Assert.All(usage.Items, item => Assert.InRange(item.TotalTokens, 1, TokensPerImageTarget));
        Assert.Equal(800, usage.TokensPerImage);
        Assert.Contains("<td class=\"number\">2400</td>", await ada.Client.GetStringAsync("/usage", Token), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_refused_or_unreadable_answer_fails_that_image_only_and_what_it_was_billed_is_recorded(Database database)
    {
        await using var standIn = await OpenRouterStandIn.StartAsync();
        standIn.ThenCompletion(content: null, finishReason: "content_filter");
        standIn.ThenCompletion("Here are some keywords: cup, coffee");
        await using var app = await TestApp.StartAsync(database, standIn.AppSettings());
        var ada = await Contributor.SignUpAsync(app);
        Guid[] ids = [await Images.AddAsync(app, ada.Id, Espresso), await Images.AddAsync(app, ada.Id, Splash), await Images.AddAsync(app, ada.Id, Dunes)];

        var finished = await TagSelectionAsync(ada, ids);

        var detail = Detail(finished);
        Assert.Equal(("succeeded", 1, 2), (finished.State, detail.Done, detail.Failed));
        Assert.Equal(3, standIn.Server.Requests.Count);
        Assert.Equal([ids[0], ids[1]], detail.Failures.Select(failure => failure.ImageId));
        Assert.Contains("declined this image", detail.Failures[0].Message, StringComparison.Ordinal);
        Assert.Contains("could not be read", detail.Failures[1].Message, StringComparison.Ordinal);
        Assert.Null((await Images.GetAsync(app, ids[0])).TaggedBy);
        Assert.Equal("openrouter", (await Images.GetAsync(app, ids[2])).TaggedBy);
        var usage = await UsageOfAsync(app, ada.Id);
        Assert.Equal((1, 3 * 612, 3 * 188, 3 * 0.00065m, UsageResult.Succeeded), (usage.Images, usage.PromptTokens, usage.CompletionTokens, usage.ProviderCost, usage.Result));
        Assert.Equal([(ids[0], 0), (ids[1], 0), (ids[2], 1)], usage.Items.OrderBy(item => Array.IndexOf(ids, item.ImageId!.Value)).Select(item => (item.ImageId!.Value, item.Images)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task No_credit_stops_the_job_with_that_message_and_keeps_the_usage_of_what_was_done(Database database)
    {
        await using var standIn = await OpenRouterStandIn.StartAsync();
        await using var app = await TestApp.StartAsync(database, standIn.AppSettings());
        var ada = await Contributor.SignUpAsync(app);
        Guid[] ids = [await Images.AddAsync(app, ada.Id, Espresso), await Images.AddAsync(app, ada.Id, Splash), await Images.AddAsync(app, ada.Id, Dunes)];
        standIn.Then(context => context.JsonAsync(200, OpenRouterStandIn.Completion(OpenRouterStandIn.DefaultMetadata.ToJsonString()).ToJsonString()));
        standIn.ThenError(402, "Insufficient credits");

        var finished = await TagSelectionAsync(ada, ids);

        Assert.Equal(("failed", 1, 1), (finished.State, finished.Attempts, Detail(finished).Done));
        Assert.Contains("no credit left", finished.Error, StringComparison.Ordinal);
        Assert.Contains("Insufficient credits", finished.Error, StringComparison.Ordinal);
        Assert.Equal(2, standIn.Server.Requests.Count);
        Assert.Null((await Images.GetAsync(app, ids[2])).TaggedBy);
        var usage = await UsageOfAsync(app, ada.Id);
        Assert.Equal((UsageResult.Failed, 1, 612, 188), (usage.Result, usage.Images, usage.PromptTokens, usage.CompletionTokens));
    }

    [Fact]
    public async Task A_refused_key_stops_the_job_at_its_first_image()
    {
        await using var standIn = await OpenRouterStandIn.StartAsync();
        standIn.ThenError(401, "User not found");
        await using var app = await TestApp.StartAsync(settings: standIn.AppSettings());
        var ada = await Contributor.SignUpAsync(app);
        Guid[] ids = [await Images.AddAsync(app, ada.Id, Espresso), await Images.AddAsync(app, ada.Id, Splash)];

        var finished = await TagSelectionAsync(ada, ids);

        Assert.Equal(("failed", 1), (finished.State, finished.Attempts));
        Assert.Contains("refused the configured key: an admin checks TagMyStock__OpenRouter__Key", finished.Error, StringComparison.Ordinal);
        Assert.Single(standIn.Server.Requests);
    }

    public static TheoryData<string, Action<OpenRouterStandIn>> PassingFailures => new()
    {
        { "429 with Retry-After", standIn => standIn.ThenError(429, "Rate limit exceeded", ("Retry-After", "1")) },
        { "502", standIn => standIn.ThenError(502, "Upstream error") },
        { "no answer in time", standIn => standIn.Then(context => context.HangAsync()) },
    };

    [Theory]
    [MemberData(nameof(PassingFailures))]
    public async Task A_passing_failure_is_retried_on_the_same_image_within_the_job(string what, Action<OpenRouterStandIn> fail)
    {
        await using var standIn = await OpenRouterStandIn.StartAsync();
        fail(standIn);
        await using var app = await TestApp.StartAsync(settings: standIn.AppSettings());
        var ada = await Contributor.SignUpAsync(app);
        Guid[] ids = [await Images.AddAsync(app, ada.Id, Espresso), await Images.AddAsync(app, ada.Id, Splash)];

        var finished = await TagSelectionAsync(ada, ids);

        Assert.True(("succeeded", 2, 1) == (finished.State, Detail(finished).Done, finished.Attempts), $"{what}: {finished.State}, {finished.Error}");
        Assert.Equal(3, standIn.Server.Requests.Count);
        var usage = await UsageOfAsync(app, ada.Id);
        Assert.Equal((2, 2 * 612), (usage.Images, usage.PromptTokens));
    }

    [Fact]
    public async Task A_billed_provider_error_tried_again_on_the_same_image_is_counted_in_the_usage()
    {
        await using var standIn = await OpenRouterStandIn.StartAsync();
        ThenBilledProviderError(standIn);
        await using var app = await TestApp.StartAsync(settings: standIn.AppSettings());
        var ada = await Contributor.SignUpAsync(app);
        Guid[] ids = [await Images.AddAsync(app, ada.Id, Espresso), await Images.AddAsync(app, ada.Id, Splash)];

        var finished = await TagSelectionAsync(ada, ids);

        Assert.Equal(("succeeded", 2, 1), (finished.State, Detail(finished).Done, finished.Attempts));
        Assert.Equal(3, standIn.Server.Requests.Count);
        var usage = await UsageOfAsync(app, ada.Id);
        Assert.Equal((2, 3 * 612, 3 * 188, 3 * 0.00065m), (usage.Images, usage.PromptTokens, usage.CompletionTokens, usage.ProviderCost));
        Assert.Equal([0, 1], usage.Items.Where(item => item.ImageId == ids[0]).Select(item => item.Images).Order());
    }

    [Theory]
    [InlineData(false)] // 503: nothing billed
    [InlineData(true)] // 200 with the provider's error: each try billed
    public async Task An_outage_that_outlasts_the_images_retries_hands_the_job_back_and_the_next_attempt_goes_on_from_that_image(bool billed)
    {
        await using var standIn = await OpenRouterStandIn.StartAsync();
        await using var app = await TestApp.StartAsync(settings: standIn.AppSettings());
        var ada = await Contributor.SignUpAsync(app);
        Guid[] ids = [await Images.AddAsync(app, ada.Id, Espresso), await Images.AddAsync(app, ada.Id, Splash)];
        standIn.Then(context => context.JsonAsync(200, OpenRouterStandIn.Completion(OpenRouterStandIn.DefaultMetadata.ToJsonString()).ToJsonString()));
        for (var attempt = 0; attempt < TagSelectionJob.ImageAttempts; attempt++)
        {
            if (billed)
            {
                ThenBilledProviderError(standIn);
            }
            else
            {
                standIn.ThenError(503, "No provider available");
            }
        }

        var finished = await TagSelectionAsync(ada, ids);

        Assert.Equal(("succeeded", 2, 2), (finished.State, finished.Attempts, Detail(finished).Done));
        Assert.Equal(2 + TagSelectionJob.ImageAttempts, standIn.Server.Requests.Count);
        // Each image is counted once, and each billed try once, though the first attempt's own usage went with it.
        var calls = 2 + (billed ? TagSelectionJob.ImageAttempts : 0);
        var usage = await UsageOfAsync(app, ada.Id);
        Assert.Equal((2, calls * 612, calls * 188, calls * 0.00065m), (usage.Images, usage.PromptTokens, usage.CompletionTokens, usage.ProviderCost));
    }

    [Fact]
    public async Task A_rate_limit_on_one_image_answers_429_with_the_wait_and_is_recorded_as_failed()
    {
        await using var standIn = await OpenRouterStandIn.StartAsync();
        standIn.ThenError(429, "Rate limit exceeded", ("Retry-After", "7"));
        await using var app = await TestApp.StartAsync(settings: standIn.AppSettings());
        var ada = await Contributor.SignUpAsync(app);
        var id = await Images.AddAsync(app, ada.Id, Espresso);

        var response = await ada.Client.PostAsJsonAsync($"/api/images/{id}/tag", new { engine = "openrouter" }, Token);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
        var problem = (await response.Content.ReadFromJsonAsync<ProblemDetails>(Token))!;
        Assert.Contains("OpenRouter is limiting how often we call it", problem.Detail, StringComparison.Ordinal);
        Assert.Null((await Images.GetAsync(app, id)).TaggedBy);
        var usage = await UsageOfAsync(app, ada.Id);
        Assert.Equal((UsageResult.Failed, "openrouter", 0), (usage.Result, usage.Engine, usage.Items.Count));
    }

    [Fact]
    public async Task An_answer_cut_off_at_the_token_limit_fails_the_image_and_records_the_tokens_it_was_billed()
    {
        await using var standIn = await OpenRouterStandIn.StartAsync();
        standIn.ThenCompletion("{\"title\": \"Espresso cup on a", finishReason: "length");
        await using var app = await TestApp.StartAsync(settings: standIn.AppSettings());
        var ada = await Contributor.SignUpAsync(app);
        var id = await Images.AddAsync(app, ada.Id, Espresso);

        var response = await ada.Client.PostAsJsonAsync($"/api/images/{id}/tag", new { engine = "openrouter" }, Token);

        Assert.False(response.IsSuccessStatusCode);
        Assert.Contains("cut off at the token limit", (await response.Content.ReadFromJsonAsync<ProblemDetails>(Token))!.Detail, StringComparison.Ordinal);
        var usage = await UsageOfAsync(app, ada.Id);
        Assert.Equal((UsageResult.Failed, 0, 612, 188, 0.00065m), (usage.Result, usage.Images, usage.PromptTokens, usage.CompletionTokens, usage.ProviderCost));
        Assert.Equal((id, "google/gemini-2.5-flash"), (usage.Items.Single().ImageId, usage.Items.Single().Model));
    }

    /// <summary>
    /// What one image costs in prompt, with the longest hint and generation prompt: the image as sent (at most 768 px,
    /// one tile for Gemini, which counts 258 tokens per 768 px tile) and the instruction with its schema, at the
    /// usual four characters per token. With an answer of the stand-in's realistic size it stays under the target.
    /// </summary>
    [Fact]
    public async Task The_request_for_one_image_is_compact_enough_for_the_token_target()
    {
        const int TokensPerImageTile = 258;
        const int CharactersPerToken = 4;
        await using var standIn = await OpenRouterStandIn.StartAsync();
        await using var app = await TestApp.StartAsync(settings: standIn.AppSettings());
        var ada = await Contributor.SignUpAsync(app);
        var id = await Images.AddAsync(app, ada.Id, "storm-clouds-over-empty-highway.jpg", image => image.GenerationPrompt = new string('x', 2000));

        var tagged = await ada.Client.PostAsJsonAsync($"/api/images/{id}/tag", new { engine = "openrouter", hint = new string('h', 1000) }, Token);

        var answerTokens = (await tagged.Content.ReadFromJsonAsync<TagResponse>(Token))!.Usage!.CompletionTokens;
        var request = Assert.Single(standIn.Server.Requests);
        var body = Assert.Single(standIn.ReceivedBodies);
        var url = (string)body["messages"]![0]!["content"]![1]!["image_url"]!["url"]!;
        var jpeg = Convert.FromBase64String(url["data:image/jpeg;base64,".Length..]);
        using var sent = NetVips.Image.NewFromBuffer(jpeg);
        var instruction = Instruction(body);
        var schema = body["response_format"]!.ToJsonString();
        var promptTokens = TokensPerImageTile + ((instruction.Length + schema.Length) / CharactersPerToken);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"request {request.Body.Length} bytes; image {sent.Width}x{sent.Height} {jpeg.Length} bytes; instruction {instruction.Length} chars; schema {schema.Length} chars; about {promptTokens} prompt tokens + {answerTokens} answer tokens");

        Assert.Equal(768, Math.Max(sent.Width, sent.Height));
        Assert.True(jpeg.Length < 150_000, $"{jpeg.Length} bytes of JPEG");
        Assert.True(instruction.Length < 2_200, $"{instruction.Length} characters of instruction, with the longest hint and prompt");
        Assert.True(promptTokens + answerTokens <= TokensPerImageTarget, $"about {promptTokens} prompt tokens and {answerTokens} answer tokens");
    }

    [Fact]
    public async Task Without_a_key_the_vision_model_is_offered_disabled_with_the_setting_and_refused_with_409_while_local_tagging_works()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["TagMyStock:OpenRouter:Key"] = "" });
        var ada = await Contributor.SignUpAsync(app);
        var id = await Images.AddAsync(app, ada.Id, Espresso);

        var gallery = await ada.Client.GetStringAsync("/gallery", Token);
        var editor = await ada.Client.GetStringAsync($"/images/{id}", Token);
        var one = await ada.Client.PostAsJsonAsync($"/api/images/{id}/tag", new { engine = "openrouter" }, Token);
        var selection = await ada.Client.PostAsJsonAsync("/api/images/tag", new { ids = new[] { id }, engine = "openrouter" }, Token);
        var unknown = await ada.Client.PostAsJsonAsync($"/api/images/{id}/tag", new { engine = "gpt" }, Token);
        var local = await ada.Client.PostAsJsonAsync($"/api/images/{id}/tag", new { engine = "local" }, Token);

        const string Sentence = "OpenRouter is not configured: an admin sets TagMyStock__OpenRouter__Key to use it.";
        foreach (var html in new[] { gallery, editor })
        {
            Assert.Matches("<input type=\"radio\" id=\"[a-z]+-engine-openrouter\"[^>]*disabled", html);
            Assert.Contains(Sentence, html, StringComparison.Ordinal);
        }

        foreach (var refused in new[] { one, selection })
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal(Sentence, (await refused.Content.ReadFromJsonAsync<ProblemDetails>(Token))!.Detail);
        }

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal([TaggingEngines.UnknownEngineMessage], (await unknown.Content.ReadFromJsonAsync<HttpValidationProblemDetails>(Token))!.Errors["engine"]);
        Assert.Equal(HttpStatusCode.OK, local.StatusCode);
        Assert.Equal("local", (await Images.GetAsync(app, id)).TaggedBy);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Job>().CountAsync(Token)));
    }

    private static async Task<JobResponse> TagSelectionAsync(Contributor contributor, IReadOnlyList<Guid> ids)
    {
        var response = await contributor.Client.PostAsJsonAsync("/api/images/tag", new { ids, engine = "openrouter" }, Token);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = (await response.Content.ReadFromJsonAsync<JobResponse>(Token))!;
        return await JobPolling.WaitUntilFinishedAsync(contributor.Client, job.Id);
    }

    /// <summary>An error the provider reported after generation started: HTTP 200, billed, worth trying again.</summary>
    private static void ThenBilledProviderError(OpenRouterStandIn standIn) =>
        standIn.ThenCompletion(content: "", finishReason: "error", choiceExtras: new JsonObject { ["error"] = new JsonObject { ["code"] = 502, ["message"] = "Provider returned error" } });

    private static TagSelectionDetail Detail(JobResponse job) => job.Detail<TagSelectionDetail>();

    private static string Instruction(JsonObject body) => (string)body["messages"]![0]!["content"]![0]!["text"]!;

    private static Task<UsageRecord> UsageOfAsync(TestApp app, Guid ownerId) =>
        app.WithDbAsync(db => db.Set<UsageRecord>().AsNoTracking().Include(record => record.Items).SingleAsync(record => record.OwnerId == ownerId, Token));
}
