using System.Globalization;
using TagMyStock.Core.Keywords;

namespace TagMyStock.Vision.Text;

/// <summary>
/// What the tagging engine tells the user about the text an image shows: readable text is a rejection
/// risk at every agency unless the image is submitted as editorial, and a brand name in it (one of Core's
/// <see cref="Trademarks"/>) is a trademark problem on top. Each warning says what it rests on: how sure
/// the reading was and how much of the frame the text covers, and which lines name the brand.
/// </summary>
public static class TextWarnings
{
    /// <summary>Lines quoted in a warning; the rest are counted, so that a page of text stays one sentence.</summary>
    private const int QuotedLines = 3;

    /// <summary>Longest quoted line, in characters.</summary>
    private const int QuotedLength = 40;

    /// <summary>
    /// No warning for an image without text; otherwise a visible-text warning, followed by a trademark
    /// warning when the text names a listed brand.
    /// </summary>
    public static IReadOnlyList<string> For(VisibleText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.HasText)
        {
            return [];
        }

        var quoted = Quoted(text.Lines);
        var more = text.Lines.Count > QuotedLines ? $" and {text.Lines.Count - QuotedLines} more line(s)" : "";
        var evidence = string.Create(
            CultureInfo.InvariantCulture,
            $"read with {text.Lines.Average(line => line.Confidence):0.00} confidence, {text.AreaShare:0.# %} of the frame");
        var warnings = new List<string> { $"Visible text: {quoted}{more} ({evidence}): agencies reject images with readable text unless editorial." };
        var brands = Brands(text);
        if (brands.Count > 0)
        {
            var naming = text.Lines.Where(line => Trademarks.FindIn(line.Text).Count > 0).ToList();
            var source = naming.Count > 0 ? $"in the text {Quoted(naming)}" : "in the lines read together";
            warnings.Add($"Trademark in the image: {string.Join(", ", brands.Select(brand => $"\"{brand}\""))} ({source}): agencies reject brand names and logos in commercial images unless editorial.");
        }

        return warnings;
    }

    /// <summary>The listed brands the lines name, each once; lines are read together, as a sign may break a name.</summary>
    public static IReadOnlyList<string> Brands(VisibleText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Trademarks.FindIn(string.Join(' ', text.Lines.Select(line => line.Text)));
    }

    private static string Quoted(IEnumerable<TextLine> lines) => string.Join(", ", lines.Take(QuotedLines).Select(line => $"\"{Shortened(line.Text)}\""));

    private static string Shortened(string line) => line.Length <= QuotedLength ? line : string.Concat(line.AsSpan(0, QuotedLength - 1), "…");
}
