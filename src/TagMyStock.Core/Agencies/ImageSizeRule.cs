using System.Globalization;

namespace TagMyStock.Core.Agencies;

/// <summary>
/// The smallest image an agency takes: a pixel count, and optionally a minimum for each side. Agencies count
/// megapixels in millions (4 MP = 4,000,000 pixels). Build one with <see cref="Megapixels"/> or <see cref="Sides"/>.
/// </summary>
public sealed record ImageSizeRule
{
    public const long PixelsPerMegapixel = 1_000_000;

    /// <param name="minPixels">Width × height must reach this; positive.</param>
    /// <param name="minShortSide">The shorter side must reach this; 0 for no rule on it.</param>
    /// <param name="minLongSide">The longer side must reach this; 0 for no rule on it, else at least <paramref name="minShortSide"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of the ranges above.</exception>
    public ImageSizeRule(long minPixels, int minShortSide = 0, int minLongSide = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minPixels);
        ArgumentOutOfRangeException.ThrowIfNegative(minShortSide);
        ArgumentOutOfRangeException.ThrowIfNegative(minLongSide);
        if (minLongSide > 0 && minLongSide < minShortSide)
        {
            throw new ArgumentOutOfRangeException(nameof(minLongSide), minLongSide, $"The long side's minimum cannot be under the short side's ({minShortSide}).");
        }

        MinPixels = minPixels;
        MinShortSide = minShortSide;
        MinLongSide = minLongSide;
    }

    public long MinPixels { get; }

    public int MinShortSide { get; }

    public int MinLongSide { get; }

    /// <summary>At least <paramref name="megapixels"/> million pixels, and optionally that many on the shorter side.</summary>
    public static ImageSizeRule Megapixels(double megapixels, int minShortSide = 0) =>
        new((long)Math.Round(megapixels * PixelsPerMegapixel, MidpointRounding.AwayFromZero), minShortSide);

    /// <summary>
    /// At least <paramref name="longSide"/> × <paramref name="shortSide"/> in either orientation, which is also a
    /// pixel count of their product.
    /// </summary>
    public static ImageSizeRule Sides(int longSide, int shortSide)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(shortSide);
        return new((long)longSide * shortSide, shortSide, longSide);
    }

    /// <summary>Whether only the pixel count matters, with no minimum on either side.</summary>
    public bool IsPixelCountOnly => MinShortSide == 0 && MinLongSide == 0;

    /// <summary>Whether a <paramref name="width"/> × <paramref name="height"/> image reaches this minimum.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A side is zero or negative.</exception>
    public bool IsMetBy(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        return IsMetBy((long)width, height);
    }

    /// <summary>The same test on sides that may exceed <see cref="int"/>, as an upscaled image's may.</summary>
    internal bool IsMetBy(long width, long height) =>
        (Int128)width * height >= MinPixels && Math.Min(width, height) >= MinShortSide && Math.Max(width, height) >= MinLongSide;

    /// <summary>The rule as a contributor reads it: "4 MP", "2 MP, each side at least 1201 px", "2400 × 1600 px", "2000 px a side".</summary>
    public override string ToString()
    {
        if (MinLongSide > 0 && MinPixels == (long)MinLongSide * MinShortSide)
        {
            return MinLongSide == MinShortSide
                ? string.Create(CultureInfo.InvariantCulture, $"{MinShortSide} px a side")
                : string.Create(CultureInfo.InvariantCulture, $"{MinLongSide} × {MinShortSide} px");
        }

        var pixels = $"{FormatMegapixels(MinPixels, roundUp: true)} MP";
        var shortSide = MinShortSide > 0 ? string.Create(CultureInfo.InvariantCulture, $", each side at least {MinShortSide} px") : "";
        var longSide = MinLongSide > 0 ? string.Create(CultureInfo.InvariantCulture, $", the long side at least {MinLongSide} px") : "";
        return pixels + shortSide + longSide;
    }

    /// <summary>
    /// A pixel count in megapixels to one decimal ("2.1"). A minimum is rounded up and an image's size down, so an
    /// image under a minimum never reads as equal to it. Whole tenths are counted in integers: a double would
    /// round 2,300,000 pixels to 2.2 on the way down.
    /// </summary>
    internal static string FormatMegapixels(long pixels, bool roundUp)
    {
        const long PixelsPerTenth = PixelsPerMegapixel / 10;
        var tenths = roundUp ? (pixels + PixelsPerTenth - 1) / PixelsPerTenth : pixels / PixelsPerTenth;
        return (tenths / 10m).ToString("0.#", CultureInfo.InvariantCulture);
    }
}
