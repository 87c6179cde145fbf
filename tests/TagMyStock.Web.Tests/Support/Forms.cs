using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using TagMyStock.Web.Infrastructure.Web;

namespace TagMyStock.Web.Support;

/// <summary>
/// Submits the app's server-rendered forms as a browser would: GET the page, take its antiforgery
/// token and handler name, POST the fields with the browser's word that the post comes from the page's own site.
/// </summary>
public static partial class Forms
{
    /// <summary>Fetch Metadata: every current browser says where a request comes from.</summary>
    public const string FetchSiteHeader = "Sec-Fetch-Site";

    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string pageUrl, string formName, IReadOnlyDictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(pageUrl, TestContext.Current.CancellationToken);
        var content = new Dictionary<string, string>(fields)
        {
            ["_handler"] = formName,
            ["__RequestVerificationToken"] = AntiforgeryToken(page),
        };
        using var post = new HttpRequestMessage(HttpMethod.Post, pageUrl) { Content = new FormUrlEncodedContent(content) };
        post.Headers.Add(FetchSiteHeader, "same-origin");
        return await client.SendAsync(post, TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// Calls the JSON API as the pages' scripts do, with a signed-in page's antiforgery token in the header: the
    /// profile page's, which every account has whatever the server has configured.
    /// </summary>
    public static async Task<HttpResponseMessage> SendApiAsync(HttpClient client, HttpMethod method, string path, object? body = null)
    {
        var token = AntiforgeryToken(await client.GetStringAsync("/account/profile", TestContext.Current.CancellationToken));
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add(ApiAntiforgery.HeaderName, token);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static string AntiforgeryToken(string html) =>
        TokenPattern().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("The page has no antiforgery token.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
