namespace TagMyStock.Web.Features.Gallery.Upload;

/// <summary>What a file is, from its first bytes; its name and the browser's content type are never asked.</summary>
internal static class FileSignature
{
    /// <summary>How many leading bytes <see cref="ImageFormat"/> and <see cref="Describe"/> look at.</summary>
    public const int Length = 16;

    /// <summary>SOI marker and the first byte of the next marker (JPEG, ITU T.81 B.1.1.3).</summary>
    private static ReadOnlySpan<byte> JpegStart => [0xFF, 0xD8, 0xFF];

    /// <summary>PNG specification §5.2.</summary>
    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>"jpeg", "png" or "webp" (see <see cref="ImageFormats"/>), or null for anything else.</summary>
    public static string? ImageFormat(ReadOnlySpan<byte> head) =>
        head.StartsWith(JpegStart) ? ImageFormats.Jpeg
        : head.StartsWith(PngSignature) ? ImageFormats.Png
        : head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8) ? ImageFormats.WebP
        : null;

    /// <summary>A guess at what a file that is not a JPEG, PNG or WebP image is, for the refusal's reason.</summary>
    public static string Describe(ReadOnlySpan<byte> head) =>
        head.StartsWith("%PDF"u8) ? "a PDF"
        : head.StartsWith("GIF8"u8) ? "a GIF image"
        : head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8) ? "a TIFF or camera raw file"
        : head.StartsWith("8BPS"u8) ? "a Photoshop document"
        : head.StartsWith("BM"u8) ? "a BMP image"
        : head.StartsWith("PK\x03\x04"u8) ? "a ZIP archive or an Office document"
        : head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8) ? FtypBrand(head[8..12])
        : head.Length >= 12 && head.StartsWith("RIFF"u8) ? "a RIFF file (audio or video)"
        : head.StartsWith("<svg"u8) || head.StartsWith("<?xml"u8) ? "an SVG or XML file"
        : IsText(head) ? "text"
        : "an unknown format";

    private static string FtypBrand(ReadOnlySpan<byte> brand) =>
        brand.SequenceEqual("avif"u8) || brand.SequenceEqual("avis"u8) ? "an AVIF image"
        : brand.StartsWith("hei"u8) || brand.StartsWith("hev"u8) || brand.SequenceEqual("mif1"u8) || brand.SequenceEqual("msf1"u8) ? "a HEIC image"
        : "a video";

    private static bool IsText(ReadOnlySpan<byte> head)
    {
        foreach (var b in head)
        {
            if (b is < 0x20 and not (0x09 or 0x0A or 0x0D) or 0x7F)
            {
                return false;
            }
        }

        return true;
    }
}
