using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using TagMyStock.Web.Features.Gallery;
using TagMyStock.Web.Features.ImageEditing;
using static Microsoft.Playwright.Assertions;

namespace TagMyStock.Web.Browser;

/// <summary>The image tools page on real Chromium: a crop dragged on the preview, a rotation, the edit's progress and its new image.</summary>
[Collection(BrowserTests.Name)]
public sealed class ImageToolsJourneyTests(Chromium chromium) : BrowserTest(chromium)
{
    [Fact]
    public async Task A_contributor_drags_a_crop_rotates_and_opens_the_new_image_made_from_the_original()
    {
        const string Dune = "dune-grass-by-the-sea.jpg";
        await Session.SignUpAsync();
        await Session.UploadAsync(Images.SamplePath(Dune));
        await Expect(Page.GetByRole(AriaRole.Img, new() { Name = Dune })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var sourceId = await App.WithDbAsync(db => db.Set<StockImage>().Select(image => image.Id).SingleAsync(TestContext.Current.CancellationToken));

        await Session.GotoAsync($"/images/{sourceId}/tools", "image-tools");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "AI editing is not configured" })).ToBeVisibleAsync();
        await Page.GetByLabel("Shape", new() { Exact = true }).SelectOptionAsync("3:2");
        var overlay = (await Page.Locator("[data-overlay]").BoundingBoxAsync())!;
        await Page.Mouse.MoveAsync(overlay.X + (overlay.Width * 0.2f), overlay.Y + (overlay.Height * 0.2f));
        await Page.Mouse.DownAsync();
        await Page.Mouse.MoveAsync(overlay.X + (overlay.Width * 0.6f), overlay.Y + (overlay.Height * 0.9f), new() { Steps = 4 });
        await Page.Mouse.UpAsync();
        await Expect(Page.GetByLabel("Width %")).ToHaveValueAsync("40.0");
        await Page.GetByLabel("Rotate", new() { Exact = true }).SelectOptionAsync("90");
        await Session.CheckPageAsync("image-tools-crop");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Make an edited copy" }).ClickAsync();

        await Expect(Page.Locator("[data-status]")).ToHaveTextAsync("Done: dune-grass-by-the-sea-edited.jpg is in your gallery.", new() { Timeout = 30_000 });
        await Page.GetByRole(AriaRole.Link, new() { Name = "dune-grass-by-the-sea-edited.jpg" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Edit the image dune-grass-by-the-sea-edited.jpg");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "dune-grass-by-the-sea.jpg" })).ToBeVisibleAsync();
        await Session.CheckPageAsync("image-tools-result");

        var source = await Images.GetAsync(App, sourceId);
        var edited = await App.WithDbAsync(db => db.Set<StockImage>().SingleAsync(image => image.SourceImageId == sourceId, TestContext.Current.CancellationToken));
        // A 3:2 crop 40 % of the width wide, turned a quarter: 2 wide for 3 high.
        var keptWidth = source.Width * 0.4;
        Assert.InRange(edited.Height, keptWidth - 1, keptWidth + 1);
        Assert.InRange(edited.Width, (keptWidth / 1.5) - 1, (keptWidth / 1.5) + 1);
    }
}
