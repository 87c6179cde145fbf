using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace TagMyStock.Web.Infrastructure.Storage;

public sealed class LocalBlobLinksTests
{
    private const string Key = "accounts/a/images/1/original.jpg";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly byte[] Photo = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Samples", "espresso-cup-on-wooden-table.jpg"));

    private static async Task<TestApp> StartWithPhotoAsync(Database database = Database.Sqlite)
    {
        var app = await TestApp.StartAsync(database);
        await app.Services.GetRequiredService<IBlobStore>().PutAsync(Key, new MemoryStream(Photo), "image/jpeg", Token);
        return app;
    }

    private static string LinkTo(TestApp app, TimeSpan lifetime, string? downloadName = null) =>
        app.Services.GetRequiredService<IBlobLinks>().LinkTo(Key, "image/jpeg", lifetime, downloadName);

    [Theory, ClassData(typeof(Databases))]
    public async Task A_signed_link_serves_the_blob_inline_with_its_type_and_private_caching(Database database)
    {
        await using var app = await StartWithPhotoAsync(database);
        var link = LinkTo(app, TimeSpan.FromMinutes(10));

        var response = await app.NewClient().GetAsync(link, Token);

        Assert.StartsWith("/blobs/accounts/a/images/1/original.jpg?", link, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Photo, await response.Content.ReadAsByteArrayAsync(Token));
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Null(response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        var cache = response.Headers.CacheControl;
        Assert.NotNull(cache);
        Assert.True(cache.Private);
        Assert.InRange(cache.MaxAge!.Value, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));
    }

    [Fact]
    public async Task A_download_link_names_the_file_safely_as_an_attachment()
    {
        await using var app = await StartWithPhotoAsync();
        var link = LinkTo(app, TimeSpan.FromMinutes(10), "../../etc/Café \"crème\";\r\n.jpg");

        var response = await app.NewClient().GetAsync(link, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var disposition = response.Content.Headers.ContentDisposition;
        Assert.Equal("attachment", disposition?.DispositionType);
        Assert.Equal("Café _crème____.jpg", disposition?.FileNameStar);
        Assert.Equal(Photo, await response.Content.ReadAsByteArrayAsync(Token));
    }

    [Fact]
    public async Task A_range_request_gets_part_of_the_blob()
    {
        await using var app = await StartWithPhotoAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, LinkTo(app, TimeSpan.FromMinutes(10)));
        request.Headers.Range = new RangeHeaderValue(100, 199);

        var response = await app.NewClient().SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(Photo[100..200], await response.Content.ReadAsByteArrayAsync(Token));
    }

    [Theory]
    [InlineData("key")]
    [InlineData("type")]
    [InlineData("expires")]
    [InlineData("download")]
    [InlineData("sig")]
    [InlineData("no sig")]
    [InlineData("kid")]
    [InlineData("no kid")]
    public async Task A_changed_link_is_refused_without_a_reason(string change)
    {
        await using var app = await StartWithPhotoAsync();
        await app.Services.GetRequiredService<IBlobStore>().PutAsync("accounts/b/images/1/original.jpg", new MemoryStream(Photo), "image/jpeg", Token);
        var link = LinkTo(app, TimeSpan.FromMinutes(10));
        var (path, query) = Split(link);
        var changed = change switch
        {
            "key" => Join(path.Replace("/accounts/a/", "/accounts/b/", StringComparison.Ordinal), query),
            "type" => Join(path, With(query, "type", "text/html")),
            "expires" => Join(path, With(query, "expires", (long.Parse(query["expires"]!, System.Globalization.CultureInfo.InvariantCulture) + 3600).ToString(System.Globalization.CultureInfo.InvariantCulture))),
            "download" => Join(path, With(query, "download", "photo.jpg")),
            "sig" => Join(path, With(query, "sig", Tamper(query["sig"]!))),
            "kid" => Join(path, With(query, "kid", "2")),
            "no kid" => Join(path, Without(query, "kid")),
            _ => Join(path, Without(query, "sig")),
        };

        var response = await app.NewClient().GetAsync(changed, Token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(Token));
    }

