using System.Globalization;

namespace TagMyStock.Vision.Facts;

/// <summary>Black and white, or the colours that cover a real share of the image, in plain words.</summary>
internal static class ColourFacts
{
    // Under 0.5 % of visibly coloured pixels (JPEG chroma noise alone stays below that on greyscale photos).
    private const double MaxColourfulShareForBlackAndWhite = 0.005;

    // A flat grey card is not a black and white photo: it needs a tonal range (here 30 of 100 L* between the 5th and 95th percentile).
    private const int MinTonalRangeForBlackAndWhite = 30;

    // On the sample photos a hue covering 15 % is one a person names (a sky, a red cup); black, grey and
    // white also come from shadows and highlights of any subject, so they must cover twice as much.
    private const double MinHueShare = 0.15;
    private const double MinNeutralShare = 0.30;
    private const int MaxColours = 3;

    /// <param name="backdrop">The word of a studio backdrop (white or black) to leave out: the colours are then those of the subject.</param>
    public static IEnumerable<PixelConcept> Describe(PixelStatistics statistics, string? backdrop)
    {
        var colourfulShare = statistics.ColourfulPixels / (double)statistics.PixelCount;
        if (colourfulShare < MaxColourfulShareForBlackAndWhite)
        {
            var (dark, light) = (statistics.LightnessPercentile(0.05), statistics.LightnessPercentile(0.95));
            if (light - dark >= MinTonalRangeForBlackAndWhite)
            {
                var reason = string.Create(CultureInfo.InvariantCulture, $"no coloured pixels ({colourfulShare:0.0 %}), tones from L* {dark} to {light}");
                return [new PixelConcept("black and white", 0.95, reason), new PixelConcept("monochrome", 0.9, reason)];
            }
        }

        var excluded = Enumerable.Range(0, ColourPalette.Count).Where(word => ColourPalette.Name(word) == backdrop).ToArray();
        var counted = statistics.PixelCount - excluded.Sum(word => statistics.ColourWordCounts[word]);
        return Enumerable.Range(0, ColourPalette.Count)
            .Except(excluded)
            .Select(word => (Word: word, Share: statistics.ColourWordCounts[word] / (double)Math.Max(1, counted)))
            .Where(c => c.Share >= (ColourPalette.IsNeutral(c.Word) ? MinNeutralShare : MinHueShare))
            .OrderByDescending(c => c.Share)
            .ThenBy(c => c.Word)
            .Take(MaxColours)
            .Select(c => new PixelConcept(
                ColourPalette.Name(c.Word),
                Math.Min(0.95, 0.5 + c.Share),
                string.Create(CultureInfo.InvariantCulture, $"{ColourPalette.Name(c.Word)} covers {c.Share:0 %} of the {(backdrop is null ? "image" : "subject")}")))
            .ToList();
    }
}
