using TagMyStock.Core.Metadata;
using TagMyStock.Imaging.Embedding.Xmp;
using XmpCore;

namespace TagMyStock.Imaging.Embedding.Png;

/// <summary>
/// Embeds metadata into a PNG as XMP in an iTXt chunk (see <see cref="PngXmp"/>). An existing XMP chunk is
/// merged and replaced where it stood; otherwise the new one goes just before the first IDAT. Every other chunk
/// (tEXt prompts, iCCP, eXIf…) is written back byte for byte, and everything from the first IDAT on is streamed
/// through untouched.
/// </summary>
/// <remarks>
/// No IPTC-IIM is written: PNG has no standard place for it (only exiftool's private "zTXt Raw profile type
/// iptc" convention), and XMP carries the same fields in the form PNG readers look for.
/// </remarks>
internal static class PngMetadataWriter
{
    /// <summary>The IEND chunk in full: zero length, type, and its fixed CRC.</summary>
    private static ReadOnlySpan<byte> EndChunk => [0, 0, 0, 0, (byte)'I', (byte)'E', (byte)'N', (byte)'D', 0xAE, 0x42, 0x60, 0x82];

    /// <summary>
    /// Writes the PNG read from <paramref name="source"/>, positioned just after its signature, with <paramref name="metadata"/> as <paramref name="options"/> say.
    /// Repairs made to the existing XMP are added to <paramref name="warnings"/>.
    /// </summary>
    /// <returns>The digital source type the written file declares, or null for none.</returns>
    public static string? Write(Stream source, Stream destination, ImageMetadata metadata, EmbedOptions options, string fileName, ICollection<string> warnings)
    {
        var (chunks, imageDataHeader) = PngChunkReader.ReadUntilImageData(source, fileName);
        var xmp = PngXmp.Read(chunks, fileName, warnings) ?? XmpMetaFactory.Create();
        var digitalSourceType = XmpPacketBuilder.Apply(xmp, metadata, options);

        // The first XMP chunk has no other before it, so its index among all chunks is where it goes among the rest.
        var kept = chunks.Where(chunk => !PngXmp.IsXmp(chunk)).ToList();
        var xmpIndex = chunks.FindIndex(PngXmp.IsXmp);
        if (XmpPacketBuilder.HasProperties(xmp))
        {
            kept.Insert(xmpIndex < 0 ? kept.Count : xmpIndex, PngXmp.Chunk(xmp));
        }

        destination.Write(ImageSignature.Png);
        foreach (var chunk in kept)
        {
            chunk.WriteTo(destination);
        }

        destination.Write(imageDataHeader);
        if (!TailCopier.CopyToEnd(source, destination, EndChunk))
        {
            throw ImageFileException.Truncated(fileName, "its image data stops before the IEND chunk");
        }

        return digitalSourceType;
    }
}
