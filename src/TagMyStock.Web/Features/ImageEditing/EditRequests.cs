using System.Globalization;
using NetVips;
using TagMyStock.Web.Features.Gallery;
using TagMyStock.Web.Features.Generation.Fal;

namespace TagMyStock.Web.Features.ImageEditing;

/// <summary>Body of <c>POST /api/images/{id}/edits/transform</c>: see <see cref="TransformSteps"/>.</summary>
public sealed record TransformRequest(int? Rotate, bool? FlipHorizontal, CropBox? Crop, int? LongEdge, string? Format, int? Quality);

/// <summary>Body of <c>POST /api/images/{id}/edits/upscale</c>.</summary>
/// <param name="Model">The catalogue's name of an upscale model; null for the first one.</param>
public sealed record UpscaleRequest(string? Model);

/// <summary>Body of <c>POST /api/images/{id}/edits/background</c>.</summary>
/// <param name="Fill"><c>transparent</c> (a PNG) or <c>white</c> (a JPEG on white).</param>
public sealed record BackgroundRequest(string? Fill, string? Model);

/// <summary>Body of <c>POST /api/images/{id}/edits/instruction</c>.</summary>
public sealed record InstructionRequest(string? Instruction, string? Model);

/// <summary>Body of <c>POST /api/images/{id}/edits/inpaint</c>.</summary>
/// <param name="Mask">A PNG as a data URL (<c>data:image/png;base64,…</c>), any size: white where the image is repainted.</param>
public sealed record InpaintRequest(string? Prompt, string? Mask, string? Model);

/// <summary>Checks edit requests against the image and the catalogue; the job's input, or the problems by field in words a person can act on.</summary>
public static class EditChecks
{
    public const int MaxPromptLength = 1000;

    /// <summary>The smallest image an edit may make, on its longest edge.</summary>
    public const int MinLongEdge = 16;

    /// <summary>Largest mask accepted, in bytes of PNG.</summary>
    public const int MaxMaskBytes = 4 << 20;

    private const string MaskDataUrlPrefix = "data:image/png;base64,";

    public static (EditInput? Input, Dictionary<string, string[]> Errors) Transform(StockImage source, TransformRequest request)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Add(string field, string message) => errors[field] = [message];

        var rotate = request.Rotate ?? 0;
        if (rotate is not (0 or 90 or 180 or 270))
        {
            Add("rotate", "Rotate by 0, 90, 180 or 270 degrees (clockwise).");
        }

        if (request.Crop is { } crop && !IsInside(crop))
        {
            Add("crop", "The crop must lie inside the image: left, top, width and height are fractions from 0 to 1, width and height above 0.");
        }

        var longEdge = Math.Max(source.Width, source.Height);
        if (request.LongEdge is { } edge && (edge < MinLongEdge || edge > longEdge))
        {
            Add("longEdge", edge > longEdge
                ? string.Create(CultureInfo.InvariantCulture, $"Resizing only makes an image smaller (this one is {longEdge} px on its longest edge); to enlarge it, upscale it.")
                : string.Create(CultureInfo.InvariantCulture, $"Make the longest edge at least {MinLongEdge} px."));
        }

        if (request.Format is { } format && format is not (ImageFormats.Jpeg or ImageFormats.Png or ImageFormats.WebP))
        {
            Add("format", "Convert to jpeg, png or webp.");
        }

        var target = request.Format ?? source.Format;
        if (request.Quality is { } quality && (quality is < 1 or > 100 || target == ImageFormats.Png))
        {
            Add("quality", target == ImageFormats.Png ? "A PNG has no quality setting: it is lossless." : "Quality is a whole number from 1 to 100.");
        }

        var steps = new TransformSteps(rotate, request.FlipHorizontal ?? false, request.Crop, request.LongEdge, request.Format, request.Quality);
        if (steps == new TransformSteps() || steps with { Format = null } == new TransformSteps() && steps.Format == source.Format)
        {
            Add("transform", "Choose at least one change: rotate, flip, crop, resize or another format.");
        }

