using System.Net;
using System.Net.Http.Json;
using TagMyStock.Web.Features.Tagging;

namespace TagMyStock.Web.Features.Editor;

public sealed class EditorEvidenceTests
{
    private const string Espresso = "espresso-cup-on-wooden-table.jpg";

    [Theory, ClassData(typeof(Databases))]
    public async Task The_editor_shows_which_source_said_each_keyword_and_flag_after_the_page_is_loaded_again(Database database)
    {
        await using var app = await TestApp.StartAsync(database);
        var ada = await Contributor.SignUpAsync(app);
        var id = await Images.AddAsync(app, ada.Id, Espresso, image => image.GenerationPrompt = "photo of an espresso cup on a rustic wooden table, 8k");
        var tagged = await ada.Client.PostAsJsonAsync($"/api/images/{id}/tag", new { hint = "espresso cup" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, tagged.StatusCode);

        var metadata = (await ada.Client.GetFromJsonAsync<MetadataResponse>($"/api/images/{id}/metadata", TestContext.Current.CancellationToken))!;
        var page = WebUtility.HtmlDecode(await ada.Client.GetStringAsync($"/images/{id}", TestContext.Current.CancellationToken));

        Assert.Contains(metadata.Evidence, evidence => evidence.Term == "espresso" && evidence.Sources[0] == "Hint");
        Assert.Contains(metadata.Evidence, evidence => evidence.Term == "flag:ai-generated" && evidence.Sources.Contains("GenerationPrompt"));
        Assert.Contains(metadata.Evidence, evidence => evidence.Sources.Contains("Pixels"));
        Assert.Contains("<span class=\"chip-source\" title=\"From your hint", page, StringComparison.Ordinal);
        Assert.Contains(">hint", page, StringComparison.Ordinal);
        Assert.Contains("From the pixels:", page, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"keyword-evidence-0\"", page, StringComparison.Ordinal);
        Assert.Contains("<span id=\"flag-evidence-AiGenerated\" class=\"evidence\">From the prompt", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_category_the_engine_chose_says_why_until_the_user_picks_another()
    {
        await using var app = await TestApp.StartAsync();
        var ada = await Contributor.SignUpAsync(app);
        var id = await Images.AddAsync(app, ada.Id, Espresso);
        var tagged = await TagAsync(ada, id, "cup of espresso on a wooden cafe table");

        Assert.Equal("4", tagged.Metadata.Categories["adobe"]);
        Assert.Equal("Food and Drink", tagged.Metadata.Categories["shutterstock"]);
        var page = WebUtility.HtmlDecode(await ada.Client.GetStringAsync($"/images/{id}", TestContext.Current.CancellationToken));
        Assert.Contains("aria-describedby=\"category-adobe-0-evidence\"", page, StringComparison.Ordinal);
        Assert.Contains("<span id=\"category-adobe-0-evidence\" class=\"evidence\">From your hint and the file name: Drinks, for \"espresso\".</span>", page, StringComparison.Ordinal);

        var put = await ada.Client.PutAsJsonAsync(
            $"/api/images/{id}/metadata",
            new { version = tagged.Version, title = tagged.Metadata.Title, keywords = tagged.Metadata.Keywords, categories = new Dictionary<string, string> { ["adobe"] = "7", ["shutterstock"] = "Food and Drink" } },
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        page = WebUtility.HtmlDecode(await ada.Client.GetStringAsync($"/images/{id}", TestContext.Current.CancellationToken));

        Assert.DoesNotContain("category-adobe-0-evidence", page, StringComparison.Ordinal);
        Assert.Contains("<span id=\"category-shutterstock-0-evidence\" class=\"evidence\">From your hint and the file name: Food and Drink, for \"espresso\".</span>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_keyword_added_by_hand_has_no_evidence_and_the_others_keep_theirs()
    {
        await using var app = await TestApp.StartAsync();
        var ada = await Contributor.SignUpAsync(app);
        var id = await Images.AddAsync(app, ada.Id, Espresso);
        var tagged = await TagAsync(ada, id, "espresso cup");

        var put = await ada.Client.PutAsJsonAsync(
            $"/api/images/{id}/metadata",
            new { version = tagged.Version, title = tagged.Metadata.Title, keywords = new[] { "handmade", "espresso" } },
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var page = WebUtility.HtmlDecode(await ada.Client.GetStringAsync($"/images/{id}", TestContext.Current.CancellationToken));

        Assert.DoesNotContain("aria-describedby=\"keyword-evidence-0\"", page, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"keyword-evidence-1\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_title_lent_by_a_similar_image_says_so_until_the_user_rewrites_it()
    {
        const string ladybird = "ladybird-on-grass-stem-among-forget-me-nots.jpg";
        await using var app = await TestApp.StartAsync();
        var ada = await Contributor.SignUpAsync(app);
        var first = await Images.AddAsync(app, ada.Id, "IMG_0001.jpg", Uploads.Sample(ladybird));
        var second = await Images.AddAsync(app, ada.Id, "IMG_0002.jpg", Uploads.ResizedCopy(ladybird, 500, 80));
        await TagAsync(ada, first, "ladybird beetle on a grass stem among forget-me-nots");
        var taught = await TagAsync(ada, second, hint: null);

        var page = WebUtility.HtmlDecode(await ada.Client.GetStringAsync($"/images/{second}", TestContext.Current.CancellationToken));
        Assert.Contains("aria-describedby=\"title-evidence\"", page, StringComparison.Ordinal);
        Assert.Contains("<span id=\"title-evidence\" class=\"evidence under-field\">From similar images: title of IMG_0001.jpg, similarity ", page, StringComparison.Ordinal);

        var put = await ada.Client.PutAsJsonAsync(
            $"/api/images/{second}/metadata",
            new { version = taught.Version, title = "Seven-spot ladybird climbing a stem", keywords = taught.Metadata.Keywords },
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        page = WebUtility.HtmlDecode(await ada.Client.GetStringAsync($"/images/{second}", TestContext.Current.CancellationToken));

        Assert.DoesNotContain("title-evidence", page, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"keyword-evidence-0\"", page, StringComparison.Ordinal);
    }

    private static async Task<TagResponse> TagAsync(Contributor contributor, Guid id, string? hint)
    {
        var response = await contributor.Client.PostAsJsonAsync($"/api/images/{id}/tag", new { hint }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TagResponse>(TestContext.Current.CancellationToken))!;
    }
}
