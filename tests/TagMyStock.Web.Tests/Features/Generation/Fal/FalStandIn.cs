using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

namespace TagMyStock.Web.Features.Generation.Fal;

/// <summary>The steps of FAL's queue API, each of which a test can make fail.</summary>
public enum FalStep
{
    Submit,
    Status,
    Result,
    Cancel,
    File,
}

/// <summary>
/// FAL's queue API on loopback: a submitted request waits <see cref="QueuePolls"/> status calls in the queue,
/// runs for <see cref="ProgressPolls"/> more, then completes with one image per <c>num_images</c>, served
/// from <c>/files/</c>. A request with an <c>image_url</c> is an edit, answered as the edit models answer: an
/// upscaler (a <c>scale</c> or <c>upscale_factor</c>) returns <c>{image}</c> enlarged by it, a background remover (no
/// prompt) <c>{image}</c> as a PNG whose left half is transparent, an instruction edit or inpainting
/// <c>{images:[…]}</c> of the image sent. Any step can be given scripted answers instead; it also publishes a
/// JWKS and signs webhooks as FAL does.
/// </summary>
public sealed class FalStandIn : IAsyncDisposable
{
    public const string Key = "fal-test-key";

    private readonly ConcurrentDictionary<string, QueuedRequest> _requests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<FalStep, ConcurrentQueue<Func<HttpContext, Task>>> _script = new();
    private readonly Ed25519PrivateKeyParameters _signingKey = new(new SecureRandom());
    private readonly ConcurrentDictionary<string, (byte[] Bytes, string ContentType)> _files = new(StringComparer.Ordinal);

    private FalStandIn(LoopbackServer server) => Server = server;

    public LoopbackServer Server { get; }

    public int QueuePolls { get; set; } = 2;

    public int ProgressPolls { get; set; } = 1;

    /// <summary>What <c>/files/…</c> serves: a real JPEG.</summary>
    public byte[] FileBytes { get; } = File.ReadAllBytes(Images.SamplePath("espresso-cup-on-wooden-table.jpg"));

    public Uri JwksUrl => new(Server.BaseAddress, ".well-known/jwks.json");

    public static async Task<FalStandIn> StartAsync()
    {
        FalStandIn? standIn = null;
        var server = await LoopbackServer.StartAsync((context, received) => standIn!.AnswerAsync(context, received));
        standIn = new FalStandIn(server);
        return standIn;
    }

    /// <summary>The next call of <paramref name="step"/> gets <paramref name="answer"/> instead of the simulated one.</summary>
    public void Then(FalStep step, Func<HttpContext, Task> answer) => _script.GetOrAdd(step, _ => new()).Enqueue(answer);

    /// <summary>The ids of the requests submitted, in order.</summary>
    public IReadOnlyList<string> RequestIds => [.. _requests.OrderBy(pair => pair.Value.SubmittedAt).Select(pair => pair.Key)];

    /// <summary>Finishes a request as FAL would, whatever its status calls still say: its result can be read.</summary>
    public void Finish(string requestId) => _requests[requestId].Completed = true;

    public IEnumerable<ReceivedRequest> RequestsTo(string pathPrefix) =>
        Server.Requests.Where(request => request.PathAndQuery.StartsWith(pathPrefix, StringComparison.Ordinal));

