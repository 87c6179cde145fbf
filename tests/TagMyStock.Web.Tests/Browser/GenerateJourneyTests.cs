using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TagMyStock.Web.Features.Generation;
using TagMyStock.Web.Features.Generation.Fal;
using static Microsoft.Playwright.Assertions;

namespace TagMyStock.Web.Browser;

/// <summary>The generate page on real Chromium against the FAL stand-in: the price as the choices change, the run's progress, its images.</summary>
[Collection(BrowserTests.Name)]
public sealed partial class GenerateJourneyTests(Chromium chromium)
{
    [Fact]
    public async Task A_contributor_sees_the_price_follows_the_run_and_opens_the_new_images()
    {
        await using var fal = await FalStandIn.StartAsync();
        // Three polls a second apart: the page, polling every second too, sees the request wait in the queue.
        fal.QueuePolls = 3;
        await using var app = await TestApp.StartBrowserServerAsync(settings: Generations.Settings(fal, ("TagMyStock:Fal:PollInterval", "00:00:01")));
        await using var session = await BrowserSession.StartAsync(chromium, app);
        var page = session.Page;
        await session.SignUpAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Generate", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Generate images");
        await session.CheckPageAsync("generate");

        var price = page.Locator("#generate-price");
        await Expect(price).ToHaveTextAsync("$0.003");
        await page.GetByLabel("Images", new() { Exact = true }).FillAsync("2");
        await Expect(price).ToHaveTextAsync("$0.006");
        await page.GetByLabel("Model", new() { Exact = true }).SelectOptionAsync("illustration");
        await Expect(price).ToHaveTextAsync("$0.08");
        await page.GetByLabel("Model", new() { Exact = true }).SelectOptionAsync("fast");
        await page.GetByLabel("Prompt", new() { Exact = true }).FillAsync(Generations.Prompt);
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate", Exact = true }).ClickAsync();

        var status = page.Locator("[data-status]");
        await Expect(status).ToHaveTextAsync(QueueNote());
        await Expect(status).ToHaveTextAsync("Done: 2 image(s) added to your gallery.", new() { Timeout = 30_000 });
        var images = page.GetByRole(AriaRole.List, new() { Name = "Generated images" }).GetByRole(AriaRole.Link);
        await Expect(images).ToHaveCountAsync(2);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancel the run" })).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Generate", Exact = true })).ToBeEnabledAsync();
        await session.CheckPageAsync("generate-done");

        await images.First.ClickAsync();
        await page.WaitForURLAsync(EditorUrl());
        Assert.Equal(1, fal.Submissions());
    }

    [GeneratedRegex(@"^Waiting in FAL\.ai's queue")]
    private static partial Regex QueueNote();

    [GeneratedRegex(@"/images/[0-9a-f-]{36}$")]
    private static partial Regex EditorUrl();
}
