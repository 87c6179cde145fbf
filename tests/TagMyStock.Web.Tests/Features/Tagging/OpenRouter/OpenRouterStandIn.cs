using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace TagMyStock.Web.Features.Tagging.OpenRouter;

/// <summary>
/// OpenRouter's <c>POST /chat/completions</c> on loopback. Each request takes the next scripted answer;
/// with none left it answers a well-formed completion carrying <see cref="DefaultMetadata"/>.
/// </summary>
public sealed class OpenRouterStandIn : IAsyncDisposable
{
    public const string Key = "sk-or-test";

    /// <summary>A model's answer with the faults a real one has: case, plural twins, a hashtag, a brand, spacing.</summary>
    public static readonly JsonObject DefaultMetadata = new()
    {
        ["title"] = "Tabby cat with green eyes resting indoors",
        ["description"] = "Close portrait of a striped tabby cat looking at the camera with bright green eyes.",
        ["keywords"] = new JsonArray("Cat", "cats", "tabby", "  green   eyes ", "#pet", "nike", "portrait", "whiskers", "feline", "domestic animal"),
        ["flags"] = new JsonObject { ["editorial"] = false, ["mature"] = false, ["illustration"] = false, ["recognizable_people"] = true, ["recognizable_property"] = false },
        ["categories"] = new JsonObject { ["adobe"] = "Animals" },
    };

    private readonly ConcurrentQueue<Func<HttpContext, Task>> _script = new();

    private OpenRouterStandIn(LoopbackServer server) => Server = server;

    public LoopbackServer Server { get; }

    /// <summary>The base URL to configure, ending in <c>/api/v1/</c> like the real one.</summary>
    public Uri BaseUrl => new(Server.BaseAddress, "api/v1/");

    public static async Task<OpenRouterStandIn> StartAsync()
    {
        OpenRouterStandIn? standIn = null;
        var server = await LoopbackServer.StartAsync((context, _) => standIn!.AnswerAsync(context));
        standIn = new OpenRouterStandIn(server);
        return standIn;
    }

    /// <summary>The app pointed at the stand-in; retries inside one HTTP call off, so the job's own retries are what is tested.</summary>
    public Dictionary<string, string?> AppSettings() => new()
    {
        ["TagMyStock:OpenRouter:Key"] = Key,
        ["TagMyStock:OpenRouter:BaseUrl"] = BaseUrl.AbsoluteUri,
        ["TagMyStock:OpenRouter:MaxRetries"] = "0",
        ["TagMyStock:OpenRouter:RetryDelay"] = "00:00:00.050",
        ["TagMyStock:OpenRouter:RequestTimeout"] = "00:00:01",
        ["TagMyStock:Jobs:RetryBaseDelay"] = "00:00:00.100",
    };

    public void Then(Func<HttpContext, Task> answer) => _script.Enqueue(answer);

    public void ThenError(int status, string message, params (string Name, string Value)[] headers) =>
        Then(context => context.JsonAsync(status, new JsonObject { ["error"] = new JsonObject { ["code"] = status, ["message"] = message } }.ToJsonString(), headers));

    /// <summary>A 200 completion whose message content is <paramref name="content"/>.</summary>
    public void ThenCompletion(string? content, string finishReason = "stop", JsonObject? choiceExtras = null) =>
        Then(context => context.JsonAsync(200, Completion(content, finishReason, choiceExtras).ToJsonString()));

    public IReadOnlyList<JsonObject> ReceivedBodies => [.. Server.Requests.Select(request => JsonNode.Parse(request.Body)!.AsObject())];

    public static JsonObject Completion(string? content, string finishReason = "stop", JsonObject? choiceExtras = null)
    {
        var choice = new JsonObject
        {
            ["finish_reason"] = finishReason,
            ["native_finish_reason"] = finishReason,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
        };
        foreach (var (name, value) in choiceExtras ?? [])
        {
            choice[name] = value?.DeepClone();
        }

        return new JsonObject
        {
            ["id"] = "gen-test",
            ["object"] = "chat.completion",
            ["created"] = 1_760_000_000,
            ["model"] = "google/gemini-2.5-flash",
            ["choices"] = new JsonArray(choice),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 612, ["completion_tokens"] = 188, ["total_tokens"] = 800, ["cost"] = 0.00065 },
        };
    }

    private Task AnswerAsync(HttpContext context)
    {
        if (context.Request.Path != "/api/v1/chat/completions" || context.Request.Method != HttpMethods.Post)
        {
            return context.JsonAsync(404, """{"error":{"code":404,"message":"Not found"}}""");
        }

        if (context.Request.Headers.Authorization != $"Bearer {Key}")
        {
            return context.JsonAsync(401, """{"error":{"code":401,"message":"No auth credentials found"}}""");
        }

        return _script.TryDequeue(out var answer)
            ? answer(context)
            : context.JsonAsync(200, Completion(DefaultMetadata.ToJsonString()).ToJsonString());
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
