using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace TagMyStock.Web.Features.Tagging;

/// <summary>
/// Reads a JSON request body so that a wrong value gets a 400 naming the field, where framework binding
/// would answer a bare 400 before the handler runs.
/// </summary>
public static class JsonBody
{
    /// <summary>The body as <typeparamref name="T"/>, or null for an empty body when <paramref name="optional"/>.</summary>
    /// <param name="shape">What the body should look like, for the message, e.g. "keywords is a list of text".</param>
    public static async Task<(T? Value, Dictionary<string, string[]>? Errors)> ReadAsync<T>(HttpRequest request, string shape, bool optional, CancellationToken cancellationToken)
        where T : class
    {
        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            var value = HasNoBody(request)
                ? null
                : await JsonSerializer.DeserializeAsync<T>(request.Body, options, cancellationToken);
            return value is null && !optional
                ? (null, ApiProblems.Field("body", $"Send a JSON body: {shape}."))
                : (value, null);
        }
        catch (JsonException exception)
        {
            var field = exception.Path is { Length: > 2 } path ? path[2..] : "body";
            return (null, ApiProblems.Field(field, $"The value of {field} is not valid here: {shape}."));
        }
    }

    private static bool HasNoBody(HttpRequest request) =>
        request.ContentLength is 0 || (request.ContentLength is null && !request.Headers.TransferEncoding.Any());
}
