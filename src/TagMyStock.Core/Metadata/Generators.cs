namespace TagMyStock.Core.Metadata;

/// <summary>
/// Image generators as they name themselves in a file's Software or CreatorTool field or generation record.
/// A file naming one of them was made by AI.
/// </summary>
public static class Generators
{
    private static readonly string[] Names =
    [
        "Midjourney", "DALL-E", "DALL·E", "DALLE", "Stable Diffusion", "StableDiffusion", "SDXL", "Automatic1111",
        "ComfyUI", "NovelAI", "InvokeAI", "Fooocus", "Firefly", "Imagen", "Ideogram", "Leonardo", "FLUX", "Krea",
        "Runway", "Gemini", "ChatGPT", "GPT-Image", "Recraft", "Playground", "DreamStudio", "Bing Image Creator",
        "Craiyon", "NightCafe",
    ];

    /// <summary>Whether <paramref name="software"/> names a known generator ("Midjourney v6", "Adobe Firefly 3").</summary>
    public static bool IsNamedIn(string? software) =>
        !string.IsNullOrWhiteSpace(software) && Names.Any(name => software.Contains(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The first value that names a known generator, trimmed, as the file spells it.</summary>
    public static string? FirstNamed(params ReadOnlySpan<string?> values)
    {
        foreach (var value in values)
        {
            if (IsNamedIn(value))
            {
                return value!.Trim();
            }
        }

        return null;
    }
}
