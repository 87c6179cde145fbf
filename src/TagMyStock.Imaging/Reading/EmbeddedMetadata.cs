using TagMyStock.Core.Metadata;

namespace TagMyStock.Imaging.Reading;

/// <summary>What an image file already says about itself: its metadata, how it was generated, and its size.</summary>
public sealed record EmbeddedMetadata(ImageMetadata Metadata)
{
    /// <summary>
    /// The AI prompt, only from fields that explicitly hold one (PNG text "parameters", "prompt", "Description";
    /// Automatic1111 parameters in EXIF UserComment). A description that merely reads like a prompt is not one.
    /// </summary>
    public string? GenerationPrompt { get; init; }

    /// <summary>The generator or model named by the file (EXIF Software, PNG Software, XMP CreatorTool, or the generation parameters).</summary>
    public string? GeneratorName { get; init; }

    /// <summary>The detected file format: "JPEG", "PNG", "WebP"…</summary>
    public string Format { get; init; } = "";

    public int? Width { get; init; }

    public int? Height { get; init; }

    /// <summary>What could not be read, in plain words; the rest of the metadata is still usable.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
