using TagMyStock.Core.Metadata;
using TagMyStock.Imaging.Embedding.Iptc;
using TagMyStock.Imaging.Embedding.Xmp;
using XmpCore;

namespace TagMyStock.Imaging.Embedding.Jpeg;

/// <summary>
/// Embeds metadata into a JPEG by rewriting only its metadata region, the segments before the first SOS
/// (ITU-T T.81 Annex B). XMP goes into APP1 (XMP Specification Part 3 §1.1.3) and IPTC-IIM into a Photoshop APP13
/// image resource block. Every other segment is written back byte for byte in its order, and everything from
/// the first SOS on (scans, tables between progressive scans, EOI, trailing data) is streamed through untouched.
/// </summary>
/// <remarks>
/// Placement: JFIF APP0 and Exif APP1 stay first as they are; XMP follows them, then APP13 (the order exiftool
/// and Photoshop use). Without either, the metadata goes right after SOI.
/// </remarks>
internal static class JpegMetadataWriter
{
    private static ReadOnlySpan<byte> StartOfImage => [0xFF, 0xD8];

    private static ReadOnlySpan<byte> StartOfScan => [0xFF, JpegSegment.StartOfScan];

    private static ReadOnlySpan<byte> EndOfImage => [0xFF, JpegSegment.EndOfImage];

    private static ReadOnlySpan<byte> ExifSignature => "Exif\0\0"u8;

    /// <summary>Photoshop's APP13 identifier, followed by image resource blocks.</summary>
    private static ReadOnlySpan<byte> PhotoshopSignature => "Photoshop 3.0\0"u8;

    /// <summary>
    /// Writes the JPEG read from <paramref name="source"/>, positioned just after SOI, with <paramref name="metadata"/> as <paramref name="options"/> say.
    /// Repairs made to the existing XMP are added to <paramref name="warnings"/>.
    /// </summary>
    /// <returns>The digital source type the written file declares, or null for none.</returns>
    public static string? Write(Stream source, Stream destination, ImageMetadata metadata, EmbedOptions options, string fileName, ICollection<string> warnings)
    {
        var segments = JpegSegmentReader.ReadUntilScan(source, fileName);
        var kept = new List<JpegSegment>(segments.Count);
        var standardXmp = new List<JpegSegment>();
        var extendedXmp = new List<JpegSegment>();
        using var photoshopBlocks = new MemoryStream();
        var insertAt = 0;
        var inLeadingApplicationSegments = true;
        foreach (var segment in segments)
        {
            if (JpegXmp.IsStandard(segment))
            {
                standardXmp.Add(segment);
            }
            else if (JpegXmp.IsExtension(segment))
            {
                extendedXmp.Add(segment);
            }
            else if (segment.Marker == JpegSegment.App13 && segment.StartsWith(PhotoshopSignature))
            {
                // Photoshop continues a resource block that outgrows one segment in the next APP13.
                photoshopBlocks.Write(segment.Payload.AsSpan(PhotoshopSignature.Length));
            }
            else
            {
                kept.Add(segment);
                inLeadingApplicationSegments &= segment.Marker is >= JpegSegment.App0 and <= 0xEF or 0xFE;
                if (inLeadingApplicationSegments && (segment.Marker == JpegSegment.App0 || (segment.Marker == JpegSegment.App1 && segment.StartsWith(ExifSignature))))
                {
                    insertAt = kept.Count;
                }
            }
        }

        var xmp = JpegXmp.Read(standardXmp, extendedXmp, fileName, warnings) ?? XmpMetaFactory.Create();
        var digitalSourceType = XmpPacketBuilder.Apply(xmp, metadata, options);
        var metadataSegments = XmpSegments(xmp, fileName);
        metadataSegments.AddRange(PhotoshopSegments(photoshopBlocks.ToArray(), metadata));

        destination.Write(StartOfImage);
        for (var index = 0; index <= kept.Count; index++)
        {
            if (index == insertAt)
            {
                foreach (var segment in metadataSegments)
                {
                    segment.WriteTo(destination);
                }
            }

            if (index < kept.Count)
            {
                kept[index].WriteTo(destination);
            }
        }

        destination.Write(StartOfScan);
        if (!TailCopier.CopyToEnd(source, destination, EndOfImage))
        {
            throw ImageFileException.Truncated(fileName, "its image data stops before the end-of-image marker");
        }

        return digitalSourceType;
    }

    private static List<JpegSegment> XmpSegments(IXmpMeta xmp, string fileName)
    {
        var segments = new List<JpegSegment>();
        if (XmpPacketBuilder.HasProperties(xmp))
        {
            foreach (var payload in JpegXmp.Write(xmp, fileName))
            {
                segments.Add(new JpegSegment(JpegSegment.App1, payload));
            }
        }

        return segments;
    }

    private static List<JpegSegment> PhotoshopSegments(byte[] existingBlocks, ImageMetadata metadata)
    {
        var resources = PhotoshopImageResources.Parse(existingBlocks);
        resources.ReplaceIptc(IptcIimWriter.Merge(resources.Get(PhotoshopImageResources.IptcNaa), metadata));
        var segments = new List<JpegSegment>();
        if (resources.IsEmpty)
        {
            return segments;
        }

        var blocks = resources.ToArray();
        var portionLength = JpegSegment.MaxPayloadLength - PhotoshopSignature.Length;
        for (var offset = 0; offset < blocks.Length; offset += portionLength)
        {
            var portion = blocks.AsSpan(offset, Math.Min(portionLength, blocks.Length - offset));
            segments.Add(new JpegSegment(JpegSegment.App13, [.. PhotoshopSignature, .. portion]));
        }

        return segments;
    }
}
