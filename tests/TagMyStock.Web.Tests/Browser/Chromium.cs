using Microsoft.Playwright;

namespace TagMyStock.Web.Browser;

/// <summary>
/// Debian's Chromium (package <c>chromium</c>, installed by <c>scripts/test</c>), driven by Playwright
/// through the node driver that the Microsoft.Playwright package copies into the test output; no
/// browser is ever downloaded. Launched once for the <see cref="BrowserTests"/> collection; each test
/// gets its own <see cref="BrowserSession"/>.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium is not started.");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"{ExecutablePath} is missing: install Debian's chromium package (scripts/test does).");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>
/// The browser tests: one Chromium for all of them, and they run one after the other (each drives a
/// real browser and a Kestrel server on a 2-core machine).
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserTests : ICollectionFixture<Chromium>
{
    public const string Name = "Browser";
}
