using System.Net;
using System.Text.RegularExpressions;

namespace TagMyStock.Web.Support;

/// <summary>
/// Submits the app's server-rendered forms as a browser would: GET the page, take its antiforgery
/// token and handler name, POST the fields.
/// </summary>
public static partial class Forms
{
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string pageUrl, string formName, IReadOnlyDictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(pageUrl, TestContext.Current.CancellationToken);
        var content = new Dictionary<string, string>(fields)
        {
            ["_handler"] = formName,
            ["__RequestVerificationToken"] = AntiforgeryToken(page),
        };
        return await client.PostAsync(pageUrl, new FormUrlEncodedContent(content), TestContext.Current.CancellationToken);
    }

    public static string AntiforgeryToken(string html) =>
        TokenPattern().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("The page has no antiforgery token.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
