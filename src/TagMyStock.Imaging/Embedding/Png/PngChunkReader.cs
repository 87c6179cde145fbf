using System.Buffers.Binary;
using System.Text;

namespace TagMyStock.Imaging.Embedding.Png;

/// <summary>Reads the chunks of a PNG datastream (PNG Specification §5.3) up to the first IDAT.</summary>
internal static class PngChunkReader
{
    /// <summary>
    /// Reads the chunks after the signature and stops once the first IDAT's length and type have been read, so
    /// the image data can be streamed on. Returns those eight bytes along with the chunks before them.
    /// </summary>
    public static (List<PngChunk> Chunks, byte[] FirstImageDataHeader) ReadUntilImageData(Stream source, string fileName)
    {
        var chunks = new List<PngChunk>();
        var header = new byte[8];
        var crc = new byte[4];
        while (true)
        {
            ReadExactly(source, header, fileName, chunks.Count == 0 ? "its first chunk" : "a chunk header");
            var length = BinaryPrimitives.ReadUInt32BigEndian(header);
            var type = Encoding.ASCII.GetString(header, 4, 4);
            if (!IsChunkType(header.AsSpan(4)) || length > PngChunk.MaxLength)
            {
                throw ImageFileException.Damaged(fileName, $"chunk {chunks.Count + 1} has an invalid type or length");
            }

            if (chunks.Count == 0 && type != PngChunk.Header)
            {
                throw ImageFileException.Damaged(fileName, $"a PNG starts with an IHDR chunk, this one with '{type}'");
            }

            switch (type)
            {
                case PngChunk.ImageData:
                    return (chunks, header);
                case PngChunk.End:
                    throw ImageFileException.Damaged(fileName, "it ends (IEND chunk) before any image data");
            }

            var data = new byte[length];
            ReadExactly(source, data, fileName, $"its {type} chunk");
            ReadExactly(source, crc, fileName, $"its {type} chunk");
            chunks.Add(new PngChunk(type, data, BinaryPrimitives.ReadUInt32BigEndian(crc)));
        }
    }

    /// <summary>§5.3: a chunk type is four ASCII letters.</summary>
    private static bool IsChunkType(ReadOnlySpan<byte> type)
    {
        foreach (var b in type)
        {
            if (!char.IsAsciiLetter((char)b))
            {
                return false;
            }
        }

        return true;
    }

    private static void ReadExactly(Stream source, Span<byte> buffer, string fileName, string what)
    {
        if (source.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false) < buffer.Length)
        {
            throw ImageFileException.Truncated(fileName, $"it ends inside {what}, before the image data");
        }
    }
}
