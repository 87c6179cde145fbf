using NetVips;

namespace TagMyStock.Web.Features.Gallery.Derivatives;

/// <summary>
/// Makes the JPEG thumbnails and previews the gallery shows, the way <c>vipsthumbnail</c> does: libvips'
/// thumbnail operation shrinks while it decodes (a JPEG is decoded at 1/2, 1/4 or 1/8 scale), turns the
/// image upright by its EXIF orientation and converts an embedded colour profile to sRGB (an image without
/// one is taken as sRGB already). Metadata is not copied: these are pictures to look at, not to deliver.
/// </summary>
public sealed class ThumbnailMaker
{
    /// <summary>Longest edge of a gallery tile's image.</summary>
    public const int ThumbnailSize = 512;

    /// <summary>Longest edge of the editor's preview.</summary>
    public const int PreviewSize = 1600;

    /// <summary>
    /// Loader options for <see cref="Image.ThumbnailStream"/>: fail on a truncated file. Its own
    /// <c>failOn</c> argument does not reach the loader when the image comes from a stream (libvips 8.18),
    /// so a cut-off JPEG would be thumbnailed grey instead of refused.
    /// </summary>
    internal const string FailOnTruncated = "[fail_on=truncated]";

    /// <summary>
    /// The export profile every image shown or sent is thumbnailed to. Naming one is what makes libvips' thumbnail
    /// convert through an embedded profile at all: without it an Adobe RGB or Display P3 photo kept its values, and
    /// with the profile stripped it looked dull in every browser.
    /// </summary>
    internal const string DisplayProfile = "srgb";

    private const int Quality = 82;

    /// <summary>
    /// Writes <paramref name="source"/> as a JPEG whose longest edge is at most <paramref name="longestEdge"/>
    /// (never enlarged) to <paramref name="destination"/>, and returns the size written.
    /// </summary>
    /// <exception cref="VipsException">The source is not an image libvips can decode, or it is damaged.</exception>
    public Task<PixelSize> MakeAsync(Stream source, int longestEdge, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentOutOfRangeException.ThrowIfLessThan(longestEdge, 1);
        cancellationToken.ThrowIfCancellationRequested();

        // Read through the stream even when it is a local file: given the file's name, libvips maps the whole
        // file and every page the decoder touches counts in the process's resident memory (50 MB for a 50 MB
        // JPEG); through the stream it reads a few kilobytes at a time.
        using var thumbnail = Image.ThumbnailStream(
            source, longestEdge, optionString: FailOnTruncated, height: longestEdge, size: Enums.Size.Down, outputProfile: DisplayProfile);
        using var output = Viewable(thumbnail);
        output.JpegsaveStream(destination, q: Quality, keep: Enums.ForeignKeep.None);
        return Task.FromResult(new PixelSize(output.Width, output.Height));
    }

    /// <summary>
    /// The image as 8 bits per band without alpha, transparency shown on white: what a JPEG can hold and
    /// a person expects (16-bit PNGs and transparent backgrounds are common in AI output).
    /// </summary>
    public static Image Viewable(Image image)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var eightBit = image.Format == Enums.BandFormat.Uchar
            ? image.Copy()
            : image.Colourspace(image.Bands <= 2 ? Enums.Interpretation.Bw : Enums.Interpretation.Srgb);
        return eightBit.HasAlpha()
            ? eightBit.Flatten(background: [.. Enumerable.Repeat(255.0, eightBit.Bands - 1)])
            : eightBit.Copy();
    }
}

public readonly record struct PixelSize(int Width, int Height);
