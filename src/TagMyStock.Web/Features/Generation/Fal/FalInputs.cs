using System.Text.Json.Nodes;

namespace TagMyStock.Web.Features.Generation.Fal;

/// <summary>The aspect ratios that sell as stock.</summary>
public enum StockAspectRatio
{
    Landscape3x2,
    Portrait2x3,
    Widescreen16x9,
    Square1x1,
    Landscape4x3,
}

/// <summary>A text-to-image run as the user asks for it.</summary>
/// <param name="Seed">Null: the model picks one (and reports it).</param>
/// <param name="NegativePrompt">Sent only to models that take one.</param>
public sealed record TextToImageRequest(string Prompt, StockAspectRatio AspectRatio, int Images, long? Seed, string? NegativePrompt);

/// <summary>The JSON input of each kind of FAL model in the catalogue, with the model's fixed input added.</summary>
public static class FalInputs
{
    public const int MaxImagesPerRun = 4;

    /// <summary>
    /// The output size for an aspect ratio: just under one megapixel, both sides multiples of 16 as diffusion
    /// models want, so a per-megapixel price counts one unit per image.
    /// </summary>
    public static (int Width, int Height) SizeOf(StockAspectRatio ratio) => ratio switch
    {
        StockAspectRatio.Landscape3x2 => (1216, 816),
        StockAspectRatio.Portrait2x3 => (816, 1216),
        StockAspectRatio.Widescreen16x9 => (1328, 752),
        StockAspectRatio.Square1x1 => (992, 992),
        StockAspectRatio.Landscape4x3 => (1152, 864),
        _ => throw new ArgumentOutOfRangeException(nameof(ratio), ratio, "Unknown aspect ratio."),
    };

    public static JsonObject TextToImage(FalModel model, TextToImageRequest request)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Prompt);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Images, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(request.Images, MaxImagesPerRun);
        var (width, height) = SizeOf(request.AspectRatio);
        var input = new JsonObject
        {
            ["prompt"] = request.Prompt.Trim(),
            ["image_size"] = new JsonObject { ["width"] = width, ["height"] = height },
            ["num_images"] = request.Images,
            ["enable_safety_checker"] = true,
            ["output_format"] = "jpeg",
        };
        if (request.Seed is { } seed)
        {
            input["seed"] = seed;
        }

        if (model.SupportsNegativePrompt && !string.IsNullOrWhiteSpace(request.NegativePrompt))
        {
            input["negative_prompt"] = request.NegativePrompt.Trim();
        }

        return WithFixedInput(model, input);
    }

    /// <summary>Upscaling: the image, and the factor in the field the model reads it from (<see cref="FalModel.ScaleField"/>).</summary>
    /// <param name="imageUrl">An https URL or a <c>data:</c> URL (a <see cref="Uri"/> cannot hold a large one).</param>
    public static JsonObject Upscale(FalModel model, string imageUrl)
    {
        ArgumentNullException.ThrowIfNull(model);
        var input = new JsonObject { ["image_url"] = Url(imageUrl) };
        if (model.ScaleField is { Length: > 0 } field)
        {
            input[field] = model.UpscaleFactor;
        }

        return WithFixedInput(model, input);
    }

    /// <summary>Background removal: the image alone.</summary>
    public static JsonObject BackgroundRemoval(FalModel model, string imageUrl) =>
        WithFixedInput(model, new JsonObject { ["image_url"] = Url(imageUrl) });

    /// <summary>An instruction edit: "remove the logo from the mug".</summary>
    public static JsonObject InstructionEdit(FalModel model, string imageUrl, string instruction)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instruction);
        return WithFixedInput(model, new JsonObject { ["prompt"] = instruction.Trim(), ["image_url"] = Url(imageUrl) });
    }

    /// <summary>Inpainting: the masked (white) part of the image repainted after the prompt.</summary>
    public static JsonObject Inpainting(FalModel model, string imageUrl, string maskUrl, string prompt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prompt);
        return WithFixedInput(model, new JsonObject { ["prompt"] = prompt.Trim(), ["image_url"] = Url(imageUrl), ["mask_url"] = Url(maskUrl) });
    }

    private static string Url(string url)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        return url.StartsWith("https://", StringComparison.Ordinal) || url.StartsWith("data:image/", StringComparison.Ordinal)
            ? url
            : throw new ArgumentException("FAL needs an https or a data:image URL.", nameof(url));
    }

    private static JsonObject WithFixedInput(FalModel model, JsonObject input)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var (name, value) in model.FixedInput)
        {
            input[name] = value;
        }

        return input;
    }
}
