using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace TagMyStock.Web.Features.Gallery;

public sealed class GalleryPageCacheTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(Databases))]
    public async Task A_page_comes_from_the_cache_until_a_change_to_the_accounts_images_is_saved(Database database)
    {
        await using var app = await TestApp.StartAsync(database);
        var (client, owner) = await GalleryPageTests.SignUpAsync(app);
        var image = DerivativeTests.NewRow(owner, "before.jpg");
        await GalleryPageTests.AddRowsAsync(app, image);
        Assert.Contains("before.jpg", await client.GetStringAsync("/gallery", Token), StringComparison.Ordinal);

        // A bulk update bypasses SaveChanges, and so the gallery version: the cached page cannot know of it.
        await app.WithDbAsync(db => db.Set<StockImage>().Where(i => i.Id == image.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.FileName, "bypassed.jpg"), Token));
        var cached = await client.GetStringAsync("/gallery", Token);
        Assert.Contains("before.jpg", cached, StringComparison.Ordinal);

        // Every feature saves through the change tracker, which raises the version: the next view is fresh.
        await app.WithDbAsync(async db =>
        {
            var row = await db.Set<StockImage>().SingleAsync(i => i.Id == image.Id, Token);
            row.FileName = "after.jpg";
            return await db.SaveChangesAsync(Token);
        });
        Assert.Contains("after.jpg", await client.GetStringAsync("/gallery", Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reload_asks_for_a_fresh_page()
    {
        await using var app = await TestApp.StartAsync();
        var (client, owner) = await GalleryPageTests.SignUpAsync(app);
        var image = DerivativeTests.NewRow(owner, "before.jpg");
        await GalleryPageTests.AddRowsAsync(app, image);
        await client.GetStringAsync("/gallery", Token);
        await app.WithDbAsync(db => db.Set<StockImage>().Where(i => i.Id == image.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.FileName, "bypassed.jpg"), Token));

        using var reload = new HttpRequestMessage(HttpMethod.Get, "/gallery");
        reload.Headers.CacheControl = new System.Net.Http.Headers.CacheControlHeaderValue { NoCache = true };
        var response = await client.SendAsync(reload, Token);

        Assert.Contains("bypassed.jpg", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_change_made_on_another_node_shows_within_a_second(Database database)
    {
        await using var app = await TestApp.StartAsync(database);
        var (_, owner) = await GalleryPageTests.SignUpAsync(app);
        var time = new ManualTime();
        var versions = new GalleryVersions(app.Services.GetRequiredService<IServiceScopeFactory>(), time);
        var before = await versions.CacheKeyAsync(owner, Token);

        // What another node's save does to the shared row; this node's interceptor never sees it.
        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "GalleryVersions" ("OwnerId", "Version") VALUES ({owner}, 7) ON CONFLICT ("OwnerId") DO UPDATE SET "Version" = 7""", Token));
        var soon = await versions.CacheKeyAsync(owner, Token);
        time.Advance(TimeSpan.FromSeconds(1.5));
        var later = await versions.CacheKeyAsync(owner, Token);
        versions.Changed(owner);
        var afterLocalSave = await versions.CacheKeyAsync(owner, Token);

        Assert.Equal(before, soon);
        Assert.NotEqual(before, later);
        Assert.NotEqual(later, afterLocalSave);
    }

    [Fact]
    public async Task Uploads_and_deletes_show_at_once()
    {
        await using var app = await TestApp.StartAsync();
        var ada = await Contributor.SignUpAsync(app);
        Assert.Contains("No images yet.", await ada.Client.GetStringAsync("/gallery", Token), StringComparison.Ordinal);

        var id = await Uploads.UploadOneAsync(ada.Client, "espresso.jpg", Uploads.Sample("espresso-cup-on-wooden-table.jpg"));
        Assert.Contains("espresso.jpg", await ada.Client.GetStringAsync("/gallery", Token), StringComparison.Ordinal);

        (await ada.Client.DeleteAsync($"/api/images/{id}", Token)).EnsureSuccessStatusCode();
        Assert.Contains("No images yet.", await ada.Client.GetStringAsync("/gallery", Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_browsers_of_one_account_each_get_a_page_with_their_own_antiforgery_token()
    {
        await using var app = await TestApp.StartAsync();
        var email = $"ada-{Guid.NewGuid():N}@example.com";
        var laptop = await Users.SignUpAsync(app, "Ada", email);
        var phone = app.NewClient();
        Assert.Equal("/gallery", (await Users.SignInAsync(phone, email)).RedirectPath());
        await phone.GetStringAsync("/gallery", Token);

        var onLaptop = Forms.AntiforgeryToken(await laptop.GetStringAsync("/gallery", Token));
        var onPhone = Forms.AntiforgeryToken(await phone.GetStringAsync("/gallery", Token));

        Assert.NotEqual(onLaptop, onPhone);
        Assert.Equal(onPhone, Forms.AntiforgeryToken(await phone.GetStringAsync("/gallery", Token)));
    }

    /// <summary>A clock that moves only when told: the one-second read interval without waiting for it.</summary>
    private sealed class ManualTime : TimeProvider
    {
        private long _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;

        public override long GetTimestamp() => _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
    }

}
