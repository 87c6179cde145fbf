using Microsoft.Playwright;
using TagMyStock.Web.Features.Tagging.OpenRouter;
using static Microsoft.Playwright.Assertions;

namespace TagMyStock.Web.Browser;

/// <summary>
/// Tagging with the vision model on real Chromium against the OpenRouter stand-in: the engine chosen in the gallery's
/// toolbar, the job's progress to the end, and the model's title and keywords in the editor.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class VisionTaggingJourneyTests(Chromium chromium)
{
    private const string Cat = "tabby-cat-with-green-eyes.png";

    [Fact]
    public async Task A_contributor_tags_an_image_with_the_vision_model_chosen_in_the_gallery_and_sees_its_answer()
    {
        await using var standIn = await OpenRouterStandIn.StartAsync();
        await using var app = await TestApp.StartBrowserServerAsync(settings: standIn.AppSettings());
        await using var session = await BrowserSession.StartAsync(chromium, app);
        var page = session.Page;
        await session.SignUpAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your gallery");

        await session.UploadAsync(Images.SamplePath(Cat));
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = Cat })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.GetByRole(AriaRole.Checkbox, new() { Name = Cat }).CheckAsync();
        var visionModel = page.GetByRole(AriaRole.Radio, new() { Name = "Vision model (OpenRouter)" });
        await Expect(visionModel).ToBeEnabledAsync();
        await visionModel.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tag selected" }).ClickAsync();

        await Expect(page.GetByText("Done: 1 of 1 tagged by the vision model.")).ToBeVisibleAsync();
        var progress = page.GetByRole(AriaRole.Progressbar, new() { Name = "Tagging progress" });
        await Expect(progress).ToHaveAttributeAsync("value", "1");
        await Expect(progress).ToHaveAttributeAsync("max", "1");
        await Expect(page.Locator(".tiles").GetByText("Tagged", new() { Exact = true })).ToHaveCountAsync(1);
        await session.CheckPageAsync("gallery-tagged-by-vision-model");
        Assert.Single(standIn.Server.Requests);

        await page.GetByRole(AriaRole.Link, new() { Name = $"Edit {Cat}" }).ClickAsync();
        var title = page.GetByLabel("Title", new() { Exact = true });
        await Expect(title).ToBeEnabledAsync();
        await Expect(title).ToHaveValueAsync(OpenRouterStandIn.DefaultMetadata["title"]!.GetValue<string>());
        await Expect(page.GetByLabel("Description", new() { Exact = true })).ToHaveValueAsync(OpenRouterStandIn.DefaultMetadata["description"]!.GetValue<string>());

        // The model's keywords after TagMyStock's hygiene: plural twins merged, the hashtag and spacing cleaned, the brand dropped.
        var keywords = page.Locator(".chip-text");
        await Expect(keywords.First).ToHaveTextAsync("cat");
        foreach (var keyword in new[] { "tabby", "green eyes", "pet", "whiskers" })
        {
            await Expect(keywords.GetByText(keyword, new() { Exact = true })).ToHaveCountAsync(1);
        }

        await Expect(keywords.GetByText("nike", new() { Exact = true })).ToHaveCountAsync(0);
        await Expect(page.GetByText($"{Cat} · tagged by the openrouter engine")).ToBeVisibleAsync();
        await session.CheckPageAsync("editor-tagged-by-vision-model");
        session.AssertNoRefusalsOrScriptErrors();
    }
}