        return errors.Count > 0 ? (null, errors) : (new EditInput(source.Id, ImageEditKind.Transform) { Transform = steps }, errors);
    }

    public static (EditInput? Input, Dictionary<string, string[]> Errors) Upscale(StockImage source, UpscaleRequest request, FalOptions fal, long maxPixels)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var model = Model(fal, FalModelKind.Upscale, request.Model, errors);
        if (model is not null)
        {
            var (_, modelSettings) = model.Value;
            var sourcePixels = (long)source.Width * source.Height;
            var pixels = sourcePixels * modelSettings.UpscaleFactor * modelSettings.UpscaleFactor;
            if (sourcePixels > modelSettings.MaxInputMegapixels * 1e6)
            {
                errors["model"] = [string.Create(CultureInfo.InvariantCulture, $"This image has {sourcePixels / 1e6:0.#} MP; {modelSettings.Label} upscales images of up to {modelSettings.MaxInputMegapixels:0.#} MP.")];
            }
            else if (pixels > maxPixels)
            {
                errors["model"] = [string.Create(CultureInfo.InvariantCulture, $"Upscaling {modelSettings.UpscaleFactor}× would make {pixels / 1e6:0.#} MP, more than the {maxPixels / 1e6:0.#} MP a gallery image may have.")];
            }
        }

        return errors.Count > 0 ? (null, errors) : (new EditInput(source.Id, ImageEditKind.Upscale) { Model = model!.Value.Name }, errors);
    }

    public static (EditInput? Input, Dictionary<string, string[]> Errors) Background(StockImage source, BackgroundRequest request, FalOptions fal)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var model = Model(fal, FalModelKind.BackgroundRemoval, request.Model, errors);
        BackgroundFill? fill = request.Fill?.ToUpperInvariant() switch
        {
            null or "TRANSPARENT" => BackgroundFill.Transparent,
            "WHITE" => BackgroundFill.White,
            _ => null,
        };
        if (fill is null)
        {
            errors["fill"] = ["Choose what goes behind the subject: transparent or white."];
        }

        return errors.Count > 0 ? (null, errors) : (new EditInput(source.Id, ImageEditKind.RemoveBackground) { Model = model!.Value.Name, Background = fill }, errors);
    }

    public static (EditInput? Input, Dictionary<string, string[]> Errors) Instruction(StockImage source, InstructionRequest request, FalOptions fal)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var model = Model(fal, FalModelKind.InstructionEdit, request.Model, errors);
        var instruction = Prompt(request.Instruction, "instruction", "Say what to change, e.g. “remove the logo from the mug”.", errors);
        return errors.Count > 0 ? (null, errors) : (new EditInput(source.Id, ImageEditKind.InstructionEdit) { Model = model!.Value.Name, Prompt = instruction }, errors);
    }

    public static (EditInput? Input, Dictionary<string, string[]> Errors) Inpaint(StockImage source, InpaintRequest request, FalOptions fal)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var model = Model(fal, FalModelKind.Inpainting, request.Model, errors);
        var prompt = Prompt(request.Prompt, "prompt", "Say what to paint in the masked area, e.g. “a plain white wall”.", errors);
        var mask = Mask(request.Mask, errors);
        return errors.Count > 0 ? (null, errors) : (new EditInput(source.Id, ImageEditKind.Inpaint) { Model = model!.Value.Name, Prompt = prompt, Mask = mask }, errors);
    }

    private static bool IsInside(CropBox crop)
    {
        const double Slack = 1e-6;
        return crop.Left >= 0 && crop.Top >= 0 && crop.Width > 0 && crop.Height > 0
            && crop.Left + crop.Width <= 1 + Slack && crop.Top + crop.Height <= 1 + Slack;
    }

    private static (string Name, FalModel Settings)? Model(FalOptions fal, FalModelKind kind, string? name, Dictionary<string, string[]> errors)
    {
        var models = fal.ModelsOf(kind).ToList();
        var chosen = name is null ? models.FirstOrDefault() : models.FirstOrDefault(entry => string.Equals(entry.Key, name, StringComparison.OrdinalIgnoreCase));
        if (chosen.Value is null)
        {
            errors["model"] = [models.Count == 0
                ? "This server offers no model for that edit."
                : $"Choose one of the models offered: {string.Join(", ", models.Select(entry => entry.Key))}."];
            return null;
        }

        return (chosen.Key, chosen.Value);
    }

    private static string? Prompt(string? text, string field, string whenEmpty, Dictionary<string, string[]> errors)
    {
        var prompt = text?.Trim() ?? "";
        if (prompt.Length == 0 || prompt.Length > MaxPromptLength)
        {
            errors[field] = [prompt.Length == 0 ? whenEmpty : $"Keep it under {MaxPromptLength} characters."];
            return null;
        }

        return prompt;
    }

    /// <summary>The mask's PNG bytes when it is a readable PNG with something painted on it.</summary>
    private static byte[]? Mask(string? dataUrl, Dictionary<string, string[]> errors)
    {
        void Problem(string message) => errors["mask"] = [message];
        if (dataUrl is null || !dataUrl.StartsWith(MaskDataUrlPrefix, StringComparison.Ordinal))
        {
            Problem("Send the mask as a PNG data URL (data:image/png;base64,…): white where the image is repainted.");
            return null;
        }

        var base64 = dataUrl.AsSpan(MaskDataUrlPrefix.Length);
        var bytes = new byte[base64.Length * 3 / 4];
        if (base64.Length > MaxMaskBytes / 3 * 4 + 4 || !Convert.TryFromBase64Chars(base64, bytes, out var length))
        {
            Problem(base64.Length > MaxMaskBytes / 3 * 4 + 4 ? $"The mask is larger than {MaxMaskBytes >> 20} MB." : "The mask is not valid base64.");
            return null;
        }

        bytes = bytes[..length];
        try
        {
            using var mask = Image.PngloadBuffer(bytes);
            // Transparent counts as unpainted: a canvas starts transparent.
            using var flat = mask.HasAlpha() ? mask.Flatten(background: [.. Enumerable.Repeat(0.0, mask.Bands - 1)]) : mask.Copy();
            using var grey = flat.Colourspace(Enums.Interpretation.Bw);
            if (grey.Max() < 128)
            {
                Problem("Paint over the part of the image to repaint: the mask is empty.");
                return null;
            }
        }
        catch (VipsException)
        {
            Problem("The mask is not a readable PNG image.");
            return null;
        }

        return bytes;
    }
}
