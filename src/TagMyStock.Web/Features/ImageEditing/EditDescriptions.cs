using System.Globalization;
using TagMyStock.Web.Features.Gallery;

namespace TagMyStock.Web.Features.ImageEditing;

/// <summary>How an edit is named: in the job's progress, and in the new image's file name.</summary>
public static class EditDescriptions
{
    private const int MaxStemLength = 200;

    /// <summary>What an edit will do, in words, e.g. "Remove the background (on white)".</summary>
    public static string Operation(EditInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Kind switch
        {
            ImageEditKind.Transform => Transform(input.Transform ?? new TransformSteps()),
            ImageEditKind.Upscale => "Upscale",
            ImageEditKind.RemoveBackground => input.Background == BackgroundFill.White
                ? "Remove the background (on white)"
                : "Remove the background (transparent)",
            ImageEditKind.InstructionEdit => $"Edit: “{input.Prompt}”",
            ImageEditKind.Inpaint => $"Repaint the masked area: “{input.Prompt}”",
            _ => throw new ArgumentOutOfRangeException(nameof(input), input.Kind, "Unknown edit."),
        };
    }

    /// <summary>
    /// The new image's file name: the source's, with what was done and the new format's extension
    /// ("beach.jpg" upscaled: "beach-upscaled.jpg"), so the two sort side by side.
    /// </summary>
    public static string FileName(string sourceFileName, ImageEditKind kind, string format)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceFileName);
        var stem = Path.GetFileNameWithoutExtension(sourceFileName);
        stem = stem.Length > MaxStemLength ? stem[..MaxStemLength] : stem;
        var suffix = kind switch
        {
            ImageEditKind.Transform => "edited",
            ImageEditKind.Upscale => "upscaled",
            ImageEditKind.RemoveBackground => "cutout",
            ImageEditKind.InstructionEdit => "ai-edit",
            ImageEditKind.Inpaint => "inpainted",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown edit."),
        };
        return $"{stem}-{suffix}{ImageFormats.Extension(format)}";
    }

    private static string Transform(TransformSteps steps)
    {
        var parts = new List<string>();
        if (steps.Crop is not null)
        {
            parts.Add("crop");
        }

        if (steps.Rotate != 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"rotate {steps.Rotate}°"));
        }

        if (steps.FlipHorizontal)
        {
            parts.Add("flip");
        }

        if (steps.LongEdge is { } longEdge)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"resize to {longEdge} px"));
        }

        if (steps.Format is { } format)
        {
            parts.Add($"convert to {format.ToUpperInvariant()}");
        }

        var text = parts.Count == 0 ? "save again" : string.Join(", ", parts);
        return char.ToUpperInvariant(text[0]) + text[1..];
    }
}
