using NetVips;

namespace TagMyStock.Vision;

/// <summary>
/// An image decoded small for analysis: upright (EXIF orientation applied), sRGB, 8 bits, three bands
/// interleaved row by row. Large JPEGs are shrunk while they decode (libjpeg's scaled decode, as deep as
/// the analysis size allows), so a 24 MP photo costs a fraction of a full decode. Transparency is flattened
/// onto white and remembered, because "isolated on transparent" is itself a fact about the image. The few
/// analyses that need more pixels than a coarse decode gave (reading text) ask for <see cref="Detailed"/>.
/// </summary>
public sealed class AnalysisImage
{
    /// <summary>Longest edge analysis works at unless told otherwise: enough for colours, faces and text lines.</summary>
    public const int DefaultLongestEdge = 640;

    /// <summary>
    /// How far below the longest edge asked for a JPEG may decode, when that lets libjpeg decode at 1/8, where it skips
    /// the inverse DCT: a 12 MP photo then decodes at 500 pixels instead of at 1/4 and a resize, for a quarter less
    /// CPU (bench/README.md). Colours, tone, faces and the embedding do not need the difference; text does, and asks
    /// for <see cref="Detailed"/>. Smaller files are not worth it: at 1/2 or 1/4 the decode costs little either way.
    /// </summary>
    public const double CoarsestShare = 0.75;

    private readonly string _path;

    private AnalysisImage(string path, int width, int height, byte[] rgb, double transparentShare, int sourceWidth, int sourceHeight, int askedLongestEdge)
    {
        _path = path;
        // A pixel short is the rounding of a resize, not a coarse decode.
        var asked = Math.Min(askedLongestEdge, Math.Max(sourceWidth, sourceHeight));
        ShareOfAskedSize = Math.Max(width, height) < asked - 1 ? Math.Max(width, height) / (double)asked : 1;
        Width = width;
        Height = height;
        Rgb = rgb;
        TransparentShare = transparentShare;
        SourceWidth = sourceWidth;
        SourceHeight = sourceHeight;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Red, green and blue of each pixel, row by row: <c>Width × Height × 3</c> bytes.</summary>
    public byte[] Rgb { get; }

    /// <summary>Share of the pixels (0–1) that were fully transparent in the source; 0 without alpha.</summary>
    public double TransparentShare { get; }

    /// <summary>The source image's size, upright, before it was shrunk.</summary>
    public int SourceWidth { get; }

    public int SourceHeight { get; }

    /// <summary>
    /// The longest edge over the one asked for (or the source's, when smaller): 1, or down to <see cref="CoarsestShare"/>
    /// after a coarse decode. A smooth ramp's gradient per pixel grows as the image shrinks, so measures per pixel
    /// that decide facts (a plain backdrop, an even texture) multiply by it to mean the same at either decode.
    /// </summary>
    public double ShareOfAskedSize { get; }

    /// <summary>
    /// Decodes the image file at <paramref name="path"/> with its longest edge at most <paramref name="longestEdge"/>, and
    /// for a large JPEG at least <see cref="CoarsestShare"/> of it.
    /// </summary>
    /// <exception cref="VipsException">The file is not an image libvips can decode, or it is damaged.</exception>
    public static AnalysisImage Load(string path, int longestEdge = DefaultLongestEdge) => Decode(path, longestEdge, CoarsestShare);

    /// <summary>
    /// This image when its longest edge reaches <paramref name="longestEdge"/> or its source's; otherwise its file decoded
    /// again at that size exactly. Should the file be gone or changed since, this image.
    /// </summary>
    internal AnalysisImage Detailed(int longestEdge)
    {
        var longest = Math.Max(Width, Height);
        if (longest >= longestEdge || longest >= Math.Max(SourceWidth, SourceHeight))
        {
            return this;
        }

        try
        {
            var detailed = Decode(_path, longestEdge, coarsestShare: 1);
            return (detailed.SourceWidth, detailed.SourceHeight) == (SourceWidth, SourceHeight) ? detailed : this;
        }
        catch (Exception exception) when (exception is VipsException or IOException or UnauthorizedAccessException)
        {
            return this;
        }
    }

    private static AnalysisImage Decode(string path, int longestEdge, double coarsestShare)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(longestEdge, 16);
        using var header = Image.NewFromFile(path, access: Enums.Access.Sequential);
        var (sourceWidth, sourceHeight) = UprightSize(header);
        using var decoded = IsJpeg(header)
            ? ShrinkJpeg(path, Math.Max(header.Width, header.Height), longestEdge, coarsestShare)
            : Image.Thumbnail(path, longestEdge, height: longestEdge, size: Enums.Size.Down, failOn: Enums.FailOn.Truncated);
        // Small enough to hold: the analyses below read it more than once, which a sequential decode cannot.
        using var thumbnail = decoded.CopyMemory();
        using var managed = FromEmbeddedProfile(thumbnail);
        using var srgb = managed.Interpretation == Enums.Interpretation.Srgb && managed.Format == Enums.BandFormat.Uchar
            ? managed.Copy()
            : managed.Colourspace(Enums.Interpretation.Srgb);
        var transparentShare = 0.0;
        using var opaque = srgb.HasAlpha() ? Flatten(srgb, out transparentShare) : srgb.Copy();
        using var threeBands = opaque.Bands == 3 ? opaque.Copy() : opaque.ExtractBand(0, 3);
        using var bytes = threeBands.Format == Enums.BandFormat.Uchar ? threeBands.Copy() : threeBands.Cast(Enums.BandFormat.Uchar);
        return new AnalysisImage(path, bytes.Width, bytes.Height, bytes.WriteToMemory<byte>(), transparentShare, sourceWidth, sourceHeight, longestEdge);
    }

