using System.Numerics;
using NetVips;
using TagMyStock.Web.Features.Gallery.Derivatives;

namespace TagMyStock.Web.Features.Gallery.Upload;

/// <summary>
/// A 64-bit difference hash (dHash): the image shrunk to 9 × 8 grey pixels, one bit per horizontal
/// neighbour pair (is the left one brighter?). Resizing, re-encoding and mild colour changes keep almost
/// every bit; different pictures differ in about half of them.
/// </summary>
public static class PerceptualHash
{
    private const int Columns = 9;
    private const int Rows = 8;

    /// <summary>
    /// The hash of the image in <paramref name="image"/> from its current position, decoded through its end so
    /// damage shows. The stream must be seekable: libvips reads the header, then rewinds to decode.
    /// </summary>
    /// <exception cref="VipsException">The image cannot be decoded, or is truncated.</exception>
    public static long Compute(Stream image)
    {
        // Force: the 9 × 8 grid whatever the aspect ratio; shrink-on-load keeps even large JPEGs cheap.
        using var small = Image.ThumbnailStream(image, Columns, optionString: ThumbnailMaker.FailOnTruncated, height: Rows, size: Enums.Size.Force);
        using var viewable = ThumbnailMaker.Viewable(small);
        using var grey = viewable.Colourspace(Enums.Interpretation.Bw);
        var pixels = grey.WriteToMemory<byte>();
        ulong hash = 0;
        for (var row = 0; row < Rows; row++)
        {
            for (var column = 0; column < Columns - 1; column++)
            {
                var left = pixels[(row * Columns) + column];
                var right = pixels[(row * Columns) + column + 1];
                hash = (hash << 1) | (left > right ? 1UL : 0UL);
            }
        }

        return unchecked((long)hash);
    }

    public static int Distance(long first, long second) => BitOperations.PopCount(unchecked((ulong)(first ^ second)));
}
