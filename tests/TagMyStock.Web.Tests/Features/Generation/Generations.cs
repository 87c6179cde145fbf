using System.Net.Http.Json;
using TagMyStock.Web.Features.Generation.Fal;
using TagMyStock.Web.Features.Jobs;

namespace TagMyStock.Web.Features.Generation;

/// <summary>Starting generations the way the generate page's script does, against an app pointed at a FAL stand-in.</summary>
internal static class Generations
{
    public const string Prompt = "Espresso cup on a wooden table, morning light";

    /// <summary>The app's settings for <paramref name="fal"/>: quick polls, quick job retries, no retries inside the FAL client.</summary>
    public static Dictionary<string, string?> Settings(FalStandIn fal, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["TagMyStock:Fal:Key"] = FalStandIn.Key,
            ["TagMyStock:Fal:QueueBaseUrl"] = fal.Server.BaseAddress.AbsoluteUri,
            ["TagMyStock:Fal:DownloadHosts:0"] = fal.Server.BaseAddress.Host,
            ["TagMyStock:Fal:MaxRetries"] = "0",
            ["TagMyStock:Fal:PollInterval"] = "00:00:00.020",
            ["TagMyStock:Jobs:RetryBaseDelay"] = "00:00:00.100",
            ["TagMyStock:Jobs:MaxAttempts"] = "3",
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    public static object Body(string model = "fast", string aspectRatio = "3:2", int images = 1, long? seed = null, string? negativePrompt = null, bool tagOnArrival = false, string prompt = Prompt) =>
        new { prompt, model, aspectRatio, images, seed, negativePrompt, tagOnArrival };

    /// <summary>POST /api/generations with the antiforgery header, as the page sends it.</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, object body) =>
        Forms.SendApiAsync(client, HttpMethod.Post, GenerationApi.Path, body);

    /// <summary>Starts a generation that must be accepted, and returns its job.</summary>
    public static async Task<JobResponse> StartAsync(HttpClient client, object body)
    {
        using var response = await PostAsync(client, body);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (await response.Content.ReadFromJsonAsync<JobResponse>(TestContext.Current.CancellationToken))!;
    }

    public static async Task<JobResponse> GenerateAsync(HttpClient client, object body) =>
        await JobPolling.WaitUntilFinishedAsync(client, (await StartAsync(client, body)).Id);

    public static int Submissions(this FalStandIn fal) => fal.Server.Requests.Count(request => request.Method == "POST");

    public static int StatusCalls(this FalStandIn fal) => fal.Server.Requests.Count(request => request.PathAndQuery.Contains("/status", StringComparison.Ordinal));

    public static int Downloads(this FalStandIn fal) => fal.RequestsTo("/files/").Count();

    /// <summary>Waits until the stand-in has received <paramref name="count"/> status calls: the job has saved its request id by then.</summary>
    public static async Task WaitForStatusCallsAsync(this FalStandIn fal, int count)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(1));
        while (fal.StatusCalls() < count)
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
