using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using TagMyStock.Core.Rules;
using TagMyStock.Web.Features.Accounts;
using TagMyStock.Web.Infrastructure.Web;

namespace TagMyStock.Web.Features.Settings;

public static class SettingsExtensions
{
    /// <summary>A rules file is a few hundred bytes; this leaves room for long lists of banned words.</summary>
    public const int MaxRulesFileBytes = 64 * 1024;

    /// <summary>Registers <see cref="IAccountSettings"/>; its pages are <c>/settings/agencies</c> and <c>/settings/rules</c>.</summary>
    public static IHostApplicationBuilder AddAccountSettings(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<IAccountSettings, AccountSettingsStore>();
        return builder;
    }

    /// <summary>
    /// <c>/api/settings/rules</c>: the account's own rules as a rules file, the one the command line's <c>--rules</c> reads
    /// (GET), replaced by another (PUT), or removed (DELETE).
    /// </summary>
    public static IEndpointRouteBuilder MapAccountSettings(this IEndpointRouteBuilder routes)
    {
        var rules = routes.MapGroup("/api/settings/rules").RequireAuthorization();
        rules.MapGet("", GetRulesAsync);
        rules.MapPut("", PutRulesAsync).RequireAntiforgeryHeader();
        rules.MapDelete("", DeleteRulesAsync).RequireAntiforgeryHeader();
        return routes;
    }

    private static async Task<ContentHttpResult> GetRulesAsync(HttpContext http, IAccountSettings settings, CancellationToken cancellationToken) =>
        RulesFile(await settings.GetRulesAsync(http.User.AccountId(), cancellationToken));

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> PutRulesAsync(
        HttpContext http, IAccountSettings settings, CancellationToken cancellationToken)
    {
        // A declared length over the limit is refused unread; ReadBodyAsync stops a body sent without one.
        var body = http.Request.ContentLength > MaxRulesFileBytes ? null : await ReadBodyAsync(http.Request, cancellationToken);
        if (body is null)
        {
            return RulesRefused($"A rules file is at most {MaxRulesFileBytes / 1024} KB.");
        }

        UserRules rules;
        try
        {
            rules = UserRules.FromJson(body);
        }
        catch (UserRulesException problem)
        {
            return RulesRefused(problem.Message);
        }

        await settings.SetRulesAsync(http.User.AccountId(), rules, cancellationToken);
        return RulesFile(rules);
    }

    private static async Task<NoContent> DeleteRulesAsync(HttpContext http, IAccountSettings settings, CancellationToken cancellationToken)
    {
        await settings.SetRulesAsync(http.User.AccountId(), null, cancellationToken);
        return TypedResults.NoContent();
    }

    private static ContentHttpResult RulesFile(UserRules rules) => TypedResults.Text(rules.ToJson(), "application/json", Encoding.UTF8);

    private static ProblemHttpResult RulesRefused(string detail) =>
        TypedResults.Problem(title: "Rules not saved", detail: $"{detail} Your rules were not changed.", statusCode: StatusCodes.Status400BadRequest);

    /// <summary>The body as text, or null when it is longer than <see cref="MaxRulesFileBytes"/> (a body sent without a length).</summary>
    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxRulesFileBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
