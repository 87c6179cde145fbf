using System.Net;
using TagMyStock.Web.Infrastructure.Web;

namespace TagMyStock.Web.Features.Accounts;

public sealed class SessionAntiforgeryTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("same-origin", null, HttpStatusCode.Redirect)]
    [InlineData(null, "https://tagmystock.test", HttpStatusCode.Redirect)]
    [InlineData(null, "http://tagmystock.test", HttpStatusCode.Redirect)]
    [InlineData("cross-site", null, HttpStatusCode.BadRequest)]
    [InlineData("same-site", null, HttpStatusCode.BadRequest)]
    [InlineData("cross-site", "https://tagmystock.test", HttpStatusCode.BadRequest)]
    [InlineData(null, "https://tagmystock.test.attacker.example", HttpStatusCode.BadRequest)]
    [InlineData(null, "https://attacker.example", HttpStatusCode.BadRequest)]
    [InlineData(null, "null", HttpStatusCode.BadRequest)]
    [InlineData(null, null, HttpStatusCode.BadRequest)]
    public async Task A_signed_out_form_is_accepted_only_when_the_browser_says_it_comes_from_this_site(string? fetchSite, string? origin, HttpStatusCode expected)
    {
        await using var app = await TestApp.StartAsync();
        var email = $"ada-{Guid.NewGuid():N}@example.com";
        await Users.SignUpAsync(app, "Ada", email);
        var browser = app.NewClient();
        var token = Forms.AntiforgeryToken(await browser.GetStringAsync("/account/signin", Token));

        var response = await PostSignInAsync(browser, email, token, fetchSite, origin);

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("not a token")]
    [InlineData("aCfDJ8forged")]
    [InlineData("sAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_signed_out_form_needs_a_token_this_app_rendered(string token)
    {
        await using var app = await TestApp.StartAsync();
        var email = $"ada-{Guid.NewGuid():N}@example.com";
        await Users.SignUpAsync(app, "Ada", email);

        var response = await PostSignInAsync(app.NewClient(), email, token, "same-origin", origin: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_signed_in_request_needs_a_token_of_its_own_session()
    {
        await using var app = await TestApp.StartAsync();
        var email = $"ada-{Guid.NewGuid():N}@example.com";
        var laptop = await Users.SignUpAsync(app, "Ada", email);
        var phone = app.NewClient();
        var signedOutToken = Forms.AntiforgeryToken(await phone.GetStringAsync("/account/signin", Token));
        await Users.SignInAsync(phone, email);

        var laptopToken = await PageTokenAsync(laptop);
        var phoneToken = await PageTokenAsync(phone);

        // Passing antiforgery, a delete of an unknown image answers 404; failing it, 400.
        Assert.Equal(HttpStatusCode.NotFound, (await DeleteUnknownImageAsync(laptop, laptopToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await DeleteUnknownImageAsync(phone, phoneToken)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await DeleteUnknownImageAsync(laptop, phoneToken)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await DeleteUnknownImageAsync(phone, signedOutToken)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await DeleteUnknownImageAsync(laptop, laptopToken, fetchSite: "cross-site")).StatusCode);
    }

    [Fact]
    public async Task Each_page_carries_a_freshly_masked_token_and_every_one_is_valid()
    {
        await using var app = await TestApp.StartAsync();
        var client = await Users.SignUpAsync(app);

        var first = await PageTokenAsync(client);
        var second = await PageTokenAsync(client);

        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.NotFound, (await DeleteUnknownImageAsync(client, first)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await DeleteUnknownImageAsync(client, second)).StatusCode);
    }

    [Fact]
    public async Task A_new_session_gets_a_new_secret_so_tokens_of_the_previous_one_stop_working()
    {
        await using var app = await TestApp.StartAsync();
        var email = $"ada-{Guid.NewGuid():N}@example.com";
        var client = await Users.SignUpAsync(app, "Ada", email);
        var before = await PageTokenAsync(client);
        var signOut = new Dictionary<string, string> { ["__RequestVerificationToken"] = before };
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/account/signout", new FormUrlEncodedContent(signOut), Token)).StatusCode);

        await Users.SignInAsync(client, email);

        Assert.Equal(HttpStatusCode.BadRequest, (await DeleteUnknownImageAsync(client, before)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await DeleteUnknownImageAsync(client, await PageTokenAsync(client))).StatusCode);
    }

    private static async Task<string> PageTokenAsync(HttpClient client) =>
        Forms.AntiforgeryToken(await client.GetStringAsync("/account/profile", Token));

    private static Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string email, string token, string? fetchSite, string? origin)
    {
        var post = new HttpRequestMessage(HttpMethod.Post, "/account/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "signin",
                ["__RequestVerificationToken"] = token,
                ["Input.Email"] = email,
                ["Input.Password"] = Users.Password,
            }),
        };
        if (fetchSite is not null)
        {
            post.Headers.Add(Forms.FetchSiteHeader, fetchSite);
        }

        if (origin is not null)
        {
            post.Headers.Add("Origin", origin);
        }

        return client.SendAsync(post, Token);
    }

    private static Task<HttpResponseMessage> DeleteUnknownImageAsync(HttpClient client, string token, string? fetchSite = null)
    {
        var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/images/{Guid.NewGuid():D}");
        delete.Headers.Add(ApiAntiforgery.HeaderName, token);
        if (fetchSite is not null)
        {
            delete.Headers.Add(Forms.FetchSiteHeader, fetchSite);
        }

        return client.SendAsync(delete, Token);
    }
}
