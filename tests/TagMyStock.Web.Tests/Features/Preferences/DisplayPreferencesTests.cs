using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TagMyStock.Web.Browser;
using static Microsoft.Playwright.Assertions;

namespace TagMyStock.Web.Features.Preferences;

[Collection(BrowserTests.Name)]
public sealed class DisplayPreferencesTests(Chromium chromium) : BrowserTest(chromium)
{
    private const string StorageKey = "tms-display";

    // What the page looks like, read from the computed styles of elements every page has.
    private const string ReadLook =
        """
        () => {
            const style = (selector) => getComputedStyle(document.querySelector(selector));
            const rgb = (value) => value.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
            return {
                FontFamily: style("body").fontFamily,
                RootFontSize: parseFloat(style("html").fontSize),
                MainPadding: parseFloat(style("main").paddingLeft),
                NavLinkDecoration: style(".site-header nav a:not(.active):not(.button)").textDecorationLine,
                AnimationDuration: style("body").animationDuration,
                Text: rgb(style("body").color),
                Background: rgb(style("body").backgroundColor),
                Link: rgb(style(".site-header nav a:not(.active):not(.button)").color),
                Muted: rgb(style(".site-footer").color),
            };
        }
        """;

    [Fact]
    public async Task Every_preference_changes_the_page_at_once_and_stays_in_this_browser_only()
    {
        await Session.GotoAsync("/settings", "settings");
        var cookiesBefore = await CookiesAsync();
        var requestsBefore = (await Session.RequestsAsync()).Count;
        var defaults = await LookAsync();
        Assert.StartsWith("system-ui", defaults.FontFamily, StringComparison.Ordinal);
        Assert.Equal(16, defaults.RootFontSize);
        Assert.Equal(24, defaults.MainPadding);
        Assert.Equal("none", defaults.NavLinkDecoration);
        Assert.Equal("0s", defaults.AnimationDuration);

        foreach (var (font, family) in new[] { ("Serif", "ui-serif"), ("OpenDyslexic", "OpenDyslexic"), ("Atkinson Hyperlegible", "\"Atkinson Hyperlegible\"") })
        {
            await Page.GetByRole(AriaRole.Radio, new() { Name = font, Exact = true }).CheckAsync();
            await Expect(Page.Locator("body")).ToHaveCSSAsync("font-family", new Regex($"^{Regex.Escape(family)},"));
        }

        Assert.True(await FontLoadsAsync("OpenDyslexic"), "The OpenDyslexic font file did not load.");
        Assert.True(await FontLoadsAsync("Atkinson Hyperlegible"), "The Atkinson Hyperlegible font file did not load.");
        await Page.GetByLabel("Text size").SelectOptionAsync("125");
        await Page.GetByRole(AriaRole.Radio, new() { Name = "Spacious", Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Checkbox, new() { Name = "Reduce motion", Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Checkbox, new() { Name = "High contrast", Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Checkbox, new() { Name = "Underline links", Exact = true }).CheckAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved in this browser.");

        await AssertChosenLookAsync();
        await Session.CheckPageAsync("settings-chosen");
        // Changing the preferences sent nothing: the only requests since are the font files they show.
        var sinceChanges = (await Session.RequestsAsync()).Skip(requestsBefore).ToList();
        Assert.All(sinceChanges, request => Assert.Matches("^GET .*/fonts/[a-z-]+/[a-z0-9-]+\\.woff2$", $"{request.Method} {request.Url}"));
        Assert.Equal(cookiesBefore, await CookiesAsync());

        await Page.ReloadAsync();
        await Session.CheckPageAsync("settings-reloaded");
        await AssertChosenLookAsync();
        await Expect(Page.GetByRole(AriaRole.Radio, new() { Name = "Atkinson Hyperlegible", Exact = true })).ToBeCheckedAsync();
        await Expect(Page.GetByLabel("Text size")).ToHaveValueAsync("125");
        await Expect(Page.GetByRole(AriaRole.Radio, new() { Name = "Spacious", Exact = true })).ToBeCheckedAsync();
        foreach (var aid in new[] { "Reduce motion", "High contrast", "Underline links" })
        {
            await Expect(Page.GetByRole(AriaRole.Checkbox, new() { Name = aid, Exact = true })).ToBeCheckedAsync();
        }

        // Blazor's enhanced navigation (same document, as the marker shows) and a full page load keep them.
        await Page.EvaluateAsync("() => { window.sameDocument = true; }");
        await Page.GetByRole(AriaRole.Link, new() { Name = "TagMyStock", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Metadata that passes review, for every agency at once");
        Assert.True(await Page.EvaluateAsync<bool>("() => window.sameDocument === true"), "The navigation was not an enhanced one.");
        await AssertChosenLookAsync();
        await Session.CheckPageAsync("home");
        await Session.GotoAsync("/account/signin", "signin");
        await AssertChosenLookAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Display", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Display");
        await Expect(Page.GetByRole(AriaRole.Radio, new() { Name = "Atkinson Hyperlegible", Exact = true })).ToBeCheckedAsync();
        await Expect(Page.GetByLabel("Text size")).ToHaveValueAsync("125");

        var stored = await Page.EvaluateAsync<string?>($"() => localStorage.getItem('{StorageKey}')");
        Assert.NotNull(stored);
        string[] secrets = [StorageKey, stored, "textSize", "highContrast", "underlineLinks", "reducedMotion", "atkinson-hyperlegible", "opendyslexic", "spacious"];
        var requests = await Session.RequestsAsync();
        Assert.Contains(requests, request => request.Method == "GET" && request.Url.EndsWith("/account/signin", StringComparison.Ordinal));
        foreach (var request in requests)
        {
            // A font file's address names its font, as any address names what it fetches; the Display
            // page fetches every font for its samples. Everything else of those requests is searched.
            var searched = IsFontFile(request) ? request with { Url = "(font file)" } : request;
            Assert.DoesNotContain(secrets, secret => searched.ToString().Contains(secret, StringComparison.OrdinalIgnoreCase));
        }

        var cookies = await CookiesAsync();
        Assert.DoesNotContain(cookies, cookie => secrets.Any(secret => cookie.Contains(secret, StringComparison.OrdinalIgnoreCase)));
        Assert.Equal("", await Page.EvaluateAsync<string>("() => document.cookie"));
    }

    [Fact]
    public async Task The_first_frame_of_a_page_already_has_the_stored_preferences()
    {
        await Session.GotoAsync("/settings", "settings");
        await Page.GetByRole(AriaRole.Radio, new() { Name = "OpenDyslexic", Exact = true }).CheckAsync();
        await Page.GetByLabel("Text size").SelectOptionAsync("150");
        await Page.GetByRole(AriaRole.Radio, new() { Name = "Compact", Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Checkbox, new() { Name = "High contrast", Exact = true }).CheckAsync();

        // requestAnimationFrame callbacks run just before a frame is painted: the first one sees what the
        // first paint shows.
        await Page.AddInitScriptAsync(
            """
            requestAnimationFrame(() => {
                const root = document.documentElement;
                const style = getComputedStyle(root);
                window.firstFrame = {
                    Font: root.getAttribute("data-font"),
                    TextSize: root.getAttribute("data-text-size"),
                    Density: root.getAttribute("data-density"),
                    HighContrast: root.hasAttribute("data-high-contrast"),
                    FontSize: style.fontSize,
                    FontBody: style.getPropertyValue("--font-body"),
                    Space: style.getPropertyValue("--space"),
                    Text: style.getPropertyValue("--text"),
                };
            });
            """);
        await Page.GotoAsync("/");
        await Page.WaitForFunctionAsync("() => window.firstFrame !== undefined");
        var first = await EvaluateAsync<FirstFrame>("() => window.firstFrame");
        var loaded = await EvaluateAsync<FirstFrame>(
            "() => { const style = getComputedStyle(document.documentElement); return { ...window.firstFrame, FontSize: style.fontSize, FontBody: style.getPropertyValue('--font-body'), Space: style.getPropertyValue('--space'), Text: style.getPropertyValue('--text') }; }");

        Assert.Equal(new FirstFrame("opendyslexic", "150", "compact", true, "24px", loaded.FontBody, loaded.Space, loaded.Text), first);
        Assert.Contains("OpenDyslexic", first.FontBody, StringComparison.Ordinal);
        Assert.Equal("#000000", first.Text.Trim());
        // The script that sets them is a plain, blocking script in <head>, before the stylesheet.
        Assert.True(await Page.EvaluateAsync<bool>(
            """
            () => {
                const script = document.querySelector('head > script[src*="display-preferences"]');
                const stylesheet = document.querySelector('head > link[rel="stylesheet"]');
                return script !== null && !script.async && !script.defer && !script.type
                    && (script.compareDocumentPosition(stylesheet) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
            }
            """));
        await Session.CheckPageAsync("home");
    }

    [Fact]
    public async Task Back_to_the_default_display_forgets_every_choice()
    {
        await Session.GotoAsync("/settings", "settings");
        await Page.GetByRole(AriaRole.Radio, new() { Name = "Serif", Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Checkbox, new() { Name = "Underline links", Exact = true }).CheckAsync();
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("data-underline-links", "");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Back to the default display" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Back to the default display.");
        await Expect(Page.GetByRole(AriaRole.Radio, new() { Name = "System font", Exact = true })).ToBeCheckedAsync();
        await Expect(Page.GetByRole(AriaRole.Checkbox, new() { Name = "Underline links", Exact = true })).Not.ToBeCheckedAsync();
        Assert.Null(await Page.EvaluateAsync<string?>($"() => localStorage.getItem('{StorageKey}')"));
        Assert.Null(await Page.EvaluateAsync<string?>("() => document.documentElement.getAttribute('data-font') ?? document.documentElement.getAttribute('data-underline-links')"));
        Assert.StartsWith("system-ui", (await LookAsync()).FontFamily, StringComparison.Ordinal);
    }

    private async Task AssertChosenLookAsync()
    {
        var html = Page.Locator("html");
        await Expect(html).ToHaveAttributeAsync("data-font", "atkinson-hyperlegible");
        await Expect(html).ToHaveAttributeAsync("data-text-size", "125");
        await Expect(html).ToHaveAttributeAsync("data-density", "spacious");
        await Expect(html).ToHaveAttributeAsync("data-reduced-motion", "");
        await Expect(html).ToHaveAttributeAsync("data-high-contrast", "");
        await Expect(html).ToHaveAttributeAsync("data-underline-links", "");

        var look = await LookAsync();
        Assert.StartsWith("\"Atkinson Hyperlegible\"", look.FontFamily, StringComparison.Ordinal);
        Assert.Equal(20, look.RootFontSize);
        Assert.Equal(1.5 * 1.5 * 20, look.MainPadding);
        Assert.Equal("underline", look.NavLinkDecoration);
        Assert.Equal("1e-05s", look.AnimationDuration);
        Assert.Equal([0, 0, 0], look.Text);
        Assert.Equal([255, 255, 255], look.Background);
        Assert.All(new[] { look.Text, look.Link, look.Muted }, colour => Assert.True(
            ContrastRatio(colour, look.Background) >= 7,
            string.Create(CultureInfo.InvariantCulture, $"rgb({string.Join(", ", colour)}) on the background is {ContrastRatio(colour, look.Background):0.00}:1, under WCAG AAA's 7:1.")));
    }

    private Task<Look> LookAsync() => EvaluateAsync<Look>(ReadLook);

    // Playwright fills only classes with setters; records come through JSON.
    private async Task<T> EvaluateAsync<T>(string expression) =>
        (await Page.EvaluateAsync<JsonElement>(expression)).Deserialize<T>() ?? throw new InvalidOperationException($"{expression} returned null.");

    private async Task<bool> FontLoadsAsync(string family) =>
        await Page.EvaluateAsync<bool>("async (family) => (await document.fonts.load(`16px \"${family}\"`)).length > 0", family);

    private async Task<List<string>> CookiesAsync() =>
        (await Session.Context.CookiesAsync()).Select(cookie => $"{cookie.Name}={cookie.Value}").Order(StringComparer.Ordinal).ToList();

    private static bool IsFontFile(RecordedRequest request) =>
        new Uri(request.Url).AbsolutePath.StartsWith("/fonts/", StringComparison.Ordinal);

    // WCAG 2.2 relative luminance and contrast ratio.
    private static double ContrastRatio(int[] foreground, int[] background)
    {
        static double Luminance(int[] rgb)
        {
            var linear = rgb.Select(channel => channel / 255.0).Select(c => c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4)).ToArray();
            return (0.2126 * linear[0]) + (0.7152 * linear[1]) + (0.0722 * linear[2]);
        }

        var (lighter, darker) = (Math.Max(Luminance(foreground), Luminance(background)), Math.Min(Luminance(foreground), Luminance(background)));
        return (lighter + 0.05) / (darker + 0.05);
    }

    private sealed record Look(string FontFamily, double RootFontSize, double MainPadding, string NavLinkDecoration, string AnimationDuration, int[] Text, int[] Background, int[] Link, int[] Muted);

    private sealed record FirstFrame(string? Font, string? TextSize, string? Density, bool HighContrast, string FontSize, string FontBody, string Space, string Text);
}
