using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TagMyStock.Core.Metadata;
using TagMyStock.Web.Features.Tagging;

namespace TagMyStock.Web.Features.Editor;

public sealed class EditorApiTests
{
    private const string Espresso = "espresso-cup-on-wooden-table.jpg";

    [Fact]
    public async Task The_agencies_checks_in_the_api_and_the_editor_include_the_images_pixel_size_once_the_gallery_knows_it()
    {
        await using var app = await TestApp.StartAsync();
        var ada = await Contributor.SignUpAsync(app);
        var small = await Images.AddAsync(app, ada.Id, Espresso, image => (image.Width, image.Height) = (1200, 800));
        var large = await Images.AddAsync(app, ada.Id, Espresso, image => (image.Width, image.Height) = (4000, 3000));
        var unread = await Images.AddAsync(app, ada.Id, Espresso, image => (image.Width, image.Height) = (0, 0));

        var codes = new Dictionary<Guid, IEnumerable<string>>();
        foreach (var id in new[] { small, large, unread })
        {
            var read = (await ada.Client.GetFromJsonAsync<MetadataResponse>($"/api/images/{id}/metadata", TestContext.Current.CancellationToken))!;
            codes[id] = read.Agencies.Single(agency => agency.Agency == "adobe").Problems.Select(problem => problem.Code);
        }

        Assert.Contains("image.too-small", codes[small]);
        Assert.DoesNotContain("image.too-small", codes[large]);
        Assert.DoesNotContain("image.too-small", codes[unread]);
        var page = WebUtility.HtmlDecode(await ada.Client.GetStringAsync($"/images/{small}", TestContext.Current.CancellationToken));
        var checks = page[page.IndexOf("Checks for your agencies", StringComparison.Ordinal)..];
        Assert.Contains("<h3>Adobe Stock <span class=\"badge blocked\">Will be refused</span></h3>", checks, StringComparison.Ordinal);
        Assert.Contains("under Adobe Stock's 4 MP minimum", checks, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Metadata_saved_through_the_api_reads_back_with_a_new_version_and_the_agencies_checks(Database database)
    {
        await using var app = await TestApp.StartAsync(database);
        var ada = await Contributor.SignUpAsync(app);
        var id = await Images.AddAsync(app, ada.Id, Espresso);
        var loaded = (await ada.Client.GetFromJsonAsync<MetadataResponse>($"/api/images/{id}/metadata", TestContext.Current.CancellationToken))!;

        var put = await ada.Client.PutAsJsonAsync(
            $"/api/images/{id}/metadata",
            new
            {
                version = loaded.Version,
                title = "Espresso cup on a wooden table",
                description = "A small cup of espresso on an old oak table in morning light.",
                keywords = new[] { " espresso ", "coffee", "", "cup  of coffee" },
                categories = new Dictionary<string, string> { ["adobe"] = "4", ["shutterstock"] = "Food and Drink" },
                flags = new { editorial = true, aiGenerated = false },
            },
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var saved = (await put.Content.ReadFromJsonAsync<MetadataResponse>(TestContext.Current.CancellationToken))!;
        var read = (await ada.Client.GetFromJsonAsync<MetadataResponse>($"/api/images/{id}/metadata", TestContext.Current.CancellationToken))!;
        Assert.Equal(loaded.Version + 1, saved.Version);
        Assert.Equal(saved.Version, read.Version);
        Assert.Equal("Espresso cup on a wooden table", read.Metadata.Title);
        Assert.Equal(["espresso", "coffee", "cup of coffee"], read.Metadata.Keywords);
        Assert.Equal("4", read.Metadata.Categories["adobe"]);
        Assert.True(read.Metadata.Flags.Editorial);
        Assert.False(read.Metadata.Flags.AiGenerated);
        var stored = await Images.GetAsync(app, id);
        Assert.Equal(ContentFlags.Editorial, stored.Flags);
        Assert.Equal(["adobe", "shutterstock"], read.Agencies.Select(agency => agency.Agency));
        Assert.Contains(read.Agencies.Single(agency => agency.Agency == "shutterstock").Problems, problem => problem.Code.StartsWith("keywords.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validation_names_the_problem_per_agency_and_a_fix_applies_in_one_request()
    {
        await using var app = await TestApp.StartAsync();
        var ada = await Contributor.SignUpAsync(app);
        var longTitle = "Espresso cup, on a rustic wooden table with coffee beans scattered around it in warm morning light";
        var id = await Images.AddAsync(app, ada.Id, Espresso, image =>
        {
            image.Title = longTitle;
            image.Keywords = ["espresso", "coffee", "cup"];
        });

        var before = (await ada.Client.GetFromJsonAsync<MetadataResponse>($"/api/images/{id}/metadata", TestContext.Current.CancellationToken))!;
        var adobe = before.Agencies.Single(agency => agency.Agency == "adobe");
        var tooLong = Assert.Single(adobe.Problems, problem => problem.Code == "title.too-long");
        Assert.Contains("Adobe Stock", tooLong.Message, StringComparison.Ordinal);
        Assert.Contains("70", tooLong.Message, StringComparison.Ordinal);
        Assert.NotNull(tooLong.Fix);

        var fixedResponse = await ada.Client.PostAsJsonAsync($"/api/images/{id}/fix", new { version = before.Version, agency = "adobe", code = "title.too-long" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, fixedResponse.StatusCode);
        var after = (await fixedResponse.Content.ReadFromJsonAsync<MetadataResponse>(TestContext.Current.CancellationToken))!;
        Assert.True(after.Metadata.Title.Length <= 70, after.Metadata.Title);
        Assert.DoesNotContain(after.Agencies.Single(agency => agency.Agency == "adobe").Problems, problem => problem.Code == "title.too-long");
        var unknown = await ada.Client.PostAsJsonAsync($"/api/images/{id}/fix", new { version = after.Version, agency = "adobe", code = "title.too-long" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Theory]
    [InlineData("{\"version\":0,\"title\":\"TITLE\"}", "title", "keep it under 1,000")]
    [InlineData("{\"version\":0,\"keywords\":[\"cup\", 42]}", "keywords[1]", "keywords is a list of text")]
    [InlineData("{\"version\":0,\"keywords\":\"cup, coffee\"}", "keywords", "keywords is a list of text")]
    [InlineData("{\"title\":\"Cup\"}", "version", "Send the version you loaded")]
    [InlineData("{\"version\":0,\"categories\":{\"nowhere\":\"1\"}}", "categories", "Unknown agency nowhere")]
    [InlineData("{\"version\":0,\"flags\":{\"editorial\":\"yes\"}}", "flags.editorial", "flags holds true/false values")]
    [InlineData("not json", "body", "not valid here")]
    public async Task Bad_bodies_get_400_with_a_message_for_the_field(string body, string field, string message)
    {
        await using var app = await TestApp.StartAsync();
        var ada = await Contributor.SignUpAsync(app);
        var id = await Images.AddAsync(app, ada.Id, Espresso);

        var response = await ada.Client.PutAsync(
            $"/api/images/{id}/metadata",
            new StringContent(body.Replace("TITLE", new string('t', 10_000), StringComparison.Ordinal), Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var messages = problem.RootElement.GetProperty("errors").GetProperty(field);
        Assert.Contains(message, messages[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await Images.GetAsync(app, id)).Version);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_save_from_an_older_version_is_refused_with_409_and_the_newer_metadata(Database database)
    {
        await using var app = await TestApp.StartAsync(database);
        var ada = await Contributor.SignUpAsync(app);
        var id = await Images.AddAsync(app, ada.Id, Espresso);
        var firstTab = (await ada.Client.GetFromJsonAsync<MetadataResponse>($"/api/images/{id}/metadata", TestContext.Current.CancellationToken))!;

        var secondTab = await ada.Client.PutAsJsonAsync($"/api/images/{id}/metadata", new { version = firstTab.Version, title = "From the second tab" }, TestContext.Current.CancellationToken);
        var stale = await ada.Client.PutAsJsonAsync($"/api/images/{id}/metadata", new { version = firstTab.Version, title = "From the first tab" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, secondTab.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        using var problem = JsonDocument.Parse(await stale.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("changed in another tab", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("From the second tab", problem.RootElement.GetProperty("current").GetProperty("metadata").GetProperty("title").GetString());
        Assert.Equal("From the second tab", (await Images.GetAsync(app, id)).Title);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Copying_metadata_sets_the_chosen_parts_on_the_accounts_targets_only(Database database)
    {
        await using var app = await TestApp.StartAsync(database);
        var ada = await Contributor.SignUpAsync(app, "Ada");
        var bob = await Contributor.SignUpAsync(app, "Bob");
        var source = await Images.AddAsync(app, ada.Id, Espresso, image =>
        {
            image.Title = "Espresso";
            image.Description = "A cup";
            image.Keywords = ["espresso", "coffee"];
            image.Categories = new Dictionary<string, string>(StringComparer.Ordinal) { ["adobe"] = "4" };
            image.Flags = ContentFlags.Editorial;
        });
        var target = await Images.AddAsync(app, ada.Id, "water-drop-splash-crown.jpg", image => image.Title = "Water drop");
        var bobs = await Images.AddAsync(app, bob.Id, "dune-grass-by-the-sea.jpg");

        var response = await ada.Client.PostAsJsonAsync(
            $"/api/images/{source}/copy-metadata",
            new { targets = new[] { target, bobs }, parts = new[] { "keywords", "categories", "flags" } },
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<CopyResult>(TestContext.Current.CancellationToken))!;
        Assert.Equal([target], result.Copied);
        Assert.Equal([bobs], result.NotFound);
        var copied = await Images.GetAsync(app, target);
        Assert.Equal("Water drop", copied.Title);
        Assert.Equal(["espresso", "coffee"], copied.Keywords);
        Assert.Equal("4", copied.Categories["adobe"]);
        Assert.Equal(ContentFlags.Editorial, copied.Flags);
        Assert.Equal(1, copied.Version);
        Assert.Empty((await Images.GetAsync(app, bobs)).Keywords);
        var badPart = await ada.Client.PostAsJsonAsync($"/api/images/{source}/copy-metadata", new { targets = new[] { target }, parts = new[] { "price" } }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, badPart.StatusCode);
    }

    [Fact]
    public async Task Another_account_gets_404_on_every_metadata_route()
    {
        await using var app = await TestApp.StartAsync();
        var ada = await Contributor.SignUpAsync(app, "Ada");
        var bob = await Contributor.SignUpAsync(app, "Bob");
        var adas = await Images.AddAsync(app, ada.Id, Espresso, image => image.Title = "Ada's");
        var bobs = await Images.AddAsync(app, bob.Id, "water-drop-splash-crown.jpg");

        HttpResponseMessage[] responses =
        [
            await bob.Client.GetAsync($"/api/images/{adas}/metadata", TestContext.Current.CancellationToken),
            await bob.Client.PutAsJsonAsync($"/api/images/{adas}/metadata", new { version = 0, title = "Bob's" }, TestContext.Current.CancellationToken),
            await bob.Client.PostAsJsonAsync($"/api/images/{adas}/fix", new { version = 0, agency = "adobe" }, TestContext.Current.CancellationToken),
            await bob.Client.PostAsJsonAsync($"/api/images/{adas}/copy-metadata", new { targets = new[] { bobs }, parts = new[] { "title" } }, TestContext.Current.CancellationToken),
            await bob.Client.GetAsync($"/images/{adas}", TestContext.Current.CancellationToken),
        ];
        var intoAdas = await bob.Client.PostAsJsonAsync($"/api/images/{bobs}/copy-metadata", new { targets = new[] { adas }, parts = new[] { "title" } }, TestContext.Current.CancellationToken);

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.NotFound, response.StatusCode));
        Assert.Equal([adas], (await intoAdas.Content.ReadFromJsonAsync<CopyResult>(TestContext.Current.CancellationToken))!.NotFound);
        var untouched = await Images.GetAsync(app, adas);
        Assert.Equal(("Ada's", 0), (untouched.Title, untouched.Version));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.NewClient().GetAsync($"/api/images/{adas}/metadata", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task The_editor_page_renders_for_the_owner_with_the_preview_and_the_fields()
    {
        await using var app = await TestApp.StartAsync();
        var ada = await Contributor.SignUpAsync(app);
        var id = await Images.AddAsync(app, ada.Id, Espresso, image => image.Title = "Espresso on oak");

        var response = await ada.Client.GetAsync($"/images/{id}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains($"src=\"/api/images/{id}/preview\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Espresso on oak\"", html, StringComparison.Ordinal);
        Assert.Contains("Adobe Stock", html, StringComparison.Ordinal);
        Assert.Contains("Tag this image", html, StringComparison.Ordinal);
        Assert.Contains("Local (offline)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
    }
}
