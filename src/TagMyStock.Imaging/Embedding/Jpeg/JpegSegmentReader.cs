using System.Buffers.Binary;

namespace TagMyStock.Imaging.Embedding.Jpeg;

/// <summary>
/// Reads the marker segments of a JPEG (ITU-T T.81 Annex B) up to the first start-of-scan, the point where the
/// metadata region ends and the entropy-coded image data begins.
/// </summary>
internal static class JpegSegmentReader
{
    /// <summary>
    /// Reads the segments that follow SOI, leaving <paramref name="source"/> just after the first SOS marker's
    /// two bytes, so that the scan header and everything after it can be copied untouched.
    /// </summary>
    public static List<JpegSegment> ReadUntilScan(Stream source, string fileName)
    {
        var segments = new List<JpegSegment>();
        long offset = 2;
        Span<byte> lengthBytes = stackalloc byte[2];
        while (true)
        {
            var first = source.ReadByte();
            if (first < 0)
            {
                throw ImageFileException.Truncated(fileName, "it ends before the image data");
            }

            if (first != 0xFF)
            {
                throw ImageFileException.Damaged(fileName, $"a JPEG marker was expected at byte {offset} but 0x{first:X2} was found");
            }

            // T.81 B.1.1.2: any number of 0xFF fill bytes may precede a marker.
            int marker;
            do
            {
                marker = source.ReadByte();
                offset++;
            }
            while (marker == 0xFF);

            offset++;
            switch (marker)
            {
                case < 0:
                    throw ImageFileException.Truncated(fileName, "it ends before the image data");
                case JpegSegment.StartOfScan:
                    return segments;
                case JpegSegment.EndOfImage:
                    throw ImageFileException.Damaged(fileName, "it ends (end-of-image marker) before any image data");
                case 0x00:
                    throw ImageFileException.Damaged(fileName, $"a JPEG marker was expected at byte {offset - 2}");
            }

            if (JpegSegment.IsStandalone(marker))
            {
                segments.Add(new JpegSegment((byte)marker, []));
                continue;
            }

            var name = JpegSegment.NameOf(marker);
            ReadExactly(source, lengthBytes, fileName, name);
            var length = BinaryPrimitives.ReadUInt16BigEndian(lengthBytes);
            if (length < 2)
            {
                throw ImageFileException.Damaged(fileName, $"the {name} segment at byte {offset - 2} has an impossible length of {length}");
            }

            var payload = new byte[length - 2];
            ReadExactly(source, payload, fileName, name);
            segments.Add(new JpegSegment((byte)marker, payload));
            offset += length;
        }
    }

    private static void ReadExactly(Stream source, Span<byte> buffer, string fileName, string segmentName)
    {
        if (source.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false) < buffer.Length)
        {
            throw ImageFileException.Truncated(fileName, $"it ends inside its {segmentName} segment, before the image data");
        }
    }
}
