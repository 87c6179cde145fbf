using System.Collections.Frozen;
using TagMyStock.Core.Keywords;

namespace TagMyStock.Core.Tagging;

/// <summary>Words that never make a keyword on their own.</summary>
internal static class StopWords
{
    /// <summary>
    /// Words about the file or the picture as a picture, not what it shows: "showing", "photo", and what cameras and
    /// editors put in file names ("IMG", "final", "new version").
    /// </summary>
    private static readonly FrozenSet<string> AboutTheFile = new[]
    {
        "made", "make", "showing", "shows", "show", "featuring", "depicting",
        "depicts", "seen", "image", "images", "photo", "photos", "photograph", "photography", "picture", "pictures",
        "pic", "shot", "stock", "copy", "final", "edit", "edited", "version", "new", "untitled", "file",
        "img", "dsc", "dscn", "dscf", "pxl", "screenshot", "export", "jpg", "jpeg", "png", "webp", "tif", "tiff",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether a lowercase word is a word of grammar (<see cref="FunctionWords.All"/>) or about the file.</summary>
    public static bool Contains(string word) => FunctionWords.All.Contains(word) || AboutTheFile.Contains(word);
}
