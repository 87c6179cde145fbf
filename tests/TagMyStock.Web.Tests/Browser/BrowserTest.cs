using Microsoft.Playwright;

namespace TagMyStock.Web.Browser;

/// <summary>
/// Base of a browser test class (mark the class <c>[Collection(BrowserTests.Name)]</c>): every test
/// gets its own app on Kestrel with a fresh SQLite database and its own <see cref="BrowserSession"/>,
/// and fails at the end on any CSP violation (any refusal) or script error, even one after its last page check.
/// </summary>
/// <example>
/// <code>
/// [Collection(BrowserTests.Name)]
/// public sealed class GalleryJourneyTests(Chromium chromium) : BrowserTest(chromium)
/// {
///     [Fact]
///     public async Task Upload_shows_the_image()
///     {
///         await Session.GotoAsync("/account/signup", "signup");   // screenshot + axe + CSP check
///         // … fill the form with Page.GetByLabel(…), click, then wait on a condition:
///         await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your gallery");
///         await Session.CheckPageAsync("gallery");                 // after a click, check the page reached
///     }
/// }
/// </code>
/// </example>
public abstract class BrowserTest(Chromium chromium) : IAsyncLifetime
{
    protected TestApp App { get => field ?? throw NotStarted(); private set; }

    protected BrowserSession Session { get => field ?? throw NotStarted(); private set; }

    protected IPage Page => Session.Page;

    /// <summary>The app's configuration keys for every test of the class, such as an admin's email.</summary>
    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    public async ValueTask InitializeAsync()
    {
        App = await TestApp.StartBrowserServerAsync(settings: Settings);
        Session = await BrowserSession.StartAsync(chromium, App);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            Session.AssertNoRefusalsOrScriptErrors();
        }
        finally
        {
            await Session.DisposeAsync();
            await App.DisposeAsync();
        }
    }

    private static InvalidOperationException NotStarted() => new("The browser test has not started.");
}
