using System.IO.Compression;
using Microsoft.Playwright;
using TagMyStock.Core.Agencies;
using static Microsoft.Playwright.Assertions;

namespace TagMyStock.Web.Browser;

/// <summary>
/// A contributor's whole round on real Chromium: upload, tag, edit, export, delete, through the pages' own
/// controls (the file input, the toolbar, the chips, the keyboard), with every page screenshotted and scanned.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class GalleryJourneyTests(Chromium chromium) : BrowserTest(chromium)
{
    private const string Espresso = "espresso-cup-on-wooden-table.jpg";
    private const string WaterDrop = "water-drop-splash-crown.jpg";
    // Adobe Stock wants titles without commas: the editor offers to take them out.
    private const string EditedTitle = "Espresso cup, crema, old wooden table";
    private const string FixedTitle = "Espresso cup crema old wooden table";

    [Fact]
    public async Task Upload_tag_edit_export_and_delete_through_the_pages()
    {
        await SignUpAsync();
        await UploadAsync();
        await TagAllAsync();
        await EditEspressoAsync();
        await CopyKeywordsAsync();
        await ExportAsync();
        await DeleteWaterDropAsync();

        await Session.GotoAsync("/settings/agencies", "agencies");
        await Expect(Page.GetByRole(AriaRole.Checkbox, new() { Name = "Adobe Stock" })).ToBeCheckedAsync();
        await Expect(Page.GetByRole(AriaRole.Checkbox, new() { Name = "Shutterstock" })).ToBeCheckedAsync();
    }

    private async Task SignUpAsync()
    {
        await Session.SignUpAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your gallery");
    }

    private async Task UploadAsync()
    {
        await Session.UploadAsync(Images.SamplePath(Espresso), Images.SamplePath(WaterDrop));

        var uploads = Page.GetByRole(AriaRole.List, new() { Name = "Uploads" }).GetByRole(AriaRole.Listitem);
        await Expect(uploads).ToHaveCountAsync(2);
        foreach (var upload in await uploads.AllAsync())
        {
            await Expect(upload).ToContainTextAsync("Stored");
        }

        // The grid refreshes by itself until both thumbnails are made.
        await Expect(Page.GetByRole(AriaRole.Img, new() { Name = Espresso })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Img, new() { Name = WaterDrop })).ToBeVisibleAsync();
        await Expect(Tiles.GetByText("Untagged", new() { Exact = true })).ToHaveCountAsync(2);
        await Session.CheckPageAsync("gallery-with-images");
    }

    private async Task TagAllAsync()
    {
        var tag = Page.GetByRole(AriaRole.Button, new() { Name = "Tag selected" });
        await Expect(tag).ToBeDisabledAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Select all on this page" }).ClickAsync();
        await Expect(Page.GetByText("2 of 2 on this page selected.")).ToBeVisibleAsync();
        await Page.GetByLabel("Hint").FillAsync("espresso coffee cup on a wooden table");
        await tag.ClickAsync();

        await Expect(Page.GetByText("Done: 2 of 2 tagged.")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        // A finished job has nothing left to cancel.
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Cancel tagging" })).ToBeHiddenAsync();
        var progress = Page.GetByRole(AriaRole.Progressbar, new() { Name = "Tagging progress" });
        await Expect(progress).ToHaveAttributeAsync("value", "2");
        await Expect(progress).ToHaveAttributeAsync("max", "2");
        await Expect(Tiles.GetByText("Tagged", new() { Exact = true })).ToHaveCountAsync(2);
        await Expect(Page.GetByText("2 of 2 on this page selected.")).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Clear selection" }).ClickAsync();
    }

    private async Task EditEspressoAsync()
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = $"Edit {Espresso}" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Metadata of {Espresso}");
        var title = Page.GetByLabel("Title", new() { Exact = true });
        await Expect(title).ToBeEnabledAsync();

        await title.FillAsync(EditedTitle);
        var keyword = Page.GetByRole(AriaRole.Textbox, new() { Name = "Keywords" });
        await keyword.FillAsync("crema");
        await keyword.PressAsync("Enter");
        await Expect(Chip("crema")).ToBeVisibleAsync();

        await Session.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await Page.EvaluateAsync("text => navigator.clipboard.writeText(text)", "barista, latte art, ");
        await keyword.PressAsync("Control+V");
        await Expect(Chip("barista")).ToBeVisibleAsync();
        await Expect(Chip("latte art")).ToBeVisibleAsync();
        await Page.EvaluateAsync("text => navigator.clipboard.writeText(text)", "steam\nsaucer\n");
        await keyword.PressAsync("Control+V");
        await Expect(Chip("steam")).ToBeVisibleAsync();
        await Expect(Chip("saucer")).ToBeVisibleAsync();

        var before = await ChipTextsAsync();
        var crema = before.IndexOf("crema");
        await Chip("crema").FocusAsync();
        await Page.Keyboard.PressAsync("Alt+ArrowLeft");
        await Expect(Page.Locator(".chip-text")).ToHaveTextAsync(Moved(before, crema, crema - 1).ToArray());
        await Expect(Chip("crema")).ToBeFocusedAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Remove keyword latte art" }).ClickAsync();
        await Expect(Chip("latte art")).ToHaveCountAsync(0);
        var kept = await ChipTextsAsync();
        await Expect(SaveStatus).ToHaveTextAsync("Saved.");

        await Page.ReloadAsync();
        await Expect(title).ToBeEnabledAsync();
        await Expect(title).ToHaveValueAsync(EditedTitle);
        await Expect(Page.Locator(".chip-text")).ToHaveTextAsync(kept.ToArray());

        await Page.GetByRole(AriaRole.Button, new() { Name = "Fix: Take the commas out of the title" }).ClickAsync();
        await Expect(title).ToHaveValueAsync(FixedTitle);
        await Expect(SaveStatus).ToHaveTextAsync("Saved.");
        await Expect(Page.GetByText("Adobe Stock wants titles without commas.")).ToHaveCountAsync(0);

        await Session.CheckPageAsync("editor");
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Gallery" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your gallery");
    }

    private async Task CopyKeywordsAsync()
    {
        // By keyboard: the tile checkboxes and the toolbar's controls.
        await Page.GetByRole(AriaRole.Checkbox, new() { Name = Espresso }).PressAsync("Space");
        await Page.GetByRole(AriaRole.Checkbox, new() { Name = WaterDrop }).PressAsync("Space");
        await Page.GetByLabel("Copy metadata from…").SelectOptionAsync(new SelectOptionValue { Label = Espresso });
        await Page.GetByRole(AriaRole.Checkbox, new() { Name = "Title" }).UncheckAsync();
        await Page.GetByRole(AriaRole.Checkbox, new() { Name = "Description" }).UncheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Copy to the other selected" }).PressAsync("Enter");
        await Expect(Page.GetByText("Copied onto 1 image(s).")).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Clear selection" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = $"Edit {WaterDrop}" }).ClickAsync();
        await Expect(Page.GetByLabel("Title", new() { Exact = true })).ToBeEnabledAsync();
        await Expect(Chip("crema")).ToBeVisibleAsync();
        await Expect(Chip("barista")).ToBeVisibleAsync();
        await Page.GoBackAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your gallery");
    }

    private async Task ExportAsync()
    {
        var adobe = AgencyCatalog.Find("adobe")!;
        await Page.GetByRole(AriaRole.Checkbox, new() { Name = Espresso }).CheckAsync();
        await Expect(Page.GetByText("Exports the 1 selected image(s).")).ToBeVisibleAsync();
        await Page.GetByLabel("Agency").SelectOptionAsync(new SelectOptionValue { Label = adobe.Name });

        var csv = await DownloadAsync("CSV");
        var lines = (await File.ReadAllTextAsync(csv, TestContext.Current.CancellationToken)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(adobe.Csv!.Value.Header, lines[0]);
        Assert.Equal(2, lines.Length);
        Assert.Contains(FixedTitle, lines[1], StringComparison.Ordinal);

        // No selection exports the whole gallery.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Clear selection" }).ClickAsync();
        await Expect(Page.GetByText("Exports the whole gallery.")).ToBeVisibleAsync();
        var zip = await DownloadAsync("ZIP with metadata");
        using var archive = ZipFile.OpenRead(zip);
        var names = archive.Entries.Select(entry => entry.FullName).ToList();
        // Under names the agency accepts, which may differ from the uploaded ones.
        Assert.Equal(2, names.Count(name => name.EndsWith(".jpg", StringComparison.Ordinal)));
        Assert.Contains(names, name => name.EndsWith(".csv", StringComparison.Ordinal));
        Assert.All(archive.Entries, entry => Assert.True(entry.Length > 0, $"{entry.FullName} is empty."));
    }

    private async Task DeleteWaterDropAsync()
    {
        string? question = null;
        Page.Dialog += async (_, dialog) =>
        {
            question = dialog.Message;
            await dialog.AcceptAsync();
        };
        await Page.GetByRole(AriaRole.Button, new() { Name = $"Delete {WaterDrop}" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Img, new() { Name = WaterDrop })).ToHaveCountAsync(0);
        await Expect(Page.GetByRole(AriaRole.Img, new() { Name = Espresso })).ToBeVisibleAsync();
        await Expect(Page.GetByText("1 image, newest first.")).ToBeVisibleAsync();
        Assert.Equal($"Delete {WaterDrop}? This cannot be undone.", question);
    }

    private async Task<string> DownloadAsync(string button)
    {
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync());
        Assert.Null(await download.FailureAsync());
        return (await download.PathAsync())!;
    }

    private ILocator Tiles => Page.Locator(".tiles");

    private ILocator SaveStatus => Page.Locator(".save-status");

    private ILocator Chip(string keyword) => Page.Locator(".chip").Filter(new() { Has = Page.Locator(".chip-text").GetByText(keyword, new() { Exact = true }) });

    private async Task<List<string>> ChipTextsAsync() => [.. await Page.Locator(".chip-text").AllTextContentsAsync()];

    private static List<string> Moved(List<string> keywords, int from, int to)
    {
        var moved = new List<string>(keywords);
        moved.RemoveAt(from);
        moved.Insert(to, keywords[from]);
        return moved;
    }
}
