using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using TagMyStock.Core.Keywords;
using TagMyStock.Core.Rules;
using TagMyStock.Core.Tagging;
using TagMyStock.Web.Features.Editor;
using TagMyStock.Web.Features.Tagging;

namespace TagMyStock.Web.Features.Settings;

/// <summary>The account's own rules: set on <c>/settings/rules</c> or through the API, applied wherever an agency's rules are.</summary>
public sealed class RulesTests
{
    private const string Espresso = "espresso-cup-on-wooden-table.jpg";
    private const string Hint = "espresso cup on a wooden table, morning coffee";

    [Theory, ClassData(typeof(Databases))]
    public async Task Rules_saved_on_the_page_shape_what_tagging_saves_and_what_the_checks_report(Database database)
    {
        await using var app = await TestApp.StartAsync(database);
        var ada = await Contributor.SignUpAsync(app);
        var id = await Images.AddAsync(app, ada.Id, Espresso);

        var saved = await Forms.SubmitAsync(ada.Client, "/settings/rules", "rules", new Dictionary<string, string>
        {
            ["Input.RequiredKeywords"] = "ada studio",
            ["Input.RequiredKeywordsPosition"] = "1",
            ["Input.BannedWords"] = "cup, wooden",
            ["Input.MaxKeywords"] = "8",
            ["Input.TitleStyle"] = nameof(TitleStyle.TitleCase),
        });
        var tagged = await ada.Client.PostAsJsonAsync($"/api/images/{id}/tag", new { hint = Hint }, TestContext.Current.CancellationToken);

        Assert.Contains("Saved.", await saved.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, tagged.StatusCode);
        var stored = await Images.GetAsync(app, id);
        Assert.Equal("ada studio", stored.Keywords[0]);
        Assert.InRange(stored.Keywords.Count, 2, 8);
        // Every keyword kept says where it comes from in the editor, the one the rules put there too.
        Assert.All(stored.Keywords, keyword => Assert.Contains(stored.Evidence, evidence => KeywordHygiene.Key(evidence.Term) == KeywordHygiene.Key(keyword)));
        Assert.Contains(stored.Evidence, evidence => evidence.Term == "ada studio" && evidence.Sources.SequenceEqual([EvidenceSource.UserRules]));
        var page = WebUtility.HtmlDecode(await ada.Client.GetStringAsync($"/images/{id}", TestContext.Current.CancellationToken));
        Assert.Contains("<span class=\"chip-source\" title=\"From your rules: required by your rules.\" aria-hidden=\"true\">your rules</span>", page, StringComparison.Ordinal);
        Assert.DoesNotContain(stored.Keywords, keyword => keyword.Contains("cup", StringComparison.OrdinalIgnoreCase) || keyword.Contains("wooden", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("espresso", stored.Keywords);
        Assert.DoesNotContain("cup", stored.Title, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(TitleCasing.Apply(stored.Title, TitleStyle.TitleCase), stored.Title);
        var body = (await tagged.Content.ReadFromJsonAsync<TagResponse>(TestContext.Current.CancellationToken))!;
        Assert.All(body.Agencies, report => Assert.DoesNotContain(report.Problems, problem => problem.Code.StartsWith("rules.", StringComparison.Ordinal)));

        // A word typed by hand later is checked against the rules, and the rules' fix takes it out again.
        var current = (await ada.Client.GetFromJsonAsync<MetadataResponse>($"/api/images/{id}/metadata", TestContext.Current.CancellationToken))!;
        var edited = await Forms.SendApiAsync(ada.Client, HttpMethod.Put, $"/api/images/{id}/metadata", new
        {
            version = current.Version,
            keywords = current.Metadata.Keywords.Append("coffee cup").ToList(),
        });
        var report = (await edited.Content.ReadFromJsonAsync<MetadataResponse>(TestContext.Current.CancellationToken))!.Agencies[0];
        Assert.Contains(report.Problems, problem => problem.Code == "rules.keywords.banned" && problem.Message.Contains("your rules ban", StringComparison.Ordinal));
        var fixedResponse = await Forms.SendApiAsync(ada.Client, HttpMethod.Post, $"/api/images/{id}/fix", new
        {
            version = current.Version + 1,
            agency = report.Agency,
            code = "rules.keywords.banned",
        });
        Assert.Equal(HttpStatusCode.OK, fixedResponse.StatusCode);
        Assert.DoesNotContain("coffee cup", (await Images.GetAsync(app, id)).Keywords);
    }

    [Fact]
    public async Task An_export_for_an_agency_applies_the_rules_to_its_csv()
    {
        await using var app = await TestApp.StartAsync();
        var ada = await Contributor.SignUpAsync(app);
        await AddReadyEspressoAsync(app, ada);
        await PutRulesAsync(ada, """{"requiredKeywords": ["ada studio"], "bannedWords": ["cheap"]}""");

        var csv = await ada.Client.GetStringAsync("/api/export/csv?agency=shutterstock", TestContext.Current.CancellationToken);

        var row = csv.Split('\n')[1];
        Assert.Contains("\"espresso,coffee,cup,crema,table,wooden,morning,cafe,drink,ada studio\"", row, StringComparison.Ordinal);
        Assert.DoesNotContain("cheap", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_gallery_counts_images_that_break_the_rules_as_soon_as_the_rules_change()
    {
        await using var app = await TestApp.StartAsync();
        var ada = await Contributor.SignUpAsync(app);
        await AddReadyEspressoAsync(app, ada);
        const string Problems = "/gallery?show=problems&agency=shutterstock";

        var before = await ada.Client.GetStringAsync(Problems, TestContext.Current.CancellationToken);
        await PutRulesAsync(ada, """{"requiredKeywords": ["ada studio"]}""");
        var after = await ada.Client.GetStringAsync(Problems, TestContext.Current.CancellationToken);

        Assert.Contains("0 of your 1 image have problems for Shutterstock", before, StringComparison.Ordinal);
        Assert.Contains("1 of your 1 image has problems for Shutterstock", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_reads_and_writes_the_command_lines_rules_file_and_refuses_a_bad_one_keeping_the_old()
    {
        await using var app = await TestApp.StartAsync();
        var ada = await Contributor.SignUpAsync(app, "Ada");
        var bob = await Contributor.SignUpAsync(app, "Bob");
        const string File = """
            {
              // as the command line reads it: comments and trailing commas allowed
              "requiredKeywords": ["ada studio"],
              "minKeywords": 5,
              "maxKeywords": 40,
              "titleStyle": "sentenceCase",
            }
            """;

        var put = await PutRulesAsync(ada, File);
        var contradictory = await PutRulesAsync(ada, """{"minKeywords": 50, "maxKeywords": 40}""");
        var broken = await PutRulesAsync(ada, """{"maxKeywords": 40""");
        var unknown = await PutRulesAsync(ada, """{"maxKeyword": 40}""");
        var huge = await PutRulesAsync(ada, $$"""{"bannedWords": [{{string.Join(',', Enumerable.Repeat("\"word\"", 20_000))}}]}""");
        // Signed in, but without the page's token: what a forged cross-site request would be.
        var eve = await Users.SignUpAsync(app, "Eve");
        var forged = await eve.PutAsync("/api/settings/rules", new StringContent("{}", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, contradictory.StatusCode);
        Assert.Equal("'minKeywords' (50) is more than 'maxKeywords' (40). Your rules were not changed.", (await Problem(contradictory)).Detail);
        Assert.StartsWith("The rules file is not valid JSON", (await Problem(broken)).Detail, StringComparison.Ordinal);
        Assert.StartsWith("The rules file has an unknown property 'maxKeyword'", (await Problem(unknown)).Detail, StringComparison.Ordinal);
        Assert.Equal("A rules file is at most 64 KB. Your rules were not changed.", (await Problem(huge)).Detail);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var kept = UserRules.FromJson(await ada.Client.GetStringAsync("/api/settings/rules", TestContext.Current.CancellationToken));
        Assert.Equal(["ada studio"], kept.RequiredKeywords);
        Assert.Equal((5, 40, TitleStyle.SentenceCase), (kept.MinKeywords, kept.MaxKeywords, kept.TitleStyle));
        Assert.Empty(UserRules.FromJson(await bob.Client.GetStringAsync("/api/settings/rules", TestContext.Current.CancellationToken)).RequiredKeywords);

        var deleted = await Forms.SendApiAsync(ada.Client, HttpMethod.Delete, "/api/settings/rules");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(UserRules.None.ToJson(), await ada.Client.GetStringAsync("/api/settings/rules", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_page_explains_contradictory_rules_with_its_own_labels_keeps_what_was_typed_and_takes_a_pasted_file()
    {
        await using var app = await TestApp.StartAsync();
        var ada = await Contributor.SignUpAsync(app);

        var refused = await Forms.SubmitAsync(ada.Client, "/settings/rules", "rules", new Dictionary<string, string>
        {
            ["Input.RequiredKeywords"] = "ada studio, stock",
            ["Input.MinKeywords"] = "30",
            ["Input.MaxKeywords"] = "20",
        });
        var refusedPage = await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var unreadable = await Forms.SubmitAsync(ada.Client, "/settings/rules", "rules", new Dictionary<string, string> { ["Input.MaxKeywords"] = "forty" });
        var pasted = await Forms.SubmitAsync(ada.Client, "/settings/rules", "rules-file", new Dictionary<string, string>
        {
            ["RulesFile"] = """{"bannedWords": ["cheap"], "singleWordKeywordsOnly": true, "requiredKeywordsPosition": 2}""",
        });
        var page = await ada.Client.GetStringAsync("/settings/rules", TestContext.Current.CancellationToken);
        var cleared = await Forms.SubmitAsync(ada.Client, "/settings/rules", "rules-clear", new Dictionary<string, string>());

        Assert.Contains("“Fewest keywords” (30) is more than “Most keywords” (20). Nothing was changed.", WebUtility.HtmlDecode(refusedPage), StringComparison.Ordinal);
        Assert.Contains("value=\"ada studio, stock\"", refusedPage, StringComparison.Ordinal);
        Assert.Contains(
            "“Most keywords” takes a whole number, such as 40; “forty” is not one. Nothing was changed.",
            WebUtility.HtmlDecode(await unreadable.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)),
            StringComparison.Ordinal);
        Assert.Contains("The rules file is in use.", await pasted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Contains(">cheap</textarea>", page, StringComparison.Ordinal);
        Assert.Matches("id=\"position\"[^>]* value=\"3\"", page);
        Assert.Contains("Your rules are removed", await cleared.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(UserRules.None.ToJson(), await ada.Client.GetStringAsync("/api/settings/rules", TestContext.Current.CancellationToken));
    }

    /// <summary>An image with nothing wrong for Shutterstock but one keyword that a rule could ban ("cheap coffee").</summary>
    private static Task<Guid> AddReadyEspressoAsync(TestApp app, Contributor owner) =>
        Images.AddAsync(app, owner.Id, Espresso, image =>
        {
            image.FileName = "espresso.jpg";
            image.Categories["shutterstock"] = "Food and Drink";
            image.Title = "Espresso cup on an old wooden table";
            image.Description = "A cup of espresso with crema on an old wooden table in the morning light.";
            image.Keywords = ["espresso", "coffee", "cup", "crema", "table", "wooden", "morning", "cafe", "drink", "cheap coffee"];
        });

    /// <summary>Sends a rules file as raw text, as <c>curl --data @rules.json</c> would (the client carries the page's token).</summary>
    private static Task<HttpResponseMessage> PutRulesAsync(Contributor contributor, string file) =>
        contributor.Client.PutAsync("/api/settings/rules", new StringContent(file, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

    private static async Task<ProblemDetails> Problem(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<ProblemDetails>(TestContext.Current.CancellationToken))!;
}
