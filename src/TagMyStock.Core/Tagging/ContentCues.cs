using System.Collections.Frozen;

namespace TagMyStock.Core.Tagging;

/// <summary>Words that, when a source says them, set a flag: the words are the evidence.</summary>
internal static class ContentCues
{
    /// <summary>Real people in the picture: agencies need a model release.</summary>
    public static readonly FrozenSet<string> People = new[]
    {
        "person", "people", "man", "men", "woman", "women", "child", "children", "kid", "kids", "boy", "boys",
        "girl", "girls", "baby", "babies", "toddler", "teenager", "teen", "adult", "senior", "elderly", "family",
        "couple", "businessman", "businesswoman", "portrait", "selfie", "face", "crowd", "mother", "father",
        "daughter", "son", "friends", "student", "students", "worker", "workers", "doctor", "nurse", "athlete",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Drawn or rendered rather than photographed.</summary>
    public static readonly FrozenSet<string> Illustration = new[]
    {
        "illustration", "vector", "drawing", "cartoon", "clipart", "clip-art", "painting", "watercolor",
        "watercolour", "sketch", "render", "3d", "isometric", "flat design", "line art", "anime", "digital art",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Known generators, named in file metadata; their presence means the image is AI-generated.</summary>
    public static readonly FrozenSet<string> Generators = new[]
    {
        "midjourney", "dall-e", "dall·e", "dalle", "stable diffusion", "stablediffusion", "sdxl", "flux",
        "firefly", "adobe firefly", "leonardo", "ideogram", "imagen", "comfyui", "automatic1111", "invokeai",
        "novelai", "fooocus", "gpt-image", "chatgpt", "recraft",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool NamesGenerator(string? software) =>
        software is not null
        && Generators.Any(generator => software.Contains(generator, StringComparison.OrdinalIgnoreCase));
}
