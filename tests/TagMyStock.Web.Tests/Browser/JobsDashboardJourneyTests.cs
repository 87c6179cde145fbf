using Microsoft.Playwright;
using TagMyStock.Web.Features.Jobs;
using static Microsoft.Playwright.Assertions;

namespace TagMyStock.Web.Browser;

/// <summary>The admin's jobs dashboard (Hangfire's own pages) under the app's content security policy.</summary>
[Collection(BrowserTests.Name)]
public sealed class JobsDashboardJourneyTests(Chromium chromium) : BrowserTest(chromium)
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } =
        new Dictionary<string, string?> { ["TagMyStock:Accounts:AdminEmails:0"] = "ada@example.com" };

    [Fact]
    public async Task The_dashboards_charts_draw_and_follow_the_window_with_nothing_refused()
    {
        await Session.SignUpAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your gallery");

        await Page.GotoAsync(JobsExtensions.DashboardPath);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Realtime Graph" })).ToBeVisibleAsync();
        var chart = Page.Locator("canvas").First;
        await Expect(chart).ToBeVisibleAsync();
        await Expect(Page.Locator(".chartjs-size-monitor").First).ToBeAttachedAsync();
        var wide = (await chart.BoundingBoxAsync())!.Width;
        // Chart.js redraws a chart for a new width through its size monitor, which its one inline style element lays out.
        await Page.SetViewportSizeAsync(800, 900);

        Assert.True(await NarrowerWithinAsync(chart, wide - 200, TimeSpan.FromSeconds(10)), "The chart kept its width in a narrower window.");
        Session.AssertNoRefusalsOrScriptErrors();
    }

    /// <summary>Polled from here: Playwright's own waiting on a page condition compiles script, which the policy forbids.</summary>
    private static async Task<bool> NarrowerWithinAsync(ILocator element, double width, TimeSpan timeout)
    {
        for (var waited = TimeSpan.Zero; waited < timeout; waited += TimeSpan.FromMilliseconds(100))
        {
            if ((await element.BoundingBoxAsync())?.Width < width)
            {
                return true;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        return false;
    }
}
