using System.Text.RegularExpressions;
using TagMyStock.Core.Agencies;
using TagMyStock.Core.Metadata;
using TagMyStock.Core.Validation;
using TagMyStock.Web.Infrastructure.Storage;

namespace TagMyStock.Web.Features.Gallery;

public sealed partial class GalleryPageTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Pages_hold_fifty_images_newest_first_with_links_to_the_others(Database database)
    {
        await using var app = await TestApp.StartAsync(database);
        var (client, owner) = await SignUpAsync(app);
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        await AddRowsAsync(app, [.. Enumerable.Range(0, 120).Select(i => DerivativeTests.NewRow(owner, $"image-{i:D3}.jpg", start.AddMinutes(i)))]);

        var first = await client.GetStringAsync("/gallery", TestContext.Current.CancellationToken);
        var third = await client.GetStringAsync("/gallery?show=all&page=3", TestContext.Current.CancellationToken);

        Assert.Equal([.. Enumerable.Range(70, 50).Reverse().Select(i => $"image-{i:D3}.jpg")], TileNames(first));
        Assert.Equal([.. Enumerable.Range(0, 20).Reverse().Select(i => $"image-{i:D3}.jpg")], TileNames(third));
        Assert.Contains("120 images, newest first. Page 1 of 3.", first, StringComparison.Ordinal);
        Assert.Contains("href=\"/gallery?show=all&amp;page=2\"", first, StringComparison.Ordinal);
        Assert.Contains("<span aria-current=\"page\">3</span>", third, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Every_filter_shows_its_images_only(Database database)
    {
        await using var app = await TestApp.StartAsync(database);
        var (client, owner) = await SignUpAsync(app);
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var plain = DerivativeTests.NewRow(owner, "plain.jpg", start);
        var tagged = DerivativeTests.NewRow(owner, "tagged.jpg", start.AddMinutes(1));
        // Large enough for every agency: the others, 100 px square, are under each agency's minimum size.
        (tagged.Width, tagged.Height) = (6000, 4000);
        tagged.Apply(new ImageMetadata
        {
            Title = "Red apple on a wooden kitchen table in soft morning light",
            Description = "A single shiny red apple resting on an old oak kitchen table by a window, soft morning light.",
            Keywords = [.. "apple red fruit table wooden kitchen morning light food fresh healthy organic natural rustic window oak breakfast ripe vitamin diet snack harvest produce color still-life shiny single closeup"
                .Split(' ')],
        });
        var generated = DerivativeTests.NewRow(owner, "generated.jpg", start.AddMinutes(2));
        generated.Flags = ContentFlags.AiGenerated;
        var duplicate = DerivativeTests.NewRow(owner, "duplicate.jpg", start.AddMinutes(3));
        duplicate.NearDuplicateOf = plain.Id;
        await AddRowsAsync(app, plain, tagged, generated, duplicate);

        async Task<List<string>> Shown(string query) => TileNames(await client.GetStringAsync($"/gallery?{query}", TestContext.Current.CancellationToken));

        Assert.Equal(["duplicate.jpg", "generated.jpg", "tagged.jpg", "plain.jpg"], await Shown("show=all"));
        Assert.Equal(["duplicate.jpg", "generated.jpg", "plain.jpg"], await Shown("show=untagged"));
        Assert.Equal(["tagged.jpg"], await Shown("show=tagged"));
        Assert.Equal(["generated.jpg"], await Shown("show=ai"));
        Assert.Equal(["duplicate.jpg"], await Shown("show=duplicates"));
        Assert.Contains("3 of your 4 images match.", await client.GetStringAsync("/gallery?show=untagged", TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Contains("1 of your 4 images matches.", await client.GetStringAsync("/gallery?show=ai", TestContext.Current.CancellationToken), StringComparison.Ordinal);
        foreach (var agency in AgencyCatalog.All)
        {
            var expected = new[] { duplicate, generated, tagged, plain }
                .Where(image => MetadataValidator.Validate(image.Metadata, agency, fileName: image.FileName, imageSize: image.PixelSize).Problems.Any(problem => problem.Severity >= Severity.Warning))
                .Select(image => image.FileName);
            var page = await client.GetStringAsync($"/gallery?show=problems&agency={agency.Id}", TestContext.Current.CancellationToken);
            Assert.Equal(expected, TileNames(page));
            var verb = expected.Count() == 1 ? "has" : "have";
            Assert.Contains($"{expected.Count()} of your 4 images {verb} problems for {agency.Name} (every image checked", page, StringComparison.Ordinal);
        }

        Assert.Contains("duplicate.jpg", await Shown("show=problems&agency=adobe"));
        Assert.Contains("No image matches this filter.", await client.GetStringAsync("/gallery?show=ai&page=2", TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_problems_filter_pages_through_every_image_with_problems_and_sees_a_change_at_once(Database database)
    {
        await using var app = await TestApp.StartAsync(database);
        var (client, owner) = await SignUpAsync(app);
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        // Untagged and 100 px square: a problem for every agency.
        var images = Enumerable.Range(0, 60).Select(i => DerivativeTests.NewRow(owner, $"image-{i:D3}.jpg", start.AddMinutes(i))).ToList();
        await AddRowsAsync(app, [.. images]);
        const string Problems = "/gallery?show=problems&agency=adobe";

        var first = await client.GetStringAsync(Problems, TestContext.Current.CancellationToken);
        var second = await client.GetStringAsync($"{Problems}&page=2", TestContext.Current.CancellationToken);
        await app.WithDbAsync(db =>
        {
            db.Set<StockImage>().Remove(db.Set<StockImage>().Single(image => image.Id == images[59].Id));
            return db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        var afterDelete = await client.GetStringAsync(Problems, TestContext.Current.CancellationToken);

        Assert.Equal([.. Enumerable.Range(10, 50).Reverse().Select(i => $"image-{i:D3}.jpg")], TileNames(first));
        Assert.Equal([.. Enumerable.Range(0, 10).Reverse().Select(i => $"image-{i:D3}.jpg")], TileNames(second));
        Assert.Contains("60 of your 60 images have problems for Adobe Stock", first, StringComparison.Ordinal);
        Assert.Contains("59 of your 59 images have problems for Adobe Stock", afterDelete, StringComparison.Ordinal);
        Assert.Equal([.. Enumerable.Range(9, 50).Reverse().Select(i => $"image-{i:D3}.jpg")], TileNames(afterDelete));
    }

    [Fact]
    public async Task Tiles_show_state_badges_and_a_checkbox_and_an_empty_gallery_says_what_to_do()
    {
        await using var app = await TestApp.StartAsync();
        var (client, owner) = await SignUpAsync(app);

        var empty = await client.GetStringAsync("/gallery", TestContext.Current.CancellationToken);
        Assert.Contains("No images yet.", empty, StringComparison.Ordinal);

        var pending = DerivativeTests.NewRow(owner, "pending.jpg");
        var ready = DerivativeTests.NewRow(owner, "ready.jpg");
        ready.Derivatives = DerivativeState.Ready;
        ready.NearDuplicateOf = pending.Id;
        ready.ByteSize = 3 << 20;
        await AddRowsAsync(app, pending, ready);
        var page = await client.GetStringAsync("/gallery", TestContext.Current.CancellationToken);

        Assert.Contains("Making the thumbnail…", page, StringComparison.Ordinal);
        // The tile loads its picture through a short-lived signed link to the thumbnail blob, not through the session.
        Assert.Contains($"<img src=\"/blobs/{BlobKeys.Thumbnail(owner, ready.Id)}?", page, StringComparison.Ordinal);
        Assert.Contains("Near duplicate", page, StringComparison.Ordinal);
        Assert.Contains("Untagged", page, StringComparison.Ordinal);
        Assert.Contains("3 MB", page, StringComparison.Ordinal);
        Assert.Contains($"type=\"checkbox\" id=\"select-{ready.Id}\"", page, StringComparison.Ordinal);
        Assert.Contains("data-pending=\"true\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        await using var app = await TestApp.StartAsync();

        await Users.AssertSignedOutAsync(app.NewClient());
    }

    internal static async Task<(HttpClient Client, Guid AccountId)> SignUpAsync(TestApp app, string name = "Ada")
    {
        var email = $"{name.ToLowerInvariant()}-{Guid.NewGuid():N}@example.com";
        var client = app.NewClient();
        await Users.SignUpAsync(client, name, email);
        return (client, await Images.AccountIdAsync(app, email));
    }

    internal static Task AddRowsAsync(TestApp app, params StockImage[] images) =>
        app.WithDbAsync(async db =>
        {
            db.Set<StockImage>().AddRange(images);
            return await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

    private static List<string> TileNames(string html) =>
        [.. TileNamePattern().Matches(html).Select(match => System.Net.WebUtility.HtmlDecode(match.Groups[1].Value))];

    [GeneratedRegex("class=\"tile-name\">([^<]+)</label>")]
    private static partial Regex TileNamePattern();
}
