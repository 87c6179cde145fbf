using System.Buffers.Binary;
using System.Globalization;

namespace TagMyStock.Imaging.Embedding.Jpeg;

/// <summary>
/// A JPEG marker segment before the first scan (ITU-T T.81 Annex B.1): its marker and its payload, without
/// the two length bytes. Markers without a payload (TEM, RST<i>n</i>) have an empty one and no length.
/// </summary>
internal sealed record JpegSegment(byte Marker, byte[] Payload)
{
    public const byte App0 = 0xE0;
    public const byte App1 = 0xE1;
    public const byte App13 = 0xED;
    public const byte StartOfScan = 0xDA;
    public const byte EndOfImage = 0xD9;

    /// <summary>The length field counts itself, so a payload holds at most 65,535 − 2 bytes.</summary>
    public const int MaxPayloadLength = ushort.MaxValue - 2;

    /// <summary>T.81 Table B.1: TEM and RST0–RST7 stand alone, every other marker is followed by a length.</summary>
    public static bool IsStandalone(int marker) => marker is 0x01 or (>= 0xD0 and <= 0xD7);

    public bool StartsWith(ReadOnlySpan<byte> signature) => Payload.AsSpan().StartsWith(signature);

    public void WriteTo(Stream destination) => Write(destination, Marker, Payload);

    public static void Write(Stream destination, byte marker, ReadOnlySpan<byte> payload)
    {
        Span<byte> header = stackalloc byte[4];
        header[0] = 0xFF;
        header[1] = marker;
        if (IsStandalone(marker))
        {
            destination.Write(header[..2]);
            return;
        }

        BinaryPrimitives.WriteUInt16BigEndian(header[2..], checked((ushort)(payload.Length + 2)));
        destination.Write(header);
        destination.Write(payload);
    }

    /// <summary>The marker's name as the specifications and tools print it, for messages.</summary>
    public static string NameOf(int marker) => marker switch
    {
        >= 0xE0 and <= 0xEF => string.Create(CultureInfo.InvariantCulture, $"APP{marker - 0xE0}"),
        0xC4 => "DHT",
        0xCC => "DAC",
        >= 0xC0 and <= 0xCF => string.Create(CultureInfo.InvariantCulture, $"SOF{marker - 0xC0}"),
        0xDB => "DQT",
        0xDD => "DRI",
        0xFE => "COM",
        _ => string.Create(CultureInfo.InvariantCulture, $"0xFF{marker:X2}"),
    };
}
