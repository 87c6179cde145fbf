using System.Globalization;

namespace TagMyStock.Vision.Facts;

/// <summary>Orientation and format words, from the source image's upright size (the analysis copy may be rounded).</summary>
internal static class FormatFacts
{
    // 2:1 is where agencies and buyers start to call a frame panoramic; 1 % either side of 1:1 still reads as square.
    private const double PanoramicRatio = 2.0;
    private const double SquareTolerance = 0.01;

    public static IEnumerable<PixelConcept> Describe(AnalysisImage image)
    {
        var ratio = image.SourceWidth / (double)image.SourceHeight;
        var reason = string.Create(CultureInfo.InvariantCulture, $"{image.SourceWidth} × {image.SourceHeight} px");
        if (Math.Abs(ratio - 1) <= SquareTolerance)
        {
            yield return new PixelConcept("square", 1, reason);
            yield break;
        }

        yield return new PixelConcept(ratio > 1 ? "horizontal" : "vertical", 1, reason);
        if (ratio >= PanoramicRatio || ratio <= 1 / PanoramicRatio)
        {
            yield return new PixelConcept("panoramic", 1, reason + string.Create(CultureInfo.InvariantCulture, $", {Math.Max(ratio, 1 / ratio):0.#}:1"));
        }
    }
}
