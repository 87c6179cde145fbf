using System.Globalization;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using TagMyStock.Web.Support;

namespace TagMyStock.Web.Browser;

/// <summary>
/// One test's browser: a fresh context (no cookies, no storage) and page on an app started with
/// <see cref="TestApp.StartBrowserServerAsync"/>. It records every request the page makes, collects console
/// errors, script errors and what the browser refused (Content-Security-Policy violations above all), and
/// <see cref="CheckPageAsync"/> saves a screenshot of the current page and fails on accessibility
/// problems, refusals and script errors.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    // Chromium reports what it blocks as console errors: CSP violations name the "Content Security Policy"
    // (older versions began them with "Refused to"), and a script or stylesheet of the wrong MIME type
    // begins with "Refused to". The init script reports the securitypolicyviolation event as well, so
    // that no CSP violation goes unnoticed whatever the wording.
    private const string ReportCspViolations =
        """
        document.addEventListener("securitypolicyviolation", (event) =>
            console.error(`Content Security Policy violation: ${event.violatedDirective} blocked ${event.blockedURI}`));
        """;

    private static readonly Lazy<string> ScreenshotDirectory = new(() => Path.Combine(Repository.Root, "artifacts", "screenshots"));

    private readonly Lock _gate = new();
    private readonly List<IRequest> _requests = [];
    private readonly List<string> _consoleErrors = [];
    private readonly List<string> _scriptErrors = [];

    private BrowserSession(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        context.Request += (_, request) => Locked(() => _requests.Add(request));
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Locked(() => _consoleErrors.Add(message.Text));
            }
        };
        page.PageError += (_, error) => Locked(() => _scriptErrors.Add(error));
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>Console messages of type error, in order, CSP violations included.</summary>
    public IReadOnlyList<string> ConsoleErrors => Locked(() => _consoleErrors.ToList());

    /// <summary>What the browser refused to load, run or apply: Content-Security-Policy violations, resources of the wrong type.</summary>
    public IReadOnlyList<string> Refusals => Locked(() => _consoleErrors.Where(IsRefusal).ToList());

    /// <summary>Uncaught exceptions and unhandled rejections of the pages' scripts.</summary>
    public IReadOnlyList<string> ScriptErrors => Locked(() => _scriptErrors.ToList());

    /// <summary>Opens a fresh context on <paramref name="app"/>; relative URLs resolve against its address.</summary>
    public static async Task<BrowserSession> StartAsync(Chromium chromium, TestApp app)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BrowserAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Locale = "en-GB",
        });
        await context.AddInitScriptAsync(ReportCspViolations);
        var page = await context.NewPageAsync();
        return new BrowserSession(context, page);
    }

    /// <summary>Goes to <paramref name="url"/> and checks the page (<see cref="CheckPageAsync"/>) as <paramref name="pageName"/>.</summary>
    public async Task<IResponse?> GotoAsync(string url, string pageName)
    {
        var response = await Page.GotoAsync(url);
        await CheckPageAsync(pageName);
        return response;
    }

    /// <summary>Signs up as Ada Lovelace through the sign-up page, which leads to the gallery.</summary>
    public async Task SignUpAsync()
    {
        await Page.GotoAsync("/account/signup");
        await Page.GetByLabel("Name").FillAsync("Ada Lovelace");
        await Page.GetByLabel("Email").FillAsync("ada@example.com");
        await Page.GetByLabel("Password").FillAsync(Users.Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign up" }).ClickAsync();
    }

    /// <summary>
    /// Uploads files through the gallery page's file input, once its script is attached: a file chosen before that
    /// would not be sent.
    /// </summary>
    public async Task UploadAsync(params string[] paths)
    {
        await Page.Locator("section.upload[data-module-ready]").WaitForAsync();
        await Page.Locator("#upload-files").SetInputFilesAsync(paths);
    }

    /// <summary>
    /// Once the current page has loaded and its fonts are ready: saves a full-page screenshot as
    /// <c>artifacts/screenshots/&lt;test&gt;-&lt;pageName&gt;.png</c>, runs axe-core and fails on any serious or
    /// critical violation, and fails on any refusal (CSP violation) or script error seen so far.
    /// </summary>
    public async Task CheckPageAsync(string pageName)
    {
        await Page.WaitForLoadStateAsync(LoadState.Load);
        await Page.EvaluateAsync("() => document.fonts.ready.then(() => undefined)");
        Directory.CreateDirectory(ScreenshotDirectory.Value);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath(pageName), FullPage = true });

        var axe = await Page.RunAxe();
        var severe = axe.Violations.Where(violation => violation.Impact is "serious" or "critical").ToList();
        Assert.True(severe.Count == 0, $"axe-core found serious or critical accessibility problems on {pageName} ({Page.Url}):\n{Describe(severe)}");
        AssertNoRefusalsOrScriptErrors();
    }

    public void AssertNoRefusalsOrScriptErrors()
    {
        Assert.True(Refusals.Count == 0, $"The browser refused (Content-Security-Policy violations, wrong MIME types):\n{string.Join('\n', Refusals)}");
        Assert.True(ScriptErrors.Count == 0, $"Script errors:\n{string.Join('\n', ScriptErrors)}");
    }

    /// <summary>Every request the pages made so far, with all headers as sent (cookies included).</summary>
    public async Task<IReadOnlyList<RecordedRequest>> RequestsAsync()
    {
        var recorded = new List<RecordedRequest>();
        foreach (var request in Locked(() => _requests.ToList()))
        {
            var headers = await request.AllHeadersAsync();
            recorded.Add(new RecordedRequest(request.Method, request.Url, headers, request.PostData));
        }

        return recorded;
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();

    private static bool IsRefusal(string message) =>
        message.StartsWith("Refused to", StringComparison.Ordinal) || message.Contains("Content Security Policy", StringComparison.Ordinal);

    private static string ScreenshotPath(string pageName)
    {
        var test = TestContext.Current.TestMethod?.MethodName ?? "test";
        var name = string.Concat($"{test}-{pageName}".Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
        return Path.Combine(ScreenshotDirectory.Value, name + ".png");
    }

    private static string Describe(IEnumerable<AxeResultItem> violations)
    {
        var text = new StringBuilder();
        foreach (var violation in violations)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {violation.Impact} {violation.Id}: {violation.Help} ({violation.HelpUrl})");
            foreach (var node in violation.Nodes)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    at {node.Target}: {node.Html}");
                AppendChecks(text, "fix any of", node.Any);
                AppendChecks(text, "fix all of", node.All.Concat(node.None));
            }
        }

        return text.ToString();
    }

    private static void AppendChecks(StringBuilder text, string heading, IEnumerable<AxeResultCheck> checks)
    {
        var messages = checks.Select(check => check.Message).ToList();
        if (messages.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"      {heading}: {string.Join("; ", messages)}");
        }
    }

    private T Locked<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }

    private void Locked(Action change)
    {
        lock (_gate)
        {
            change();
        }
    }
}

/// <summary>A request as the browser sent it.</summary>
public sealed record RecordedRequest(string Method, string Url, IReadOnlyDictionary<string, string> Headers, string? PostData)
{
    /// <summary>The whole request as one text, to search for something it must not carry.</summary>
    public override string ToString() =>
        $"{Method} {Url}\n{string.Join('\n', Headers.Select(header => $"{header.Key}: {header.Value}"))}\n{PostData}";
}
