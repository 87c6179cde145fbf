using NetVips;
using TagMyStock.Web.Features.Gallery.Derivatives;

namespace TagMyStock.Web.Features.ImageEditing;

/// <summary>An image as sent to FAL: a data URL, and the size the model sees.</summary>
internal sealed record SentImage(string DataUrl, int Width, int Height);

/// <summary>
/// The image and the mask an edit sends to FAL, as data URLs inside the request (FAL takes URLs, and this server
/// may have no public one): the image upright, in 8-bit sRGB, no larger than the model takes, without its metadata
/// (FAL needs the pixels only, not the photographer's GPS position or captions); the mask at exactly its size.
/// </summary>
internal static class FalEditImages
{
    public const int JpegQuality = 92;

    private const double PixelsPerMegapixel = 1_000_000;

    /// <summary>The size a <paramref name="width"/> × <paramref name="height"/> image is sent at: its own, or scaled down to <paramref name="maxMegapixels"/>.</summary>
    public static (int Width, int Height) SentSize(int width, int height, double maxMegapixels)
    {
        var pixels = (double)width * height;
        var max = maxMegapixels * PixelsPerMegapixel;
        if (pixels <= max)
        {
            return (width, height);
        }

        var scale = Math.Sqrt(max / pixels);
        return (Math.Max(1, (int)Math.Floor(width * scale)), Math.Max(1, (int)Math.Floor(height * scale)));
    }

    /// <summary>The image as a JPEG data URL (quality <see cref="JpegQuality"/>), or a PNG one when it has transparency.</summary>
    /// <exception cref="VipsException">The image cannot be decoded.</exception>
    public static SentImage ImageDataUrl(Stream original, double maxMegapixels)
    {
        using var loaded = Image.NewFromStream(original);
        using var upright = loaded.Autorot();
        using var srgb = EightBitSrgb(upright);
        var (width, height) = SentSize(srgb.Width, srgb.Height, maxMegapixels);
        using var sized = width == srgb.Width && height == srgb.Height
            ? srgb.Copy()
            : srgb.ThumbnailImage(width, height: height, size: Enums.Size.Force);
        var hasAlpha = sized.HasAlpha();
        var bytes = hasAlpha
            ? sized.PngsaveBuffer(keep: Enums.ForeignKeep.None)
            : sized.JpegsaveBuffer(q: JpegQuality, optimizeCoding: true, keep: Enums.ForeignKeep.None);
        return new SentImage(DataUrl(hasAlpha ? "image/png" : "image/jpeg", bytes), sized.Width, sized.Height);
    }

    /// <summary>
    /// The inpainting mask at exactly <paramref name="width"/> × <paramref name="height"/>, one band, pure white
    /// (repaint) or black (keep), as a PNG data URL; transparent counts as black, as a canvas starts transparent.
    /// </summary>
    /// <exception cref="VipsException">The mask cannot be decoded.</exception>
    public static string MaskDataUrl(byte[] png, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(png);
        using var mask = Image.PngloadBuffer(png);
        using var flat = mask.HasAlpha() ? mask.Flatten(background: [.. Enumerable.Repeat(0.0, mask.Bands - 1)]) : mask.Copy();
        using var grey = flat.Colourspace(Enums.Interpretation.Bw);
        using var band = grey.Bands > 1 ? grey.ExtractBand(0) : grey.Copy();
        using var sized = band.ThumbnailImage(width, height: height, size: Enums.Size.Force);
        using var binary = sized > 127;
        return DataUrl("image/png", binary.PngsaveBuffer(keep: Enums.ForeignKeep.None));
    }

    /// <summary>A transparent cutout flattened on pure white, as a JPEG: "isolated on white" stock.</summary>
    /// <exception cref="VipsException">The cutout cannot be decoded.</exception>
    public static void OnWhite(Stream cutout, Stream destination)
    {
        using var image = Image.NewFromStream(cutout);
        using var flattened = ThumbnailMaker.Viewable(image);
        flattened.JpegsaveStream(destination, q: JpegQuality, optimizeCoding: true);
    }

    /// <summary>Colour-managed to sRGB through the embedded profile when there is one (CMYK, Adobe RGB), 8 bits per band.</summary>
    private static Image EightBitSrgb(Image image)
    {
        using var srgb = image.Interpretation == Enums.Interpretation.Cmyk || image.Contains("icc-profile-data")
            ? image.IccTransform("srgb", embedded: true, intent: Enums.Intent.Relative)
            : image.Colourspace(Enums.Interpretation.Srgb);
        return srgb.Format == Enums.BandFormat.Uchar ? srgb.Copy() : srgb.Cast(Enums.BandFormat.Uchar);
    }

    private static string DataUrl(string contentType, byte[] bytes) => $"data:{contentType};base64,{Convert.ToBase64String(bytes)}";
}
