using System.Text.RegularExpressions;

namespace TagMyStock.Core.Tagging;

/// <summary>
/// Turns a file name into the words a person gave it ("golden-retriever_on_beach_0412.jpg" →
/// "golden retriever on beach"), and recognises names that carry no meaning (camera counters, hashes).
/// </summary>
internal static partial class FileNameWords
{
    [GeneratedRegex(@"(?<=\p{Ll})(?=\p{Lu})", RegexOptions.CultureInvariant)]
    private static partial Regex CamelCaseBoundary();

    [GeneratedRegex(@"[\s_\-.+()\[\]{},]+", RegexOptions.CultureInvariant)]
    private static partial Regex Separators();

    [GeneratedRegex(@"^\p{L}+('\p{L}+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainWord();

    [GeneratedRegex(@"^[0-9a-f]{6,}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HexRun();

    /// <summary>Camera and generator prefixes that look like words but say nothing about the picture.</summary>
    private static readonly HashSet<string> MeaninglessTokens = new(StringComparer.OrdinalIgnoreCase)
    {
        "img", "dsc", "dscn", "dscf", "pxl", "gopr", "mvimg", "vid", "pano", "screenshot", "scan", "comfyui",
        "sdxl", "upscaled", "upscale", "output", "generated", "gen", "seed", "final", "copy", "edit", "raw",
        "untitled", "image", "photo", "picture", "export", "web", "small", "large", "thumb", "thumbnail",
    };

    [GeneratedRegex(@"\p{L}+(?:-\p{L}+)+", RegexOptions.CultureInvariant)]
    private static partial Regex HyphenatedWord();

    /// <summary>
    /// Puts back the hyphens a file name lost ("forget me nots" → "forget-me-nots") where another text about
    /// the image writes the word hyphenated, so its pieces do not become keywords of their own.
    /// </summary>
    public static string RejoinCompounds(string nameWords, IEnumerable<string> otherTexts)
    {
        var padded = $" {nameWords} ";
        foreach (var compound in otherTexts.SelectMany(text => HyphenatedWord().Matches(text)).Select(match => match.Value.ToLowerInvariant()).Distinct(StringComparer.Ordinal))
        {
            padded = padded.Replace($" {compound.Replace('-', ' ')} ", $" {compound} ", StringComparison.Ordinal);
        }

        return padded.Trim();
    }

    /// <summary>The meaningful words of the name, in order, lower case; empty when the name says nothing.</summary>
    public static string Extract(string fileName)
    {
        var words = Separators().Split(Path.GetFileNameWithoutExtension(fileName))
            .Where(token => !MeaninglessTokens.Contains(token))
            .SelectMany(token => CamelCaseBoundary().Split(token))
            .Where(token => token.Length > 1 && PlainWord().IsMatch(token) && !HexRun().IsMatch(token) && !MeaninglessTokens.Contains(token))
            .Select(token => token.ToLowerInvariant())
            .ToList();
        var contentWords = words.Count(word => !StopWords.Contains(word));
        return contentWords == 0 ? "" : string.Join(' ', words);
    }
}
