using System.IO.Compression;
using TagMyStock.Imaging.Embedding.Xmp;
using XmpCore;

namespace TagMyStock.Imaging.Embedding.Png;

/// <summary>
/// XMP in a PNG: an iTXt chunk with the keyword "XML:com.adobe.xmp" (XMP Specification Part 3 §1.1.5; PNG
/// Specification §11.3.4.5 for iTXt). It is written uncompressed, as exiftool writes it; a compressed one is read.
/// </summary>
internal static class PngXmp
{
    private static ReadOnlySpan<byte> XmpKeyword => "XML:com.adobe.xmp"u8;

    /// <summary>An iTXt chunk with the XMP keyword, its NUL and the two compression bytes.</summary>
    public static bool IsXmp(PngChunk chunk) =>
        chunk.Type == PngChunk.InternationalText
        && chunk.Data.Length >= XmpKeyword.Length + 3
        && chunk.Data.AsSpan().StartsWith(XmpKeyword)
        && chunk.Data[XmpKeyword.Length] == 0;

    /// <summary>
    /// The XMP of a PNG's <paramref name="chunks"/> as one model, several XMP chunks merged; null when there is none.
    /// Repairs made to parse a packet are added to <paramref name="warnings"/>.
    /// </summary>
    public static IXmpMeta? Read(IEnumerable<PngChunk> chunks, string fileName, ICollection<string> warnings)
    {
        IXmpMeta? xmp = null;
        foreach (var chunk in chunks.Where(IsXmp))
        {
            var packet = Packet(chunk, fileName);
            var parsed = XmpPacketBuilder.Parse(packet, 0, packet.Length, fileName, warnings);
            if (xmp is null)
            {
                xmp = parsed;
            }
            else
            {
                XmpPacketBuilder.MergeInto(xmp, parsed);
            }
        }

        return xmp;
    }

    /// <summary>iTXt layout: keyword, NUL, compression flag, compression method, language tag, NUL, translated keyword, NUL, text.</summary>
    public static PngChunk Chunk(IXmpMeta xmp)
    {
        var packet = XmpPacketBuilder.Serialize(xmp, padding: 0);
        byte[] data = [.. XmpKeyword, 0, 0, 0, 0, 0, .. packet];
        return PngChunk.Create(PngChunk.InternationalText, data);
    }

    /// <summary>The XMP packet of an XMP iTXt chunk, inflated if it was compressed.</summary>
    private static byte[] Packet(PngChunk chunk, string fileName)
    {
        var data = chunk.Data.AsSpan();
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
