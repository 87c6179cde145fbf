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
}
