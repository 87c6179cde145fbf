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
    public async Task A_keyword_added_by_hand_has_no_evidence_and_the_others_keep_theirs()
    {
        await using var app = await TestApp.StartAsync();
        var ada = await Contributor.SignUpAsync(app);
        var id = await Images.AddAsync(app, ada.Id, Espresso);
        var tagged = (await (await ada.Client.PostAsJsonAsync($"/api/images/{id}/tag", new { hint = "espresso cup" }, TestContext.Current.CancellationToken))
            .Content.ReadFromJsonAsync<TagResponse>(TestContext.Current.CancellationToken))!;

        var put = await ada.Client.PutAsJsonAsync(
            $"/api/images/{id}/metadata",
            new { version = tagged.Version, title = tagged.Metadata.Title, keywords = new[] { "handmade", "espresso" } },
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var page = WebUtility.HtmlDecode(await ada.Client.GetStringAsync($"/images/{id}", TestContext.Current.CancellationToken));

        Assert.DoesNotContain("aria-describedby=\"keyword-evidence-0\"", page, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"keyword-evidence-1\"", page, StringComparison.Ordinal);
    }
}
