using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetVips;
using TagMyStock.Web.Features.Gallery;
using TagMyStock.Web.Features.Upload;
using TagMyStock.Web.Infrastructure.Data;
using TagMyStock.Web.Infrastructure.Storage;

namespace TagMyStock.Web.Support;

/// <summary>
/// Images for the tests: put straight into storage and the database, as an upload would leave them, for features
/// that work on images; or uploaded and waited for the way the gallery page's scripts do.
/// </summary>
public static class Images
{
    public static string SamplePath(string name) => Path.Combine(AppContext.BaseDirectory, "Samples", name);

    public static byte[] Sample(string name) => File.ReadAllBytes(SamplePath(name));

    public static async Task<Guid> AccountIdAsync(TestApp app, string email) =>
        await app.WithDbAsync(db => db.Users.Where(user => user.Email == email).Select(user => user.Id).SingleAsync(TestContext.Current.CancellationToken));

    /// <summary>Stores a sample file as <paramref name="ownerId"/>'s original and inserts its row; returns the image id.</summary>
    public static Task<Guid> AddAsync(TestApp app, Guid ownerId, string sample, Action<StockImage>? configure = null) =>
        AddAsync(app, ownerId, sample, File.ReadAllBytes(SamplePath(sample)), configure);

    public static async Task<Guid> AddAsync(TestApp app, Guid ownerId, string fileName, byte[] content, Action<StockImage>? configure = null)
    {
        var id = Guid.NewGuid();
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var key = BlobKeys.Original(ownerId, id, extension);
        return await app.WithScopeAsync(async services =>
        {
            await services.GetRequiredService<IBlobStore>().PutAsync(key, new MemoryStream(content), "application/octet-stream", TestContext.Current.CancellationToken);
            var image = new StockImage
            {
                Id = id,
                OwnerId = ownerId,
                FileName = fileName,
                Format = extension.TrimStart('.') switch { "jpg" => "jpeg", var other => other },
                ByteSize = content.Length,
                OriginalKey = key,
                UploadedAt = DateTime.UtcNow,
                UpdatedAt = DateTime.UtcNow,
            };
            configure?.Invoke(image);
            var db = services.GetRequiredService<AppDbContext>();
            db.Add(image);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            return id;
        });
    }

    public static Task<StockImage> GetAsync(TestApp app, Guid id) =>
        app.WithDbAsync(db => db.Set<StockImage>().AsNoTracking().SingleAsync(image => image.Id == id, TestContext.Current.CancellationToken));

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

/// <summary>A signed-in account and its id, for tests that act as two people.</summary>
public sealed record Contributor(HttpClient Client, Guid Id, string Email)
{
    public static async Task<Contributor> SignUpAsync(TestApp app, string name = "Ada")
    {
        var email = $"{name.ToLowerInvariant()}-{Guid.NewGuid():N}@example.com";
        var client = await Users.SignUpAsync(app, name, email);
        return new Contributor(client, await Images.AccountIdAsync(app, email), email);
    }
}