    /// <summary>The headers FAL would send with <paramref name="body"/>, signed with the key the JWKS publishes.</summary>
    public Dictionary<string, string> SignWebhook(string requestId, byte[] body, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var message = Encoding.UTF8.GetBytes($"{requestId}\nuser-1\n{timestamp}\n{Convert.ToHexStringLower(SHA256.HashData(body))}");
        var signer = new Ed25519Signer();
        signer.Init(forSigning: true, _signingKey);
        signer.BlockUpdate(message, 0, message.Length);
        return new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["X-Fal-Webhook-Request-Id"] = requestId,
            ["X-Fal-Webhook-User-Id"] = "user-1",
            ["X-Fal-Webhook-Timestamp"] = timestamp,
            ["X-Fal-Webhook-Signature"] = Convert.ToHexStringLower(signer.GenerateSignature()),
        };
    }

    private Task AnswerAsync(HttpContext context, ReceivedRequest received)
    {
        var path = context.Request.Path.Value!.Trim('/');
        if (path == ".well-known/jwks.json")
        {
            var x = Convert.ToBase64String(_signingKey.GeneratePublicKey().GetEncoded()).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            return context.JsonAsync(200, $$"""{"keys":[{"kty":"OKP","crv":"Ed25519","x":"{{x}}","kid":"test"}]}""");
        }

        if (path.StartsWith("files/", StringComparison.Ordinal))
        {
            return Scripted(FalStep.File, context) ?? ServeFileAsync(context);
        }

        if (context.Request.Headers.Authorization != $"Key {Key}")
        {
            return context.JsonAsync(401, """{"detail":"No user found for Key ID and Secret"}""");
        }

        var parts = path.Split('/');
        var requestsAt = Array.IndexOf(parts, "requests");
        if (context.Request.Method == HttpMethods.Post)
        {
            return Scripted(FalStep.Submit, context) ?? SubmitAsync(context, path, received);
        }

        if (requestsAt != 2 || parts.Length < 4)
        {
            return context.JsonAsync(404, """{"detail":"Not found"}""");
        }

        var app = string.Join('/', parts[..2]);
        var id = parts[3];
        return (context.Request.Method, parts.Length > 4 ? parts[4] : null) switch
        {
            ("GET", "status") => Scripted(FalStep.Status, context) ?? StatusAsync(context, app, id),
            ("GET", null) => Scripted(FalStep.Result, context) ?? ResultAsync(context, app, id),
            ("PUT", "cancel") => Scripted(FalStep.Cancel, context) ?? CancelAsync(context, app, id),
            _ => context.JsonAsync(405, """{"detail":"Method not allowed"}"""),
        };
    }

    private Task? Scripted(FalStep step, HttpContext context) =>
        _script.TryGetValue(step, out var answers) && answers.TryDequeue(out var answer) ? answer(context) : null;

    private Task SubmitAsync(HttpContext context, string modelId, ReceivedRequest received)
    {
        var input = JsonNode.Parse(received.Body)!.AsObject();
        var id = Guid.NewGuid().ToString();
        var app = string.Join('/', modelId.Split('/').Take(2));
        _requests[id] = new QueuedRequest(app, input) { QueueLeft = QueuePolls, ProgressLeft = ProgressPolls };
        return context.JsonAsync(200, Describe(id, app, "IN_QUEUE", QueuePolls).ToJsonString());
    }

    private Task StatusAsync(HttpContext context, string app, string id)
    {
        if (!_requests.TryGetValue(id, out var request) || request.App != app)
        {
            return context.JsonAsync(404, """{"detail":"Request not found"}""");
        }

        lock (request)
        {
            if (request.QueueLeft > 0)
            {
                var answer = Describe(id, app, "IN_QUEUE", request.QueueLeft--);
                return context.JsonAsync(202, answer.ToJsonString());
            }

            if (request.ProgressLeft > 0)
            {
                request.ProgressLeft--;
                var answer = Describe(id, app, "IN_PROGRESS", position: null);
                answer["logs"] = new JsonArray(new JsonObject { ["message"] = "step 2/4", ["level"] = "INFO", ["source"] = "USER", ["timestamp"] = "2026-11-25T10:00:00Z" });
                return context.JsonAsync(202, answer.ToJsonString());
            }

            request.Completed = true;
            var completed = Describe(id, app, "COMPLETED", position: null);
            completed["metrics"] = new JsonObject { ["inference_time"] = 1.25 };
            return context.JsonAsync(200, completed.ToJsonString());
        }
    }

    private Task ResultAsync(HttpContext context, string app, string id)
    {
        if (!_requests.TryGetValue(id, out var request) || request.App != app)
        {
            return context.JsonAsync(404, """{"detail":"Request not found"}""");
        }

        if (!request.Completed)
        {
            return context.JsonAsync(400, """{"detail":"Request is still in progress"}""");
        }

        if (request.Input["image_url"] is not null)
        {
            return EditResultAsync(context, id, request.Input);
        }

        var count = (int?)request.Input["num_images"] ?? 1;
        var size = request.Input["image_size"] as JsonObject;
        var images = new JsonArray([.. Enumerable.Range(0, count).Select(index => (JsonNode)new JsonObject
        {
            ["url"] = new Uri(Server.BaseAddress, $"files/{id}-{index}.jpg").AbsoluteUri,
            ["width"] = (int?)size?["width"] ?? 1024,
            ["height"] = (int?)size?["height"] ?? 768,
            ["content_type"] = "image/jpeg",
        })]);
        var output = new JsonObject
        {
            ["images"] = images,
            ["seed"] = (long?)request.Input["seed"] ?? 424242,
            ["has_nsfw_concepts"] = new JsonArray([.. Enumerable.Range(0, count).Select(_ => (JsonNode?)JsonValue.Create(false))]),
            ["prompt"] = (string?)request.Input["prompt"],
        };
        return context.JsonAsync(200, output.ToJsonString());
    }

    private Task CancelAsync(HttpContext context, string app, string id)
    {
        if (!_requests.TryGetValue(id, out var request) || request.App != app)
        {
            return context.JsonAsync(404, """{"status":"NOT_FOUND"}""");
        }

        return request.Completed
            ? context.JsonAsync(400, """{"status":"ALREADY_COMPLETED"}""")
            : context.JsonAsync(202, """{"status":"CANCELLATION_REQUESTED"}""");
    }

    private Task EditResultAsync(HttpContext context, string id, JsonObject input)
    {
        var sent = Convert.FromBase64String(((string)input["image_url"]!).Split(',', 2)[1]);
        using var image = NetVips.Image.NewFromBuffer(sent);
        var factor = (int?)input["scale"] ?? (int?)input["upscale_factor"];
        var isBackgroundRemoval = factor is null && input["prompt"] is null;
        (byte[] Bytes, string ContentType) file;
        if (factor is { } scale)
        {
            using var larger = image.Resize(scale);
            file = (larger.JpegsaveBuffer(), "image/jpeg");
        }
        else if (isBackgroundRemoval)
        {
            // The left half cut away, the right half kept.
            using var coordinates = NetVips.Image.Xyz(image.Width, image.Height);
            using var x = coordinates[0];
            using var alpha = x >= image.Width / 2;
            using var cutout = image.Bandjoin(alpha);
            file = (cutout.PngsaveBuffer(), "image/png");
        }
        else
        {
            file = (image.JpegsaveBuffer(), "image/jpeg");
        }

        var name = $"{id}-0.{(file.ContentType == "image/png" ? "png" : "jpg")}";
        _files[name] = file;
        using var result = NetVips.Image.NewFromBuffer(file.Bytes);
        var described = new JsonObject
        {
            ["url"] = new Uri(Server.BaseAddress, $"files/{name}").AbsoluteUri,
            ["width"] = result.Width,
            ["height"] = result.Height,
            ["content_type"] = file.ContentType,
        };
        var output = factor is not null || isBackgroundRemoval
            ? new JsonObject { ["image"] = described }
            : new JsonObject { ["images"] = new JsonArray(described), ["seed"] = 99, ["has_nsfw_concepts"] = new JsonArray(false) };
        return context.JsonAsync(200, output.ToJsonString());
    }

    private Task ServeFileAsync(HttpContext context)
    {
        var (bytes, contentType) = _files.TryGetValue(context.Request.Path.Value!["/files/".Length..], out var file) ? file : (FileBytes, "image/jpeg");
        context.Response.ContentType = contentType;
        context.Response.ContentLength = bytes.Length;
        return context.Response.Body.WriteAsync(bytes, context.RequestAborted).AsTask();
    }

    private JsonObject Describe(string id, string app, string status, int? position)
    {
        var requestUrl = new Uri(Server.BaseAddress, $"{app}/requests/{id}").AbsoluteUri;
        var answer = new JsonObject
        {
            ["status"] = status,
            ["request_id"] = id,
            ["response_url"] = requestUrl,
            ["status_url"] = requestUrl + "/status",
            ["cancel_url"] = requestUrl + "/cancel",
        };
        if (position is { } ahead)
        {
            answer["queue_position"] = ahead;
        }

        return answer;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private sealed class QueuedRequest(string app, JsonObject input)
    {
        public string App { get; } = app;

        public JsonObject Input { get; } = input;

        public DateTime SubmittedAt { get; } = DateTime.UtcNow;

        public int QueueLeft { get; set; }

        public int ProgressLeft { get; set; }

        public bool Completed { get; set; }
    }
}
