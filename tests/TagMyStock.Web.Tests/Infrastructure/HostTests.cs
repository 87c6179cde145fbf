using System.Net;

namespace TagMyStock.Web.Infrastructure;

public sealed class HostTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Health_reports_healthy_when_the_database_answers(Database database)
    {
        await using var app = await TestApp.StartAsync(database);

        var response = await app.NewClient().GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/account/signin")]
    [InlineData("/no-such-page")]
    public async Task Every_page_carries_a_strict_policy_and_hsts(string path)
    {
        await using var app = await TestApp.StartAsync();

        var response = await app.NewClient().GetAsync(path, TestContext.Current.CancellationToken);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("http", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains("max-age=", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_page_is_a_404_page_and_an_unknown_api_route_a_bare_404()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.NewClient();

        var page = await client.GetAsync("/no-such-page", TestContext.Current.CancellationToken);
        var api = await client.GetAsync("/api/no-such-route", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("Page not found", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Empty(await api.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Before_consent_the_session_cookie_is_the_only_cookie_ever_set()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.NewClient();
        var names = new List<string>();
        async Task VisitAsync(params string[] paths)
        {
            foreach (var path in paths)
            {
                names.AddRange(CookieNames(await client.GetAsync(path, TestContext.Current.CancellationToken)));
            }
        }

        await VisitAsync("/", "/account/signin", "/account/signup", "/account/forgot", "/not-found");
        names.AddRange(CookieNames(await Users.SignUpAsync(client, "Ada", "ada@example.com")));
        await VisitAsync("/gallery", "/settings", "/settings/agencies", "/account/profile");

        Assert.Equal(["tms_session"], names.Distinct(StringComparer.Ordinal));
    }

    private static IEnumerable<string> CookieNames(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.Select(c => c[..c.IndexOf('=', StringComparison.Ordinal)]) : [];
}
