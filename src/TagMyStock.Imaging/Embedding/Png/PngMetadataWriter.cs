using System.IO.Compression;
using TagMyStock.Core.Metadata;
using TagMyStock.Imaging.Embedding.Xmp;
using XmpCore;

namespace TagMyStock.Imaging.Embedding.Png;

/// <summary>
/// Embeds metadata into a PNG as XMP in an iTXt chunk with the keyword "XML:com.adobe.xmp" (XMP Specification
/// Part 3 §1.1.5; PNG Specification §11.3.4.5 for iTXt), uncompressed, as exiftool writes it. An existing XMP
/// chunk is merged and replaced where it stood; otherwise the new one goes just before the first IDAT. Every
/// other chunk (tEXt prompts, iCCP, eXIf…) is written back byte for byte, and everything from the first IDAT on
/// is streamed through untouched.
/// </summary>
/// <remarks>
/// No IPTC-IIM is written: PNG has no standard place for it (only exiftool's private "zTXt Raw profile type
/// iptc" convention), and XMP carries the same fields in the form PNG readers look for.
/// </remarks>
internal static class PngMetadataWriter
{
    private static ReadOnlySpan<byte> XmpKeyword => "XML:com.adobe.xmp"u8;

    /// <summary>The IEND chunk in full: zero length, type, and its fixed CRC.</summary>
    private static ReadOnlySpan<byte> EndChunk => [0, 0, 0, 0, (byte)'I', (byte)'E', (byte)'N', (byte)'D', 0xAE, 0x42, 0x60, 0x82];

    /// <summary>Writes the PNG read from <paramref name="source"/>, positioned just after its signature, with <paramref name="metadata"/>.</summary>
    public static void Write(Stream source, Stream destination, ImageMetadata metadata, string fileName)
    {
        var (chunks, imageDataHeader) = PngChunkReader.ReadUntilImageData(source, fileName);
        IXmpMeta? xmp = null;
        var xmpIndex = -1;
        var kept = new List<PngChunk>(chunks.Count);
        foreach (var chunk in chunks)
        {
            if (ReadXmpPacket(chunk, fileName) is not { } packet)
            {
                kept.Add(chunk);
                continue;
            }

            var parsed = XmpPacketBuilder.Parse(packet, 0, packet.Length, fileName);
            if (xmp is null)
            {
                xmp = parsed;
                xmpIndex = kept.Count;
            }
            else
            {
                XmpPacketBuilder.MergeInto(xmp, parsed);
            }
        }

        xmp ??= XmpMetaFactory.Create();
        XmpPacketBuilder.Apply(xmp, metadata);
        if (XmpPacketBuilder.HasProperties(xmp))
        {
            kept.Insert(xmpIndex < 0 ? kept.Count : xmpIndex, XmpChunk(xmp));
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
    }

    /// <summary>iTXt layout: keyword, NUL, compression flag, compression method, language tag, NUL, translated keyword, NUL, text.</summary>
    private static PngChunk XmpChunk(IXmpMeta xmp)
    {
        var packet = XmpPacketBuilder.Serialize(xmp, padding: 0);
        byte[] data = [.. XmpKeyword, 0, 0, 0, 0, 0, .. packet];
        return PngChunk.Create(PngChunk.InternationalText, data);
    }

    /// <summary>The XMP packet of an XMP iTXt chunk, inflated if it was compressed; null for any other chunk.</summary>
    private static byte[]? ReadXmpPacket(PngChunk chunk, string fileName)
    {
        var data = chunk.Data.AsSpan();
        if (chunk.Type != PngChunk.InternationalText || !data.StartsWith(XmpKeyword) || data.Length < XmpKeyword.Length + 3 || data[XmpKeyword.Length] != 0)
        {
            return null;
        }

        var compressed = data[XmpKeyword.Length + 1] == 1;
        var rest = data[(XmpKeyword.Length + 3)..];
        var languageEnd = rest.IndexOf((byte)0);
        var translatedEnd = languageEnd < 0 ? -1 : rest[(languageEnd + 1)..].IndexOf((byte)0);
        if (translatedEnd < 0)
        {
            throw ImageFileException.Damaged(fileName, "its XMP iTXt chunk is malformed");
        }

        var textStart = chunk.Data.Length - rest.Length + languageEnd + 1 + translatedEnd + 1;
        if (!compressed)
        {
            return chunk.Data[textStart..];
        }

        try
        {
            using var inflater = new ZLibStream(new MemoryStream(chunk.Data, textStart, chunk.Data.Length - textStart), CompressionMode.Decompress);
            using var packet = new MemoryStream();
            inflater.CopyTo(packet);
            return packet.ToArray();
        }
        catch (InvalidDataException exception)
        {
            throw new ImageFileException($"{fileName} is damaged: its compressed XMP iTXt chunk cannot be inflated.", exception);
        }
    }
}
