using System.Globalization;

namespace TagMyStock.Vision.Facts;

/// <summary>
/// "Texture" and "background" for frames filled edge to edge with even detail (bricks, gravel, grass,
/// fabric). Patterns (periodic repeats) and "abstract" are not claimed: statistics this simple cannot
/// tell them from an ordinary busy photo reliably.
/// </summary>
internal static class TextureFacts
{
    // The scikit-image textures (bricks, gravel, grass) and the GNOME material wallpapers (cardboard,
    // tiles) keep a mean gradient of 9–38 even in their flattest tenth of cells, an evenness (10th /
    // 90th percentile of cell gradients) of 0.57–0.82, and one colour across the frame (cell mean a*b*
    // within 10 of each other); every ordinary sample photo has plain cells (gradient ≤ 6) somewhere.
    // A busy painting (0.40 evenness) and a collage of portraits (colour spread 19) fall outside.
    private const double MinGradientEverywhere = 8;
    private const double MinEvenness = 0.5;
    private const double MaxColourSpread = 10;

    public static IEnumerable<PixelConcept> Describe(PixelStatistics statistics)
    {
        var gradients = statistics.Cells.Select(c => c.Gradient).Order().ToArray();
        var low = gradients[gradients.Length / 10];
        var high = gradients[gradients.Length * 9 / 10];
        if (low < MinGradientEverywhere || low / high < MinEvenness || ColourSpread(statistics.Cells) > MaxColourSpread)
        {
            return [];
        }

        var reason = string.Create(CultureInfo.InvariantCulture, $"even detail over the whole frame ({low / high:0.00} evenness)");
        return [new PixelConcept("texture", 0.75, reason), new PixelConcept("background", 0.7, reason), new PixelConcept("full frame", 0.7, reason)];
    }

    /// <summary>Root mean square distance of the cells' mean a*b* from the frame's: 0 when every cell has the same colour.</summary>
    private static double ColourSpread(CellStatistics[] cells)
    {
        var a = cells.Average(c => c.A);
        var b = cells.Average(c => c.B);
        return Math.Sqrt(cells.Average(c => ((c.A - a) * (c.A - a)) + ((c.B - b) * (c.B - b))));
    }
}
