using Microsoft.AspNetCore.Antiforgery;

namespace TagMyStock.Web.Infrastructure.Web;

/// <summary>
/// Antiforgery for the JSON and upload endpoints the pages' scripts call: the page's token travels in
/// the <see cref="HeaderName"/> header. Only the header is accepted, so an upload body is never read
/// (and buffered) as a form just to look for a token.
/// </summary>
public static class ApiAntiforgery
{
    public const string HeaderName = "RequestVerificationToken";

    public static TBuilder RequireAntiforgeryHeader<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (!http.Request.Headers.ContainsKey(HeaderName)
                || !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
            {
                return TypedResults.Problem(
                    title: "The request is missing a valid antiforgery token.",
                    detail: "Reload the page and try again.",
                    statusCode: StatusCodes.Status400BadRequest);
            }

            return await next(context);
        });
}
