namespace TagMyStock.Vision.Facts;

/// <summary>
/// Blur and noise, measured at analysis size: for the user as warnings, never keywords. A flaw that
/// shows even on a 640 px copy is one an agency reviewer at 100 % will certainly see.
/// </summary>
internal static class QualityFacts
{
    public const string Blurred = "The image looks blurred or out of focus even when shrunk: agencies reject soft images; check the focus.";
    public const string Noisy = "The image shows noise (grain) even when shrunk: agencies reject noisy images; reduce the noise before submitting.";

    // Sharpness is the ratio of Laplacian to gradient energy in the most detailed cells (it falls as
    // edges widen: a crisp step gives about 1). Sharp sample photos reach 1.0–2.9 in their sharpest
    // cell, deliberate motion blur (the storm over the highway) 0.22; the espresso photo blurred with
    // a 2 px Gaussian falls to 0.08. Where edges are so faint that JPEG noise dominates the ratio
    // (the dune photo blurred by 3 px kept no cell above 62), the energy itself says the image is soft.
    private const double MaxRatioForBlurred = 0.12;
    private const double MaxEnergyForSoft = 100;
    private const double MaxRatioForSoft = 0.3;
    private const double MinEnergyForContent = 10;

    // Noise σ (luma levels) in the flattest tenth of the cells: clean sample photos measure 0.1–0.5,
    // the same photos with visible grain 6–14. Fine textures (gravel, grass) also score 4–9, but their
    // detail is spread over several pixels, so their Laplacian-to-gradient ratio stays under 1.3
    // where pixel-to-pixel noise gives 3 and more.
    private const double MinNoise = 4;
    private const double MinNoiseRatio = 2.5;

    // Shrinking averages grain away (by the shrink factor), while a fine regular pattern aliases into
    // something the noise mask cannot tell from grain (a 4096 px GNOME pattern wallpaper measured σ 7,
    // ratio 4.7 at 640 px). So noise is judged only where the analysis copy is close to the source.
    private const double MaxShrinkForNoise = 2;

    public static IEnumerable<string> Warn(AnalysisImage image, PixelStatistics statistics)
    {
        var cells = statistics.Cells;
        var tenth = Math.Max(1, cells.Length / 10);
        var detailed = cells.Where(c => c.GradientEnergy >= 4).OrderByDescending(c => c.GradientEnergy).Take(tenth).ToArray();
        if (detailed.Length > 0 && detailed[0].GradientEnergy >= MinEnergyForContent)
        {
            var sharpest = detailed.Max(c => c.LaplacianEnergy / c.GradientEnergy);
            if (sharpest < MaxRatioForBlurred || (detailed[0].GradientEnergy < MaxEnergyForSoft && sharpest < MaxRatioForSoft))
            {
                yield return Blurred;
            }
        }

        if (Math.Max(image.SourceWidth, image.SourceHeight) > MaxShrinkForNoise * Math.Max(image.Width, image.Height))
        {
            yield break;
        }

        var flattest = cells.OrderBy(c => c.Noise).Take(tenth).ToArray();
        var noise = flattest.Average(c => c.Noise);
        var ratio = flattest.Average(c => c.LaplacianEnergy / Math.Max(1e-9, c.GradientEnergy));
        if (noise >= MinNoise && ratio >= MinNoiseRatio)
        {
            yield return Noisy;
        }
    }
}
