using System.Buffers.Binary;
using System.IO.Hashing;

namespace TagMyStock.Imaging.Embedding.Png;

/// <summary>
/// A PNG chunk (PNG Specification, Third Edition, §5.3): length, four-letter type, data and CRC-32 over type and
/// data. Chunks read from a file keep their original CRC so they are written back byte for byte.
/// </summary>
internal sealed record PngChunk(string Type, byte[] Data, uint Crc)
{
    public const string Header = "IHDR";
    public const string ImageData = "IDAT";
    public const string End = "IEND";
    public const string InternationalText = "iTXt";

    /// <summary>§5.3: chunk lengths are limited to 2^31 − 1 bytes.</summary>
    public const uint MaxLength = int.MaxValue;

    public static PngChunk Create(string type, byte[] data) => new(type, data, ComputeCrc(type, data));

    public void WriteTo(Stream destination)
    {
        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)Data.Length);
        WriteType(header[4..], Type);
        destination.Write(header);
        destination.Write(Data);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc);
        destination.Write(crc);
    }

    public static void WriteType(Span<byte> destination, string type)
    {
        for (var index = 0; index < 4; index++)
        {
            destination[index] = (byte)type[index];
        }
    }

    private static uint ComputeCrc(string type, byte[] data)
    {
        var crc = new Crc32();
        Span<byte> typeBytes = stackalloc byte[4];
        WriteType(typeBytes, type);
        crc.Append(typeBytes);
        crc.Append(data);
        return crc.GetCurrentHashAsUInt32();
    }
}
