using System.Globalization;

namespace TagMyStock.Vision.Facts;

/// <summary>Bright, dark, high-key and low-key, from the CIELAB lightness histogram (L* 0–100).</summary>
internal static class ToneFacts
{
    // Thresholds from the sample photos: the night launch (mean L* 26, half its pixels under 25) is the
    // darkest ordinary photo and reads as dark; the daylight samples sit at 37–61. A key is about where most
    // of the pixels are and what little lies at the other end: low-key is mostly shadow with some
    // highlights, high-key mostly light with almost no shadow.
    private const double MaxMeanForDark = 28;
    private const double MinMeanForBright = 72;
    private const int Shadow = 25;
    private const int Light = 75;
    private const int Highlight = 60;

    public static IEnumerable<PixelConcept> Describe(PixelStatistics statistics)
    {
        var mean = statistics.MeanLightness();
        var shadows = statistics.LightnessShare(0, Shadow - 1);
        var lights = statistics.LightnessShare(Light + 1, 100);
        var highlights = statistics.LightnessShare(Highlight + 1, 100);
        var meanReason = string.Create(CultureInfo.InvariantCulture, $"mean lightness {mean:0} of 100");
        if (mean <= MaxMeanForDark && statistics.LightnessPercentile(0.5) < Shadow + 5)
        {
            yield return new PixelConcept("dark", 0.8, meanReason);
        }

        if (mean >= MinMeanForBright && shadows <= 0.05)
        {
            yield return new PixelConcept("bright", 0.8, meanReason);
        }

        if (shadows >= 0.6 && highlights >= 0.02)
        {
            yield return new PixelConcept("low-key", 0.75, string.Create(CultureInfo.InvariantCulture, $"{shadows:0 %} in shadow, {highlights:0.0 %} in highlights"));
        }

        if (lights >= 0.6 && shadows <= 0.03)
        {
            yield return new PixelConcept("high-key", 0.75, string.Create(CultureInfo.InvariantCulture, $"{lights:0 %} light tones, {shadows:0.0 %} in shadow"));
        }
    }
}