    /// <summary>
    /// The image in sRGB through its embedded colour profile, when it has one: an Adobe RGB or Display P3 photo read as
    /// if it were sRGB looks duller than it is, and its colours would be named wrong. A profile libvips cannot use
    /// (damaged, or for another kind of image) leaves the pixels as they are rather than lose the image.
    /// </summary>
    private static Image FromEmbeddedProfile(Image image)
    {
        if (!image.Contains("icc-profile-data") || image.Bands < 3)
        {
            return image.Copy();
        }

        try
        {
            using var transformed = image.IccTransform("srgb", embedded: true, intent: Enums.Intent.Relative);
            return transformed.CopyMemory();
        }
        catch (VipsException)
        {
            return image.Copy();
        }
    }

    private static Image Flatten(Image image, out double transparentShare)
    {
        using var alpha = image[image.Bands - 1];
        using var clear = alpha.Equal(0);
        transparentShare = clear.Avg() / 255.0;
        return image.Flatten(background: [255.0, 255.0, 255.0]);
    }

    /// <summary>
    /// Decodes a JPEG at 1/8, 1/4 or 1/2 scale, the smallest that still reaches <paramref name="longestEdge"/> (1/8 also
    /// when it reaches <paramref name="coarsestShare"/> of it), then shrinks it the rest of the way, if any. libjpeg then
    /// skips most of the inverse DCT, and at 1/8 all of it: each 8×8 block becomes its mean. libvips' thumbnail stops one
    /// scale short of that, to keep a factor of two for its own sharper resize: on 20 MP photos that cost about 40 ms of
    /// CPU more per image, for a sharpness the analyses do not use.
    /// </summary>
    private static Image ShrinkJpeg(string path, int sourceLongest, int longestEdge, double coarsestShare)
    {
        var shrink = 8;
        if (sourceLongest / shrink < longestEdge * coarsestShare)
        {
            shrink = 4;
            while (shrink > 1 && sourceLongest / shrink < longestEdge)
            {
                shrink /= 2;
            }
        }

        using var scaled = Image.NewFromFile(path, failOn: Enums.FailOn.Truncated, kwargs: new VOption { { "shrink", shrink } });
        using var upright = scaled.Autorot();
        var scale = longestEdge / (double)Math.Max(upright.Width, upright.Height);
        return scale < 1 ? upright.Resize(scale) : upright.Copy();
    }

    private static bool IsJpeg(Image header) =>
        header.Contains("vips-loader") && header.Get("vips-loader") is string loader && loader.StartsWith("jpegload", StringComparison.Ordinal);

    /// <summary>The upright size of the file's image, from its header alone: no pixel is decoded.</summary>
    private static (int Width, int Height) UprightSize(Image header)
    {
        var orientation = header.Contains("orientation") ? (int)header.Get("orientation") : 1;
        return orientation is >= 5 and <= 8 ? (header.Height, header.Width) : (header.Width, header.Height);
    }
}
