using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TagMyStock.Web.Features.Generation.Fal;
using TagMyStock.Web.Features.Jobs;

namespace TagMyStock.Web.Features.ImageEditing;

/// <summary>Starting edits the way the image tools page's script does.</summary>
internal static class ImageEdits
{
    /// <summary>POST /api/images/{id}/edits/{operation} with the antiforgery header.</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, Guid imageId, string operation, object body) =>
        Forms.SendApiAsync(client, HttpMethod.Post, $"/api/images/{imageId}/edits/{operation}", body);

    /// <summary>Starts an edit that must be accepted, and returns its job.</summary>
    public static async Task<JobResponse> StartAsync(HttpClient client, Guid imageId, string operation, object body)
    {
        using var response = await PostAsync(client, imageId, operation, body);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (await response.Content.ReadFromJsonAsync<JobResponse>(TestContext.Current.CancellationToken))!;
    }

    /// <summary>Starts an edit that must be accepted, and waits until its job has finished.</summary>
    public static async Task<JobResponse> EditAsync(HttpClient client, Guid imageId, string operation, object body) =>
        await JobPolling.WaitUntilFinishedAsync(client, (await StartAsync(client, imageId, operation, body)).Id);

    /// <summary>The JSON body FAL received with the one submission.</summary>
    public static JsonObject Submitted(this FalStandIn fal) =>
        JsonNode.Parse(Assert.Single(fal.Server.Requests, request => request.Method == "POST").Body)!.AsObject();

    /// <summary>The bytes of a data URL, checking its content type.</summary>
    public static byte[] DataUrlBytes(JsonNode? url, string contentType)
    {
        var text = (string?)url ?? "";
        var prefix = $"data:{contentType};base64,";
        Assert.StartsWith(prefix, text, StringComparison.Ordinal);
        return Convert.FromBase64String(text[prefix.Length..]);
    }
}
