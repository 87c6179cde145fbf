using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TagMyStock.Core.Agencies.Profiles;
using TagMyStock.Core.Metadata;
using TagMyStock.Core.Rules;
using TagMyStock.Core.Tagging;
using TagMyStock.Web.Infrastructure.ExternalServices;

namespace TagMyStock.Web.Features.Tagging.OpenRouter;

public sealed class OpenRouterTaggingEngineTests
{
    private const string Sample = "abstract-teal-orange-swirl.png";

    private static readonly TaggingInput Input = new("swirl.png", Hint: null, GenerationPrompt: null, ImageMetadata.Empty)
    {
        ImagePath = Images.SamplePath(Sample),
        Agencies = [AdobeStock.Profile, Shutterstock.Profile],
    };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sends_the_downscaled_image_with_an_instruction_and_schema_for_the_chosen_agencies()
    {
        await using var standIn = await OpenRouterStandIn.StartAsync();
        using var host = Host(standIn);

        await Engine(host).TagAsync(Input with { GenerationPrompt = "a swirl of teal and orange paint, 8k, trending" }, Cancel);

        var request = Assert.Single(standIn.Server.Requests);
        Assert.Equal($"Bearer {OpenRouterStandIn.Key}", request.Headers["Authorization"]);
        var body = Assert.Single(standIn.ReceivedBodies);
        Assert.Equal("test/vision", (string?)body["model"]);
        Assert.Equal(["test/vision", "test/fallback"], body["models"]!.AsArray().Select(model => (string?)model));
        Assert.True((bool?)body["provider"]!["require_parameters"]);
        Assert.Equal("deny", (string?)body["provider"]!["data_collection"]);
        var format = body["response_format"]!;
        Assert.Equal("json_schema", (string?)format["type"]);
        Assert.True((bool?)format["json_schema"]!["strict"]);
        var categories = format["json_schema"]!["schema"]!["properties"]!["categories"]!["properties"]!;
        Assert.Contains("Animals", categories["adobe"]!["enum"]!.AsArray().Select(name => (string?)name));
        Assert.NotNull(categories["shutterstock"]);

        var content = body["messages"]![0]!["content"]!.AsArray();
        Assert.Equal("text", (string?)content[0]!["type"]);
        var instruction = (string)content[0]!["text"]!;
        Assert.Contains("Adobe Stock, Shutterstock", instruction, StringComparison.Ordinal);
        Assert.Contains("at most 70 characters", instruction, StringComparison.Ordinal);
        Assert.Contains("a swirl of teal and orange paint", instruction, StringComparison.Ordinal);
        var url = (string)content[1]!["image_url"]!["url"]!;
        Assert.StartsWith("data:image/jpeg;base64,", url, StringComparison.Ordinal);
        using var sent = NetVips.Image.NewFromBuffer(Convert.FromBase64String(url["data:image/jpeg;base64,".Length..]));
        Assert.Equal(768, Math.Max(sent.Width, sent.Height));
    }

