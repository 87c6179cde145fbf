using System.Text.Json;
using TagMyStock.Web.Infrastructure.ExternalServices;

namespace TagMyStock.Web.Features.Generation.Fal;

/// <summary>Reads what FAL's models return: result bodies, webhook payloads, error details and data URLs.</summary>
internal static class FalOutput
{
    /// <summary>A model's output as a <see cref="FalResult"/>; an output with no image is a failure, since every catalogued model makes one.</summary>
    public static FalResult Read(JsonElement output)
    {
        ModelOutput? model;
        try
        {
            model = output.Deserialize(FalJson.Default.ModelOutput);
        }
        catch (JsonException exception)
        {
            throw new ExternalServiceException(FalQueueClient.ServiceName, ExternalServiceFailure.MalformedResponse,
                ServiceCalls.Describe(FalQueueClient.ServiceName, ExternalServiceFailure.MalformedResponse, "the output has an unexpected shape", FalOptions.KeySetting), exception);
        }

        IReadOnlyList<FalImage> images = model?.Images ?? (model?.Image is { } single ? [single] : []);
        images = [.. images.Where(image => !string.IsNullOrWhiteSpace(image.Url))];
        if (images.Count == 0)
        {
            throw new ExternalServiceException(FalQueueClient.ServiceName, ExternalServiceFailure.MalformedResponse,
                ServiceCalls.Describe(FalQueueClient.ServiceName, ExternalServiceFailure.MalformedResponse, "the output has no image", FalOptions.KeySetting));
        }

        return new FalResult(images, model!.Seed, output.Clone())
        {
            Description = model.Description,
            NsfwFlags = model.HasNsfwConcepts ?? [],
        };
    }
}

/// <summary>FAL's error bodies: <c>{"detail": "…"}</c> or a validation list <c>{"detail": [{"loc", "msg", "type"}]}</c>.</summary>
internal static class FalErrorDetail
{
    /// <summary>The error as one line; <paramref name="errorType"/> is filled from the body's <c>error_type</c> when the header had none.</summary>
    public static string? Read(byte[] body, ref string? errorType)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (errorType is null && root.TryGetProperty("error_type", out var type) && type.ValueKind == JsonValueKind.String)
            {
                errorType = type.GetString();
            }

            if (!root.TryGetProperty("detail", out var detail))
            {
                return root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String ? error.GetString() : null;
            }

            return detail.ValueKind switch
            {
                JsonValueKind.String => detail.GetString(),
                JsonValueKind.Array => string.Join("; ", detail.EnumerateArray().Select(Describe)),
                _ => detail.GetRawText(),
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>"prompt: field required" from <c>{"loc":["body","prompt"],"msg":"field required"}</c>.</summary>
    private static string Describe(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return item.ToString();
        }

        var message = item.TryGetProperty("msg", out var msg) ? msg.ToString() : item.GetRawText();
        if (item.TryGetProperty("loc", out var loc) && loc.ValueKind == JsonValueKind.Array)
        {
            var field = string.Join('.', loc.EnumerateArray().Select(part => part.ToString()).Where(part => part != "body"));
            return field.Length > 0 ? $"{field}: {message}" : message;
        }

        return message;
    }
}

/// <summary>Results in sync mode come as <c>data:image/png;base64,…</c> URLs.</summary>
internal static class FalDataUrl
{
    public static bool TryDecode(string url, out byte[] bytes, out string contentType)
    {
        bytes = [];
        contentType = "";
        const string Prefix = "data:";
        const string Base64Marker = ";base64,";
        if (!url.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var marker = url.IndexOf(Base64Marker, StringComparison.OrdinalIgnoreCase);
        if (marker < 0)
        {
            throw new ExternalServiceException(FalQueueClient.ServiceName, ExternalServiceFailure.MalformedResponse,
                ServiceCalls.Describe(FalQueueClient.ServiceName, ExternalServiceFailure.MalformedResponse, "a data URL that is not base64", FalOptions.KeySetting));
        }

        contentType = url[Prefix.Length..marker];
        try
        {
            bytes = Convert.FromBase64String(url[(marker + Base64Marker.Length)..]);
        }
        catch (FormatException exception)
        {
            throw new ExternalServiceException(FalQueueClient.ServiceName, ExternalServiceFailure.MalformedResponse,
                ServiceCalls.Describe(FalQueueClient.ServiceName, ExternalServiceFailure.MalformedResponse, "a data URL with bad base64", FalOptions.KeySetting), exception);
        }

        return true;
    }
}
