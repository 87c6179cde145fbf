namespace TagMyStock.Imaging.Reading;

/// <summary>Names of image generators as they appear in Software and CreatorTool fields.</summary>
internal static class KnownGenerators
{
    private static readonly string[] Names =
    [
        "Midjourney", "DALL-E", "DALL·E", "Stable Diffusion", "Automatic1111", "ComfyUI", "NovelAI", "InvokeAI",
        "Fooocus", "Firefly", "Imagen", "Ideogram", "Leonardo", "FLUX", "Krea", "Runway", "Gemini", "ChatGPT",
        "Recraft", "Playground", "DreamStudio", "Bing Image Creator", "Craiyon", "NightCafe",
    ];

    /// <summary>The first value that names a known generator, as the file spells it.</summary>
    public static string? FirstNamed(params ReadOnlySpan<string?> values)
    {
        foreach (var value in values)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            foreach (var name in Names)
            {
                if (value.Contains(name, StringComparison.OrdinalIgnoreCase))
                {
                    return value.Trim();
                }
            }
        }

        return null;
    }
}
