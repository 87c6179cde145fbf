using Microsoft.Playwright;
using Xunit.Sdk;

namespace TagMyStock.Web.Browser;

/// <summary>The browser fixture itself fails where it must.</summary>
[Collection(BrowserTests.Name)]
public sealed class BrowserSessionTests(Chromium chromium)
{
    [Fact]
    public async Task An_inline_script_is_refused_by_the_policy_and_reported()
    {
        await using var app = await TestApp.StartBrowserServerAsync();
        await using var session = await BrowserSession.StartAsync(chromium, app);
        await session.GotoAsync("/", "home");

        await session.Page.RunAndWaitForConsoleMessageAsync(
            () => session.Page.EvaluateAsync("() => { const script = document.createElement('script'); script.textContent = 'window.inlineRan = true'; document.head.append(script); }"),
            new PageRunAndWaitForConsoleMessageOptions { Predicate = message => message.Text.StartsWith("Content Security Policy violation", StringComparison.Ordinal) });

        Assert.False(await session.Page.EvaluateAsync<bool>("() => window.inlineRan === true"));
        Assert.NotEmpty(session.Refusals);
        var failure = Assert.Throws<TrueException>(session.AssertNoRefusalsOrScriptErrors);
        Assert.Contains("Content Security Policy violation: script-src-elem blocked inline", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_without_a_text_alternative_fails_the_page_check_with_a_readable_report()
    {
        await using var app = await TestApp.StartBrowserServerAsync();
        await using var session = await BrowserSession.StartAsync(chromium, app);
        await session.GotoAsync("/", "home");

        await session.Page.EvaluateAsync("() => { const image = document.createElement('img'); image.src = '/favicon.svg'; document.querySelector('main').append(image); }");
        var failure = await Assert.ThrowsAsync<TrueException>(() => session.CheckPageAsync("home-broken"));

        Assert.Contains("critical image-alt", failure.Message, StringComparison.Ordinal);
        Assert.Contains("<img src=\"/favicon.svg\">", failure.Message, StringComparison.Ordinal);
    }
}
