using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TagMyStock.Web.Infrastructure.Storage;
using TagMyStock.Web.Infrastructure.Web;

namespace TagMyStock.Web.Features.Gallery;

public sealed class ImageAccessTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Near_duplicates_are_marked_within_one_account_only(Database database)
    {
        await using var app = await TestApp.StartAsync(database);
        var (ada, _) = await GalleryPageTests.SignUpAsync(app);
        var (bea, _) = await GalleryPageTests.SignUpAsync(app, "Bea");

        var original = await Uploads.UploadOneAsync(ada, "cup.jpg", Uploads.Sample("espresso-cup-on-wooden-table.jpg"));
        var results = await Uploads.UploadAsync(
            ada,
            ("cup-small.jpg", Uploads.ResizedCopy("espresso-cup-on-wooden-table.jpg", 300, 70)),
            ("rocket.jpg", Uploads.Sample("rocket-on-launch-pad-at-dusk.jpg")));
        var beasCopy = Assert.Single(await Uploads.UploadAsync(bea, ("cup-small.jpg", Uploads.ResizedCopy("espresso-cup-on-wooden-table.jpg", 300, 70))));

        Assert.Equal(original, results[0].NearDuplicateOf);
        Assert.Null(results[1].NearDuplicateOf);
        Assert.Null(beasCopy.NearDuplicateOf);
        var marked = await app.WithDbAsync(db => db.Set<StockImage>().Where(i => i.NearDuplicateOf != null).Select(i => i.Id).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal([results[0].ImageId!.Value], marked);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Deleting_removes_the_rows_and_every_blob(Database database)
    {
        await using var app = await TestApp.StartAsync(database);
        var (client, owner) = await GalleryPageTests.SignUpAsync(app);
        var ids = new List<Guid>();
        foreach (var name in new[] { "dune-grass-by-the-sea.jpg", "tabby-cat-with-green-eyes.png", "water-drop-splash-crown.jpg" })
        {
            ids.Add(await Uploads.UploadOneAsync(client, name, Uploads.Sample(name)));
        }

        foreach (var id in ids)
        {
            await Uploads.WaitForDerivativesAsync(app, id);
        }

        var blobs = app.Services.GetRequiredService<IBlobStore>();
        Assert.Equal(9, await blobs.ListAsync(BlobKeys.Account(owner), TestContext.Current.CancellationToken).CountAsync(TestContext.Current.CancellationToken));
        var token = await Uploads.TokenAsync(client);

        var one = await SendAsync(client, HttpMethod.Delete, $"/api/images/{ids[0]}", token);
        var again = await SendAsync(client, HttpMethod.Delete, $"/api/images/{ids[0]}", token);
        var many = await SendAsync(client, HttpMethod.Post, "/api/images/delete", token, new DeleteRequest([ids[1], ids[2], Guid.NewGuid()]));

        Assert.Equal(HttpStatusCode.NoContent, one.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal([ids[1], ids[2]], (await many.Content.ReadFromJsonAsync<DeleteResult>(TestContext.Current.CancellationToken))!.Deleted.Order());
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<StockImage>().CountAsync(TestContext.Current.CancellationToken)));
        Assert.Equal(0, await blobs.ListAsync(BlobKeys.Account(owner), TestContext.Current.CancellationToken).CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Another_account_can_never_list_fetch_or_delete_the_images(Database database)
    {
        await using var app = await TestApp.StartAsync(database);
        var (ada, adaId) = await GalleryPageTests.SignUpAsync(app);
        var (bea, _) = await GalleryPageTests.SignUpAsync(app, "Bea");
        var anonymous = app.NewClient();
        var id = await Uploads.UploadOneAsync(ada, "cat.png", Uploads.Sample("tabby-cat-with-green-eyes.png"));
        await Uploads.WaitForDerivativesAsync(app, id);
        var beasToken = await Uploads.TokenAsync(bea);

        foreach (var file in new[] { "thumbnail", "preview", "original" })
        {
            Assert.Equal(HttpStatusCode.OK, (await ada.GetAsync($"/api/images/{id}/{file}", TestContext.Current.CancellationToken)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await bea.GetAsync($"/api/images/{id}/{file}", TestContext.Current.CancellationToken)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/images/{id}/{file}", TestContext.Current.CancellationToken)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(bea, HttpMethod.Delete, $"/api/images/{id}", beasToken)).StatusCode);
        var many = await SendAsync(bea, HttpMethod.Post, "/api/images/delete", beasToken, new DeleteRequest([id]));
        Assert.Empty((await many.Content.ReadFromJsonAsync<DeleteResult>(TestContext.Current.CancellationToken))!.Deleted);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.DeleteAsync($"/api/images/{id}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/images/delete", new DeleteRequest([id]), TestContext.Current.CancellationToken)).StatusCode);
        Assert.DoesNotContain("cat.png", await bea.GetStringAsync("/gallery", TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Contains("cat.png", await ada.GetStringAsync("/gallery", TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<StockImage>().CountAsync(i => i.OwnerId == adaId, TestContext.Current.CancellationToken)));
        Assert.Equal(3, await app.Services.GetRequiredService<IBlobStore>().ListAsync(BlobKeys.Account(adaId), TestContext.Current.CancellationToken).CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Deletes_need_the_antiforgery_header_and_a_sensible_list()
    {
        await using var app = await TestApp.StartAsync();
        var (client, _) = await GalleryPageTests.SignUpAsync(app);
        var id = await Uploads.UploadOneAsync(client, "cat.png", Uploads.Sample("tabby-cat-with-green-eyes.png"));
        var token = await Uploads.TokenAsync(client);

        Assert.Equal(HttpStatusCode.BadRequest, (await client.DeleteAsync($"/api/images/{id}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/api/images/delete", new DeleteRequest([id]), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(client, HttpMethod.Post, "/api/images/delete", token, new DeleteRequest([]))).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<StockImage>().CountAsync(TestContext.Current.CancellationToken)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_catalog_finds_only_the_accounts_own_images(Database database)
    {
        await using var app = await TestApp.StartAsync(database);
        var (_, ada) = await GalleryPageTests.SignUpAsync(app);
        var (_, bea) = await GalleryPageTests.SignUpAsync(app, "Bea");
        var adas = DerivativeTests.NewRow(ada, "a.jpg");
        var beas = DerivativeTests.NewRow(bea, "b.jpg");
        await GalleryPageTests.AddRowsAsync(app, adas, beas);

        var found = await app.WithScopeAsync(services => services.GetRequiredService<IImageCatalog>()
            .FindOwnedAsync(ada, [adas.Id, beas.Id, Guid.NewGuid()], TestContext.Current.CancellationToken));

        Assert.Equal([adas.Id], found.Select(image => image.Id));
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string token, DeleteRequest? body = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add(ApiAntiforgery.HeaderName, token);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
