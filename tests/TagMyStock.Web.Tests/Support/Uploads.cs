using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using NetVips;
using TagMyStock.Web.Features.Gallery;
using TagMyStock.Web.Features.Gallery.Upload;
using TagMyStock.Web.Infrastructure.Web;

namespace TagMyStock.Web.Support;

/// <summary>Uploads and waits the way the gallery page's scripts do, for the gallery and upload tests.</summary>
internal static class Uploads
{
    public static byte[] Sample(string name) => File.ReadAllBytes(Images.SamplePath(name));

    /// <summary>The antiforgery token the gallery page gives its scripts (the cookie lands in the client's jar).</summary>
    public static async Task<string> TokenAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/gallery", TestContext.Current.CancellationToken);
        return Forms.AntiforgeryToken(page);
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, params (string Name, byte[] Bytes)[] files)
    {
        var token = await TokenAsync(client);
        using var content = new MultipartFormDataContent();
        foreach (var (name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            // A lying content type, as browsers send for renamed files: the server must not believe it.
            part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            content.Add(part, "files", name);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/images") { Content = content };
        request.Headers.Add(ApiAntiforgery.HeaderName, token);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static async Task<List<UploadResult>> UploadAsync(HttpClient client, params (string Name, byte[] Bytes)[] files)
    {
        using var response = await PostAsync(client, files);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<List<UploadResult>>(TestContext.Current.CancellationToken))!;
    }

    public static async Task<Guid> UploadOneAsync(HttpClient client, string name, byte[] bytes)
    {
        var result = Assert.Single(await UploadAsync(client, (name, bytes)));
        Assert.True(result.Status == UploadResult.StoredStatus, result.Reason);
        return result.ImageId!.Value;
    }

    /// <summary>Polls the row until its derivatives are no longer pending; fails after a generous timeout.</summary>
    public static async Task<StockImage> WaitForDerivativesAsync(TestApp app, Guid imageId)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (true)
        {
            var image = await app.WithDbAsync(db => db.Set<StockImage>().AsNoTracking().SingleAsync(i => i.Id == imageId, timeout.Token));
            if (image.Derivatives != DerivativeState.Pending)
            {
                return image;
            }

            await Task.Delay(50, timeout.Token);
        }
    }


    /// <summary>A JPEG of a sample made smaller and re-encoded, as a contributor's second export would be.</summary>
    public static byte[] ResizedCopy(string sample, int width, int quality)
    {
        using var image = Image.ThumbnailBuffer(Sample(sample), width);
        return image.JpegsaveBuffer(q: quality);
    }

    public static PixelSizeOf Decode(byte[] bytes)
    {
        using var image = Image.NewFromBuffer(bytes);
        return new PixelSizeOf(image.Width, image.Height, image.Get("vips-loader") as string ?? "");
    }

    public sealed record PixelSizeOf(int Width, int Height, string Loader);
}
