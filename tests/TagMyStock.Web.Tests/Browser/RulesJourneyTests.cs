using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace TagMyStock.Web.Browser;

/// <summary>
/// A contributor's own rules on real Chromium: set on the rules page, refused when they contradict each other, then
/// applied by tagging and checked in the editor, whose one-click fix enforces them.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class RulesJourneyTests(Chromium chromium) : BrowserTest(chromium)
{
    private const string Espresso = "espresso-cup-on-wooden-table.jpg";

    [Fact]
    public async Task Rules_set_on_their_page_shape_tagging_and_the_editors_checks()
    {
        await Session.SignUpAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your gallery");

        await Session.GotoAsync("/settings/rules", "rules");
        await Page.GetByLabel("Required keywords").FillAsync("ada studio");
        await Page.GetByLabel("Banned words").FillAsync("saucer");
        await Page.GetByLabel("Most keywords").FillAsync("12");
        await Page.GetByLabel("Title capitals").SelectOptionAsync(new SelectOptionValue { Label = "Title Case: Red Fox in the Snow" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save rules" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved. Tagging, exports and checks use these rules from now on.");
        await Session.CheckPageAsync("rules-saved");

        await Page.GetByLabel("Fewest keywords").FillAsync("20");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save rules" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("“Fewest keywords” (20) is more than “Most keywords” (12). Nothing was changed.");
        await Expect(Page.GetByLabel("Fewest keywords")).ToHaveValueAsync("20");
        await Session.CheckPageAsync("rules-refused");

        await Page.GotoAsync("/gallery");
        await Session.UploadAsync(Images.SamplePath(Espresso));
        await Expect(Page.GetByRole(AriaRole.Img, new() { Name = Espresso })).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Checkbox, new() { Name = Espresso }).CheckAsync();
        await Page.GetByLabel("Hint").FillAsync("espresso coffee cup on a saucer on a wooden table");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Tag selected" }).ClickAsync();
        await Expect(Page.GetByText("Done: 1 of 1 tagged.")).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = $"Edit {Espresso}" }).ClickAsync();
        var chips = Page.Locator(".chip-text");
        await Expect(Chip("ada studio")).ToBeVisibleAsync();
        await Expect(Chip("saucer")).ToHaveCountAsync(0);
        Assert.InRange(await chips.CountAsync(), 2, 12);

        var keyword = Page.GetByRole(AriaRole.Textbox, new() { Name = "Keywords" });
        await keyword.FillAsync("saucer");
        await keyword.PressAsync("Enter");
        await Expect(Chip("saucer")).ToBeVisibleAsync();
        var banned = Page.GetByText("Keywords with words your rules ban: \"saucer\".");
        await Expect(banned.First).ToBeVisibleAsync();
        await Session.CheckPageAsync("editor-rule-broken");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Fix: Remove the keywords with banned words" }).First.ClickAsync();
        await Expect(Chip("saucer")).ToHaveCountAsync(0);
        await Expect(banned).ToHaveCountAsync(0);
        await Expect(Chip("ada studio")).ToBeVisibleAsync();
    }

    private ILocator Chip(string keyword) =>
        Page.Locator(".chip").Filter(new() { Has = Page.Locator(".chip-text").GetByText(keyword, new() { Exact = true }) });
}
