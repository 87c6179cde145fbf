using System.Text.RegularExpressions;

namespace TagMyStock.Core.Tagging;

/// <summary>
/// Strips what generation prompts carry that is not about the picture: quality boosters, render engines,
/// artist credits (agencies refuse artists' names), how the generator should shoot it (lens, angle, light set-up,
/// colour grade: instructions it may or may not follow, and not what buyers search), Midjourney parameters and
/// attention weights.
/// </summary>
internal static partial class PromptCleaner
{
    private static readonly Regex NoisePhrases = BuildNoisePhrases(
    [
        "masterpiece", "best quality", "high quality", "highest quality", "ultra detailed", "ultra-detailed",
        "highly detailed", "hyper detailed", "hyperdetailed", "extremely detailed", "intricate details",
        "intricate detail", "ultra realistic", "ultra-realistic", "hyperrealistic", "hyper realistic",
        "hyper-realistic", "photorealistic", "photo realistic", "realistic", "8k uhd", "8k", "4k", "16k", "uhd",
        "hdr", "sharp focus", "award winning", "award-winning", "trending on artstation", "artstation",
        "octane render", "unreal engine 5", "unreal engine", "cinema 4d", "vray", "v-ray", "ray tracing",
        "raw photo", "dslr", "professional photography", "studio quality", "cinematic lighting",
        "volumetric lighting", "epic composition", "stunning", "beautiful", "amazing", "gorgeous",
        "perfect", "insanely detailed", "absurdres", "detailed", "quality", "high resolution", "high-resolution",
        "hi-res", "ultra hd", "full hd",
    ]);

    /// <summary>
    /// How the generator should shoot it. The adjectives right before such a phrase go with it: "soft natural light",
    /// "vivid warm colours", "cool blue tones"; not a mood, which buyers search ("moody blue tones" stays "moody").
    /// </summary>
    private static readonly Regex TechniquePhrases = BuildNoisePhrases(
    [
        "shallow depth of field", "depth of field", "shallow focus", "soft focus", "selective focus", "sharp details",
        "sharp detail", "low angle", "high angle", "wide angle", "wide-angle", "eye level", "telephoto", "tilt-shift",
        "top down", "top-down",
        "soft light", "soft lighting", "natural light", "natural lighting", "studio light", "studio lighting",
        "dramatic lighting", "rim light", "rim lighting", "diffused light", "diffused lighting", "ambient light",
        "warm tones", "cool tones", "blue tones", "muted tones", "pastel tones", "warm colours", "warm colors",
        "cool colours", "cool colors", "muted colours", "muted colors", "vivid colours", "vivid colors",
        "vibrant colours", "vibrant colors", "colour grading", "color grading", "film grain",
    ],
    prefix: @"(?:(?:soft|warm|cool|vivid|vibrant|bright|golden|muted|natural|gentle|harsh|pastel|rich|cold)\s+)*");

    /// <summary>A focal length or an aperture: "85mm", "35 mm", "f/1.8".</summary>
    [GeneratedRegex(@"\b(\d{2,3}\s?mm|f/\d+(\.\d+)?)(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LensSetting();

    [GeneratedRegex(@"--\w+(\s+[^\s-][^\s]*)?", RegexOptions.CultureInvariant)]
    private static partial Regex MidjourneyParameter();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex LoraTag();

    [GeneratedRegex(@":\s*-?\d+(\.\d+)?", RegexOptions.CultureInvariant)]
    private static partial Regex AttentionWeight();

    [GeneratedRegex(@"\b(by|in the style of|style of|inspired by|artwork by|art by)\s+[^,.;]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ArtistCredit();

    [GeneratedRegex(@"[()\[\]{}]", RegexOptions.CultureInvariant)]
    private static partial Regex Brackets();

    [GeneratedRegex(@"https?://\S+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Url();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\s*,(\s*,)+\s*", RegexOptions.CultureInvariant)]
    private static partial Regex EmptyClauses();

    /// <summary>
    /// One alternation, longest phrase first so "unreal engine 5" wins over "unreal engine", after an optional
    /// <paramref name="prefix"/> pattern.
    /// </summary>
    private static Regex BuildNoisePhrases(string[] phrases, string prefix = "") =>
        new(
            @"\b" + prefix + "(" + string.Join('|', phrases.OrderByDescending(phrase => phrase.Length).Select(Regex.Escape)) + @")\b",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    /// <summary>The prompt with noise removed; clauses stay comma-separated.</summary>
    public static string Clean(string prompt)
    {
        var negative = prompt.IndexOf("Negative prompt:", StringComparison.OrdinalIgnoreCase);
        var text = negative >= 0 ? prompt[..negative] : prompt;
        text = Url().Replace(text, " ");
        text = LoraTag().Replace(text, " ");
        text = MidjourneyParameter().Replace(text, " ");
        text = AttentionWeight().Replace(text, " ");
        text = Brackets().Replace(text, " ");
        text = ArtistCredit().Replace(text, " ");
        text = NoisePhrases.Replace(text, " ");
        text = TechniquePhrases.Replace(text, " ");
        text = LensSetting().Replace(text, " ");

        text = Whitespace().Replace(text, " ");
        text = EmptyClauses().Replace(text, ", ");
        return text.Trim(' ', ',', '.', ';');
    }
}