    [Fact]
    public async Task An_expired_link_is_refused()
    {
        await using var app = await StartWithPhotoAsync();
        var anHourAgo = new LocalBlobLinks(app.Services.GetRequiredService<LinkSigningKeyRing>(), new ShiftedTime(TimeSpan.FromHours(-1)));
        var link = anHourAgo.LinkTo(Key, "image/jpeg", TimeSpan.FromMinutes(10));

        var response = await app.NewClient().GetAsync(link, Token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_link_signed_with_another_key_ring_is_refused()
    {
        await using var app = await StartWithPhotoAsync();
        await using var other = await TestApp.StartAsync();
        var foreign = LinkTo(other, TimeSpan.FromMinutes(10));

        var response = await app.NewClient().GetAsync(foreign, Token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_link_to_a_deleted_blob_is_a_bare_404()
    {
        await using var app = await StartWithPhotoAsync();
        var link = LinkTo(app, TimeSpan.FromMinutes(10));
        await app.Services.GetRequiredService<IBlobStore>().DeleteAsync(Key, Token);

        var response = await app.NewClient().GetAsync(link, Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(Token));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Links_signed_before_a_key_rotation_stay_valid_and_new_ones_use_the_new_key(Database database)
    {
        await using var app = await StartWithPhotoAsync(database);
        var before = LinkTo(app, TimeSpan.FromMinutes(10));
        // Another node, a month later, finds the key too old and adds one; this node learns of it from the link.
        var aMonthLater = new ShiftedTime(LinkSigningKeyRing.RotationAge + TimeSpan.FromMinutes(1));
        using var otherNode = ActivatorUtilities.CreateInstance<LinkSigningKeyRing>(app.Services, aMonthLater);
        await otherNode.StartAsync(Token);
        var signedElsewhere = new LocalBlobLinks(otherNode, TimeProvider.System).LinkTo(Key, "image/jpeg", TimeSpan.FromMinutes(10));

        var client = app.NewClient();

        Assert.NotEqual(Split(before).Query["kid"], Split(signedElsewhere).Query["kid"]);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(before, Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(signedElsewhere, Token)).StatusCode);
        await otherNode.StopAsync(Token);
    }

    [Fact]
    public async Task A_link_lives_more_than_no_time_and_at_most_a_week()
    {
        await using var app = await TestApp.StartAsync();
        var links = app.Services.GetRequiredService<IBlobLinks>();

        Assert.Throws<ArgumentOutOfRangeException>(() => links.LinkTo(Key, "image/jpeg", TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => links.LinkTo(Key, "image/jpeg", TimeSpan.FromDays(8)));
        Assert.Throws<ArgumentException>(() => links.LinkTo("../secret", "image/jpeg", TimeSpan.FromMinutes(1)));
    }

    private static (string Path, Dictionary<string, string?> Query) Split(string link)
    {
        var at = link.IndexOf('?', StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(link[at..]).ToDictionary(pair => pair.Key, pair => (string?)pair.Value.ToString(), StringComparer.Ordinal);
        return (link[..at], query);
    }

    private static string Join(string path, Dictionary<string, string?> query) => QueryHelpers.AddQueryString(path, query);

    private static Dictionary<string, string?> With(Dictionary<string, string?> query, string name, string value) =>
        new(query, StringComparer.Ordinal) { [name] = value };

    private static Dictionary<string, string?> Without(Dictionary<string, string?> query, string name) =>
        query.Where(pair => pair.Key != name).ToDictionary(StringComparer.Ordinal);

    /// <summary>The same signature with one bit of its last authenticated byte flipped.</summary>
    private static string Tamper(string signature)
    {
        var bytes = WebEncoders.Base64UrlDecode(signature);
        bytes[^1] ^= 1;
        return WebEncoders.Base64UrlEncode(bytes);
    }
}
