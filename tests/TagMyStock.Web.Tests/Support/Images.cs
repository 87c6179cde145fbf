using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TagMyStock.Web.Features.Accounts;
using TagMyStock.Web.Features.Gallery;
using TagMyStock.Web.Infrastructure.Data;
using TagMyStock.Web.Infrastructure.Storage;
using TagMyStock.Web.Infrastructure.Web;

namespace TagMyStock.Web.Support;

/// <summary>Images put straight into storage and the database, as an upload would leave them, for features that work on images.</summary>
public static class Images
{
    public static string SamplePath(string name) => Path.Combine(AppContext.BaseDirectory, "Samples", name);

    public static Task<Guid> AccountIdAsync(TestApp app, string email) =>
        app.WithScopeAsync(async services => (await services.GetRequiredService<UserManager<Account>>().FindByEmailAsync(email))!.Id);

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
}

/// <summary>A signed-in account and its id, for tests that act as two people.</summary>
public sealed record Contributor(HttpClient Client, Guid Id, string Email)
{
    public static async Task<Contributor> SignUpAsync(TestApp app, string name = "Ada")
    {
        var email = $"{name.ToLowerInvariant()}-{Guid.NewGuid():N}@example.com";
        var client = await Users.SignUpAsync(app, name, email);

        // As the gallery page's scripts do: every API write carries the page's antiforgery token.
        client.DefaultRequestHeaders.Add(ApiAntiforgery.HeaderName, await Uploads.TokenAsync(client));
        return new Contributor(client, await Images.AccountIdAsync(app, email), email);
    }
}
