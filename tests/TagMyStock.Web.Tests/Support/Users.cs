using System.Net;

namespace TagMyStock.Web.Support;

/// <summary>Accounts made through the real sign-up form.</summary>
public static class Users
{
    public const string Password = "correct horse battery";

    /// <summary>Signs up a new account and returns a client holding its session.</summary>
    public static async Task<HttpClient> SignUpAsync(TestApp app, string name = "Ada", string? email = null)
    {
        var client = app.NewClient();
        var response = await SignUpAsync(client, name, email ?? $"{name.ToLowerInvariant()}-{Guid.NewGuid():N}@example.com");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-up failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        return client;
    }

    public static Task<HttpResponseMessage> SignUpAsync(HttpClient client, string name, string email, string password = Password) =>
        Forms.SubmitAsync(client, "/account/signup", "signup", new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    /// <summary>Where a redirect points, as a local path and query.</summary>
    public static string? RedirectPath(this HttpResponseMessage response) =>
        response.Headers.Location is { } location
            ? (location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString)
            : null;

    /// <summary>Asserts that the client holds no session: the gallery sends it to the sign-in page.</summary>
    public static async Task AssertSignedOutAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/gallery", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/signin", response.RedirectPath(), StringComparison.Ordinal);
    }

    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password = Password) =>
        Forms.SubmitAsync(client, "/account/signin", "signin", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
}
