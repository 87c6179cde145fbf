using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using TagMyStock.Web.Features.Accounts;
using TagMyStock.Web.Infrastructure.Web;

namespace TagMyStock.Web.Features.Gallery.Upload;

/// <summary>
/// <c>POST /api/images</c>: multipart/form-data with any number of files, read section by section as it
/// arrives; nothing is buffered as a form. One result per file, in order; a refused file does not stop the others.
/// </summary>
public static class UploadApi
{
    public static RouteHandlerBuilder MapUpload(this IEndpointRouteBuilder routes)
    {
        var limits = routes.ServiceProvider.GetRequiredService<IOptions<UploadOptions>>().Value;
        return routes.MapPost("/api/images", UploadAsync)
            .RequireAuthorization()
            .RequireRateLimiting(UploadExtensions.RateLimitPolicy)
            .RequireAntiforgeryHeader()
            .WithMetadata(new UploadSizeLimit(limits.MaxFilesPerRequest * (limits.MaxFileBytes + UploadSizeLimit.PartOverhead)))
            .WithTags("Images");
    }

    private static async Task<Results<Ok<IReadOnlyList<UploadResult>>, BadRequest<ProblemDetails>>> UploadAsync(
        HttpRequest request, ClaimsPrincipal user, ImageIntake intake, IOptions<UploadOptions> options, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !string.Equals(mediaType.MediaType.Value, "multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            return Problem("Send the images as multipart/form-data, one file part per image.");
        }

        var accountId = user.AccountId();
        var maxFiles = options.Value.MaxFilesPerRequest;
        var results = new List<UploadResult>();
        var reader = new MultipartReader(boundary, request.Body);
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFileDisposition())
                {
                    continue;
                }

                var fileName = CleanFileName(HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value);
                results.Add(results.Count < maxFiles
                    ? await intake.AcceptAsync(accountId, fileName, section.Body, cancellationToken)
                    : UploadResult.Refused(fileName, $"more than {maxFiles} files in one upload: send it again on its own"));
            }
        }
        catch (InvalidDataException exception)
        {
            return Problem($"The upload is malformed ({exception.Message}); {results.Count(r => r.Status == UploadResult.StoredStatus)} file(s) before the fault were stored.");
        }

        return results.Count == 0
            ? Problem("The upload holds no files.")
            : TypedResults.Ok<IReadOnlyList<UploadResult>>(results);
    }

    /// <summary>The name without any folder a browser or tool sent, without control characters, at most 255 characters.</summary>
    internal static string CleanFileName(string? name)
    {
        var last = (name ?? "").Replace('\\', '/').Split('/').Last();
        var clean = new string([.. last.Where(c => !char.IsControl(c))]).Trim();
        return clean.Length == 0 ? "unnamed" : clean.Length <= 255 ? clean : clean[..255];
    }

    private static BadRequest<ProblemDetails> Problem(string detail) =>
        TypedResults.BadRequest(new ProblemDetails { Title = "The upload could not be read.", Detail = detail, Status = StatusCodes.Status400BadRequest });

    /// <summary>Kestrel's 30 MB body limit would cut large uploads; this endpoint allows its own files' worth instead.</summary>
    private sealed class UploadSizeLimit(long maxBytes) : IRequestSizeLimitMetadata
    {
        /// <summary>Room for a part's boundary and headers.</summary>
        public const long PartOverhead = 16 << 10;

        public long? MaxRequestBodySize { get; } = maxBytes;
    }
}