    [Fact]
    public async Task The_instruction_aims_at_the_users_own_rules_where_they_are_stricter_than_the_agencies()
    {
        await using var standIn = await OpenRouterStandIn.StartAsync();
        using var host = Host(standIn);
        var rules = new UserRules { MaxKeywords = 20, TitleMinLength = 20, TitleMaxLength = 50, BannedWords = ["cheap", "free"], SingleWordKeywordsOnly = true };

        await Engine(host).TagAsync(Input with { Rules = rules }, Cancel);

        var instruction = (string)Assert.Single(standIn.ReceivedBodies)["messages"]![0]!["content"]![0]!["text"]!;
        Assert.Contains("title: 20 to 50 characters", instruction, StringComparison.Ordinal);
        Assert.Contains("keywords: 20, most relevant first", instruction, StringComparison.Ordinal);
        Assert.Contains("lowercase single words only", instruction, StringComparison.Ordinal);
        Assert.Contains("Never use these words: cheap, free", instruction, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cleans_the_answer_like_every_engine_and_reports_the_usage()
    {
        await using var standIn = await OpenRouterStandIn.StartAsync();
        using var host = Host(standIn);

        var result = await Engine(host).TagAsync(Input with { GenerationPrompt = "tabby cat portrait" }, Cancel);

        Assert.Equal("openrouter", result.Engine);
        var keywords = result.Metadata.Keywords;
        Assert.Equal(["cat", "tabby", "green eyes", "pet"], keywords.Take(4));
        Assert.DoesNotContain("cats", keywords);
        Assert.DoesNotContain("nike", keywords);
        Assert.Equal("1", result.Metadata.CategoryFor("adobe"));
        Assert.True(result.Metadata.Has(ContentFlags.AiGenerated));
        Assert.False(result.Metadata.Has(ContentFlags.PeopleReleaseNeeded), "Generated people are fictional: no release.");
        Assert.Equal(new EngineUsage("google/gemini-2.5-flash", 612, 188, 0.00065m), result.Usage);
        Assert.All(result.Evidence, evidence => Assert.Contains(EvidenceSource.Pixels, evidence.Sources));
    }

    [Fact]
    public async Task Without_a_key_it_says_it_is_not_configured_and_sends_nothing()
    {
        await using var standIn = await OpenRouterStandIn.StartAsync();
        using var host = Host(standIn, key: null);
        var engine = Engine(host);

        var failure = await Assert.ThrowsAsync<ExternalServiceException>(() => engine.TagAsync(Input, Cancel));

        Assert.False(engine.IsConfigured);
        Assert.Equal(ExternalServiceFailure.NotConfigured, failure.Failure);
        Assert.False(failure.IsTransient);
        Assert.Contains(OpenRouterOptions.KeySetting, failure.Message, StringComparison.Ordinal);
        Assert.Empty(standIn.Server.Requests);
    }

    [Theory]
    [InlineData(400, ExternalServiceFailure.InvalidRequest, false)]
    [InlineData(401, ExternalServiceFailure.Unauthorized, false)]
    [InlineData(402, ExternalServiceFailure.PaymentRequired, false)]
    [InlineData(403, ExternalServiceFailure.Refused, false)]
    [InlineData(408, ExternalServiceFailure.Timeout, true)]
    [InlineData(500, ExternalServiceFailure.Unavailable, true)]
    [InlineData(502, ExternalServiceFailure.Unavailable, true)]
    [InlineData(503, ExternalServiceFailure.Unavailable, true)]
    public async Task Maps_error_statuses_to_named_failures(int status, ExternalServiceFailure expected, bool transient)
    {
        await using var standIn = await OpenRouterStandIn.StartAsync();
        standIn.ThenError(status, "the stand-in's reason");
        using var host = Host(standIn);

        var failure = await Assert.ThrowsAsync<ExternalServiceException>(() => Engine(host).TagAsync(Input, Cancel));

        Assert.Equal(expected, failure.Failure);
        Assert.Equal(transient, failure.IsTransient);
        Assert.Equal((HttpStatusCode)status, failure.StatusCode);
        Assert.Contains("the stand-in's reason", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rate_limit_is_transient_and_carries_retry_after()
    {
        await using var standIn = await OpenRouterStandIn.StartAsync();
        standIn.ThenError(429, "Rate limit exceeded", ("Retry-After", "7"));
        using var host = Host(standIn);

        var failure = await Assert.ThrowsAsync<ExternalServiceException>(() => Engine(host).TagAsync(Input, Cancel));

        Assert.Equal(ExternalServiceFailure.RateLimited, failure.Failure);
        Assert.True(failure.IsTransient);
        Assert.Equal(TimeSpan.FromSeconds(7), failure.RetryAfter);
    }

    [Fact]
    public async Task A_short_rate_limit_is_waited_out_within_the_call()
    {
        await using var standIn = await OpenRouterStandIn.StartAsync();
        standIn.ThenError(429, "Rate limit exceeded", ("Retry-After", "1"));
        using var host = Host(standIn, maxRetries: 1);

        var result = await Engine(host).TagAsync(Input, Cancel);

        Assert.NotEmpty(result.Metadata.Keywords);
        Assert.Equal(2, standIn.Server.Requests.Count);
    }

    [Fact]
    public async Task A_request_that_may_have_been_taken_is_not_sent_twice()
    {
        await using var standIn = await OpenRouterStandIn.StartAsync();
        standIn.ThenError(502, "Upstream error");
        using var host = Host(standIn, maxRetries: 2);

        var failure = await Assert.ThrowsAsync<ExternalServiceException>(() => Engine(host).TagAsync(Input, Cancel));

        Assert.Equal(ExternalServiceFailure.Unavailable, failure.Failure);
        Assert.Single(standIn.Server.Requests);
    }

    [Fact]
    public async Task A_model_that_does_not_answer_in_time_is_a_transient_timeout()
    {
        await using var standIn = await OpenRouterStandIn.StartAsync();
        standIn.Then(context => context.HangAsync());
        using var host = Host(standIn, maxRetries: 2, timeout: TimeSpan.FromMilliseconds(500));

        var failure = await Assert.ThrowsAsync<ExternalServiceException>(() => Engine(host).TagAsync(Input, Cancel));

        Assert.Equal(ExternalServiceFailure.Timeout, failure.Failure);
        Assert.True(failure.IsTransient);
        Assert.Single(standIn.Server.Requests);
    }

    public static TheoryData<string, Func<HttpContext, Task>> MalformedAnswers => new()
    {
        { "not JSON at all", context => context.JsonAsync(200, "<html>Bad gateway</html>") },
        { "no choices", context => context.JsonAsync(200, """{"id":"gen-1","choices":[]}""") },
        { "prose instead of JSON", context => context.JsonAsync(200, OpenRouterStandIn.Completion("Here are some keywords: cat, dog").ToJsonString()) },
        { "JSON without keywords", context => context.JsonAsync(200, OpenRouterStandIn.Completion("""{"title":"A cat","keywords":[]}""").ToJsonString()) },
        { "cut off at the token limit", context => context.JsonAsync(200, OpenRouterStandIn.Completion("""{"title":"A cat","keyw""", "length").ToJsonString()) },
    };

    [Theory]
    [MemberData(nameof(MalformedAnswers))]
    public async Task An_unreadable_answer_is_malformed_and_worth_another_try(string what, Func<HttpContext, Task> answer)
    {
        await using var standIn = await OpenRouterStandIn.StartAsync();
        standIn.Then(answer);
        using var host = Host(standIn);

        var failure = await Assert.ThrowsAsync<ExternalServiceException>(() => Engine(host).TagAsync(Input, Cancel));

        Assert.True(failure.Failure == ExternalServiceFailure.MalformedResponse, $"{what}: {failure.Failure}");
        Assert.True(failure.IsTransient);
    }

    [Fact]
    public async Task An_answer_in_a_code_fence_is_read()
    {
        await using var standIn = await OpenRouterStandIn.StartAsync();
        standIn.ThenCompletion("```json\n" + OpenRouterStandIn.DefaultMetadata.ToJsonString() + "\n```");
        using var host = Host(standIn);

        var result = await Engine(host).TagAsync(Input, Cancel);

        Assert.Contains("tabby", result.Metadata.Keywords);
    }

    [Fact]
    public async Task A_content_filter_is_a_permanent_refusal()
    {
        await using var standIn = await OpenRouterStandIn.StartAsync();
        standIn.ThenCompletion(content: null, finishReason: "content_filter");
        using var host = Host(standIn);

        var failure = await Assert.ThrowsAsync<ExternalServiceException>(() => Engine(host).TagAsync(Input, Cancel));

        Assert.Equal(ExternalServiceFailure.Refused, failure.Failure);
        Assert.False(failure.IsTransient);
    }

    [Fact]
    public async Task An_explicit_refusal_is_a_permanent_refusal_with_the_model_s_words()
    {
        await using var standIn = await OpenRouterStandIn.StartAsync();
        standIn.ThenCompletion(content: null, choiceExtras: new JsonObject { ["message"] = new JsonObject { ["role"] = "assistant", ["refusal"] = "I can't describe this image." } });
        using var host = Host(standIn);

        var failure = await Assert.ThrowsAsync<ExternalServiceException>(() => Engine(host).TagAsync(Input, Cancel));

        Assert.Equal(ExternalServiceFailure.Refused, failure.Failure);
        Assert.Contains("I can't describe this image.", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(429, ExternalServiceFailure.RateLimited)]
    [InlineData(502, ExternalServiceFailure.Unavailable)]
    public async Task An_error_after_generation_started_is_read_from_the_choice(int code, ExternalServiceFailure expected)
    {
        await using var standIn = await OpenRouterStandIn.StartAsync();
        standIn.ThenCompletion(content: "", finishReason: "error", choiceExtras: new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = "provider failed mid-stream" } });
        using var host = Host(standIn);

        var failure = await Assert.ThrowsAsync<ExternalServiceException>(() => Engine(host).TagAsync(Input, Cancel));

        Assert.Equal(expected, failure.Failure);
        Assert.True(failure.IsTransient);
    }

    private static OpenRouterTaggingEngine Engine(IHost host) => host.Services.GetRequiredService<OpenRouterTaggingEngine>();

    private static IHost Host(OpenRouterStandIn standIn, string? key = OpenRouterStandIn.Key, int maxRetries = 0, TimeSpan? timeout = null)
    {
        // No defaults: a key in this machine's environment must not leak into the test.
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TagMyStock:OpenRouter:Key"] = key,
            ["TagMyStock:OpenRouter:BaseUrl"] = standIn.BaseUrl.AbsoluteUri,
            ["TagMyStock:OpenRouter:Model"] = "test/vision",
            ["TagMyStock:OpenRouter:Fallbacks:0"] = "test/fallback",
            ["TagMyStock:OpenRouter:MaxRetries"] = maxRetries.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["TagMyStock:OpenRouter:RetryDelay"] = "00:00:00.050",
            ["TagMyStock:OpenRouter:RequestTimeout"] = (timeout ?? TimeSpan.FromSeconds(20)).ToString("c", System.Globalization.CultureInfo.InvariantCulture),
        });
        builder.AddOpenRouterTagging();
        return builder.Build();
    }
}
