using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NetVips;
using TagMyStock.Web.Features.Gallery;
using TagMyStock.Web.Features.Generation;
using TagMyStock.Web.Features.Generation.Fal;
using TagMyStock.Web.Features.ImageEditing;
using static Microsoft.Playwright.Assertions;

namespace TagMyStock.Web.Browser;

/// <summary>
/// The image tools page's AI edits on real Chromium against the FAL stand-in: a mask painted with the mouse reaches
/// FAL where it was painted, the run's progress shows while it waits in FAL's queue, and the new image opens.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class AiEditJourneyTests(Chromium chromium)
{
    private const string Dune = "dune-grass-by-the-sea.jpg";

    [Fact]
    public async Task A_contributor_paints_a_mask_repaints_that_area_and_upscales_the_image_following_each_run()
    {
        await using var fal = await FalStandIn.StartAsync();
        fal.QueuePolls = 2;
        await using var app = await TestApp.StartBrowserServerAsync(settings: Generations.Settings(fal, ("TagMyStock:Fal:PollInterval", "00:00:01")));
        await using var session = await BrowserSession.StartAsync(chromium, app);
        var page = session.Page;
        await session.SignUpAsync();
        await session.UploadAsync(Images.SamplePath(Dune));
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = Dune })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var sourceId = await app.WithDbAsync(db => db.Set<StockImage>().Select(image => image.Id).SingleAsync(TestContext.Current.CancellationToken));

        await page.GotoAsync($"/images/{sourceId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit the image: crop, rotate, upscale, remove the background…" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Edit the image {Dune}");
        await Expect(page.GetByText("under Adobe Stock's 4 MP minimum").First).ToBeVisibleAsync();
        await session.CheckPageAsync("ai-edit-tools");

        // Paint across the top quarter of the picture, with the inpainting tool chosen.
        await page.GetByLabel("What to paint there").FillAsync("a clear blue sky");
        var overlay = (await page.Locator("[data-overlay]").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(overlay.X + (overlay.Width * 0.1f), overlay.Y + (overlay.Height * 0.1f));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(overlay.X + (overlay.Width * 0.9f), overlay.Y + (overlay.Height * 0.1f), new() { Steps = 8 });
        await page.Mouse.UpAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Repaint the masked area" }).ClickAsync();
        var status = page.Locator("[data-status]");
        await Expect(status).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("FAL\\.ai's queue"));
        await Expect(status).ToHaveTextAsync($"Done: dune-grass-by-the-sea-inpainted.jpg is in your gallery.", new() { Timeout = 30_000 });

        var submitted = JsonNode.Parse(fal.Server.Requests.Single(request => request.Method == "POST").Body)!;
        using var mask = Image.NewFromBuffer(ImageEdits.DataUrlBytes(submitted["mask_url"], "image/png"));
        using var top = mask.ExtractArea(0, 0, mask.Width, mask.Height / 5);
        using var bottom = mask.ExtractArea(0, mask.Height / 2, mask.Width, mask.Height / 2);
        Assert.Equal((255.0, 0.0), (top.Max(), bottom.Max()));

        await page.GetByRole(AriaRole.Button, new() { Name = "Upscale" }).ClickAsync();
        await Expect(status).ToHaveTextAsync("Done: dune-grass-by-the-sea-upscaled.jpg is in your gallery.", new() { Timeout = 30_000 });
        await session.CheckPageAsync("ai-edit-done");
        await page.GetByRole(AriaRole.Link, new() { Name = "dune-grass-by-the-sea-upscaled.jpg" }).ClickAsync();
        await Expect(page.GetByText("Upscaled 2× by")).ToBeVisibleAsync();

        var source = await Images.GetAsync(app, sourceId);
        var upscaled = await app.WithDbAsync(db => db.Set<StockImage>().SingleAsync(image => image.FileName == "dune-grass-by-the-sea-upscaled.jpg", TestContext.Current.CancellationToken));
        Assert.Equal((source.Width * 2, source.Height * 2, sourceId), (upscaled.Width, upscaled.Height, upscaled.SourceImageId));
        session.AssertNoRefusalsOrScriptErrors();
    }
}
