using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace TagMyStock.Imaging;

/// <summary>A JPEG segment as the tests see it: marker and payload bytes.</summary>
internal sealed record TestSegment(byte Marker, byte[] Payload)
{
    public bool Is(byte marker, string signature) =>
        Marker == marker && Payload.AsSpan().StartsWith(Encoding.ASCII.GetBytes(signature));

    public bool IsXmp => Is(0xE1, "http://ns.adobe.com/xap/1.0/\0");

    public bool IsExtendedXmp => Is(0xE1, "http://ns.adobe.com/xmp/extension/\0");

    public bool IsPhotoshop => Is(0xED, "Photoshop 3.0\0");

    public bool IsMetadataWeWrite => IsXmp || IsExtendedXmp || IsPhotoshop;

    public override string ToString() => $"FF{Marker:X2} ({Payload.Length} bytes)";
}

/// <summary>
/// Splits JPEG and PNG files independently of the code under test, to compare what must not change: the
/// entropy-coded data (first SOS to the end), the other segments, the IDAT chunks.
/// </summary>
internal static class ImageStructure
{
    public static (List<TestSegment> Segments, byte[] ImageData) Jpeg(byte[] file)
    {
        Assert.True(file is [0xFF, 0xD8, ..], "not a JPEG");
        var segments = new List<TestSegment>();
        var position = 2;
        while (true)
        {
            Assert.Equal(0xFF, file[position]);
            var marker = file[position + 1];
            if (marker == 0xDA)
            {
                return (segments, file[position..]);
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(position + 2));
            segments.Add(new TestSegment(marker, file[(position + 4)..(position + 2 + length)]));
            position += 2 + length;
        }
    }

    /// <summary>PNG chunks as (type, whole chunk bytes); asserts every CRC is right.</summary>
    public static List<(string Type, byte[] Bytes)> Png(byte[] file)
    {
        Assert.True(file.AsSpan().StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), "not a PNG");
        var chunks = new List<(string, byte[])>();
        var position = 8;
        while (position < file.Length)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(position));
            var type = Encoding.ASCII.GetString(file, position + 4, 4);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(position + 8 + length));
            Assert.Equal(Crc32.HashToUInt32(file.AsSpan(position + 4, 4 + length)), crc);
            chunks.Add((type, file[position..(position + 12 + length)]));
            position += 12 + length;
        }

        return chunks;
    }

    public static bool IsXmpChunk((string Type, byte[] Bytes) chunk) =>
        chunk.Type == "iTXt" && chunk.Bytes.AsSpan(8).StartsWith("XML:com.adobe.xmp\0"u8);
}
