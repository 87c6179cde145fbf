using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace TagMyStock.Web.Browser;

/// <summary>The pages a visitor meets today, through the real pages: each screenshotted and scanned by axe-core.</summary>
[Collection(BrowserTests.Name)]
public sealed class SiteJourneyTests(Chromium chromium) : BrowserTest(chromium)
{
    [Fact]
    public async Task Sign_up_see_the_profile_and_sign_out_with_every_page_accessible()
    {
        await Session.GotoAsync("/", "home");
        await Session.GotoAsync("/settings", "settings");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Your agencies" })).ToHaveCountAsync(0);
        await Session.GotoAsync("/account/forgot", "forgot");
        await Session.GotoAsync("/account/signin", "signin");
        var missing = await Session.GotoAsync("/no-such-page", "not-found");
        Assert.Equal(404, missing?.Status);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page not found");

        await Session.GotoAsync("/account/signup", "signup");
        Assert.Empty(await Session.Context.CookiesAsync());
        await Page.GetByLabel("Name").FillAsync("Ada Lovelace");
        await Page.GetByLabel("Email").FillAsync("ada@example.com");
        await Page.GetByLabel("Password").FillAsync(Users.Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign up" }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Uri(App.BrowserAddress, "/gallery").ToString());
        var heading = Page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await Expect(heading).ToHaveTextAsync("Your gallery");
        await Expect(Page.GetByText("No images yet.")).ToBeVisibleAsync();
        // Focus is on the new page's heading, for screen readers, without a focus ring: a heading is no control.
        await Expect(heading).ToBeFocusedAsync();
        Assert.Equal("none", await heading.EvaluateAsync<string>("heading => getComputedStyle(heading).outlineStyle"));
        await Session.CheckPageAsync("gallery");
        var session = Assert.Single(await Session.Context.CookiesAsync());
        Assert.Equal("tms_session", session.Name);
        Assert.True(session.HttpOnly && session.Secure, "The session cookie must be HttpOnly and Secure.");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Ada Lovelace" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your profile");
        await Expect(Page.GetByLabel("Name")).ToHaveValueAsync("Ada Lovelace");
        await Expect(Page.GetByLabel("Email")).ToHaveValueAsync("ada@example.com");
        await Session.CheckPageAsync("profile");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Display");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Your agencies" })).ToHaveAttributeAsync("href", "/settings/agencies");
        await Session.CheckPageAsync("settings-signed-in");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        Assert.DoesNotContain(await Session.Context.CookiesAsync(), cookie => cookie.Name == "tms_session");
        await Page.GotoAsync("/gallery");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sign in");

        // The only console error allowed is the 404 of the missing page itself.
        Assert.All(Session.ConsoleErrors, error => Assert.Contains("404", error, StringComparison.Ordinal));
    }
}
