using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using TagMyStock.Imaging.Embedding.Xmp;
using XmpCore;

namespace TagMyStock.Imaging.Embedding.Jpeg;

/// <summary>
/// XMP in JPEG APP1 segments (XMP Specification Part 3, §1.1.3): one standard packet, and when that would exceed
/// one segment, an extended part split over further APP1 segments and named by the standard packet's
/// xmpNote:HasExtendedXMP, the MD5 of the extended part.
/// </summary>
internal static class JpegXmp
{
    /// <summary>Largest standard packet XMP Part 3 allows in one APP1 segment.</summary>
    private const int MaxStandardPacket = 65502;

    /// <summary>Room left for editors that rewrite a packet in place (the size XMP Part 1 suggests).</summary>
    private const int PreferredPadding = 2048;

    private const int GuidLength = 32;

    /// <summary>Extended XMP above this size is not a real file; refuse to allocate for it.</summary>
    private const int MaxExtendedLength = 64 << 20;

    private const string HasExtendedXmp = "HasExtendedXMP";

    public static ReadOnlySpan<byte> StandardSignature => "http://ns.adobe.com/xap/1.0/\0"u8;

    public static ReadOnlySpan<byte> ExtensionSignature => "http://ns.adobe.com/xmp/extension/\0"u8;

    /// <summary>An extension segment: signature, GUID, full length and offset (4 bytes each), then a portion.</summary>
    private static int ExtensionHeaderLength => ExtensionSignature.Length + GuidLength + 4 + 4;

    public static bool IsStandard(JpegSegment segment) => segment.Marker == JpegSegment.App1 && segment.StartsWith(StandardSignature);

    public static bool IsExtension(JpegSegment segment) => segment.Marker == JpegSegment.App1 && segment.StartsWith(ExtensionSignature);

    /// <summary>The XMP among a file's <paramref name="segments"/>, as <see cref="Read(IReadOnlyList{JpegSegment}, IReadOnlyList{JpegSegment}, string, ICollection{string})"/> reads it.</summary>
    public static IXmpMeta? Read(IReadOnlyList<JpegSegment> segments, string fileName, ICollection<string> warnings) =>
        Read([.. segments.Where(IsStandard)], [.. segments.Where(IsExtension)], fileName, warnings);

    /// <summary>
    /// The file's XMP as one model, or null when it has none. Several standard packets are merged; the extended
    /// part is merged in when it is complete and named by the standard packet. Other extension segments are
    /// stale or broken, no reader can use them, and they are dropped. Repairs made to parse a packet are added
    /// to <paramref name="warnings"/>.
    /// </summary>
    public static IXmpMeta? Read(IReadOnlyList<JpegSegment> standardSegments, IReadOnlyList<JpegSegment> extensionSegments, string fileName, ICollection<string> warnings)
    {
        IXmpMeta? xmp = null;
        foreach (var segment in standardSegments)
        {
            var packet = XmpPacketBuilder.Parse(segment.Payload, StandardSignature.Length, segment.Payload.Length - StandardSignature.Length, fileName, warnings);
            if (xmp is null)
            {
                xmp = packet;
            }
            else
            {
                XmpPacketBuilder.MergeInto(xmp, packet);
            }
        }

        if (xmp is null)
        {
            return null;
        }

        var guid = xmp.GetPropertyString(XmpConstants.NsXmpNote, HasExtendedXmp);
        xmp.DeleteProperty(XmpConstants.NsXmpNote, HasExtendedXmp);
        if (guid is { Length: GuidLength } && AssembleExtension(extensionSegments, guid) is { } extended)
        {
            XmpPacketBuilder.MergeInto(xmp, XmpPacketBuilder.Parse(extended, 0, extended.Length, fileName, warnings));
        }

        return xmp;
    }

    /// <summary>
    /// The APP1 payloads for <paramref name="xmp"/>: the standard packet, followed by extension segments when
    /// it does not fit. The largest properties move to the extended part first; the fields TagMyStock writes
    /// always stay in the standard packet, where every reader finds them.
    /// </summary>
    public static List<byte[]> Write(IXmpMeta xmp, string fileName)
    {
        var whole = XmpPacketBuilder.Serialize(xmp, PreferredPadding);
        if (whole.Length > MaxStandardPacket)
        {
            whole = XmpPacketBuilder.Serialize(xmp, padding: 0);
        }

        if (whole.Length <= MaxStandardPacket)
        {
            return [StandardPayload(whole)];
        }

        var standard = xmp.Clone();
        standard.SetProperty(XmpConstants.NsXmpNote, HasExtendedXmp, new string('0', GuidLength));
        var moved = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (ns, path) in MovableProperties(xmp))
        {
            if (XmpPacketBuilder.Serialize(standard, padding: 0).Length <= MaxStandardPacket)
            {
                break;
            }

            standard.DeleteProperty(ns, path);
            moved.Add(path);
        }

        var extended = xmp.Clone();
        foreach (var (ns, path) in TopLevelProperties(xmp))
        {
            if (!moved.Contains(path))
            {
                extended.DeleteProperty(ns, path);
            }
        }

        // XMP Part 3: the extended part is serialized without a packet wrapper, and its MD5 is the GUID.
        var extendedPacket = XmpPacketBuilder.Serialize(extended, padding: 0, packetWrapper: false);
        var guid = Md5Hex(extendedPacket);
        standard.SetProperty(XmpConstants.NsXmpNote, HasExtendedXmp, guid);
        var standardPacket = XmpPacketBuilder.Serialize(standard, PreferredPadding);
        if (standardPacket.Length > MaxStandardPacket)
        {
            standardPacket = XmpPacketBuilder.Serialize(standard, padding: 0);
        }

        if (standardPacket.Length > MaxStandardPacket)
        {
            throw new ImageFileException(
                $"The title, description and keywords for {fileName} are too long to embed: together they need more than 64 KB of XMP.");
        }

        var payloads = new List<byte[]> { StandardPayload(standardPacket) };
        payloads.AddRange(ExtensionPayloads(extendedPacket, guid));
        return payloads;
    }

    private static byte[] StandardPayload(byte[] packet) => [.. StandardSignature, .. packet];

    private static IEnumerable<byte[]> ExtensionPayloads(byte[] extendedPacket, string guid)
    {
        var portionLength = JpegSegment.MaxPayloadLength - ExtensionHeaderLength;
        for (var offset = 0; offset < extendedPacket.Length; offset += portionLength)
        {
            var portion = extendedPacket.AsSpan(offset, Math.Min(portionLength, extendedPacket.Length - offset));
            var payload = new byte[ExtensionHeaderLength + portion.Length];
            ExtensionSignature.CopyTo(payload);
            Encoding.ASCII.GetBytes(guid, payload.AsSpan(ExtensionSignature.Length));
            BinaryPrimitives.WriteInt32BigEndian(payload.AsSpan(ExtensionSignature.Length + GuidLength), extendedPacket.Length);
            BinaryPrimitives.WriteInt32BigEndian(payload.AsSpan(ExtensionSignature.Length + GuidLength + 4), offset);
            portion.CopyTo(payload.AsSpan(ExtensionHeaderLength));
            yield return payload;
        }
    }

    /// <summary>The extended packet put together from the segments carrying <paramref name="guid"/>, or null if incomplete.</summary>
    private static byte[]? AssembleExtension(IReadOnlyList<JpegSegment> segments, string guid)
    {
        byte[]? extended = null;
        long covered = 0;
        foreach (var segment in segments)
        {
            var payload = segment.Payload.AsSpan();
            if (payload.Length < ExtensionHeaderLength
                || !Encoding.ASCII.GetString(payload.Slice(ExtensionSignature.Length, GuidLength)).Equals(guid, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var fullLength = BinaryPrimitives.ReadUInt32BigEndian(payload[(ExtensionSignature.Length + GuidLength)..]);
            var offset = BinaryPrimitives.ReadUInt32BigEndian(payload[(ExtensionSignature.Length + GuidLength + 4)..]);
            var portion = payload[ExtensionHeaderLength..];
            if (fullLength > MaxExtendedLength || (extended is not null && extended.Length != fullLength) || offset + (uint)portion.Length > fullLength)
            {
                return null;
            }

            extended ??= new byte[fullLength];
            portion.CopyTo(extended.AsSpan((int)offset));
            covered += portion.Length;
        }

        return extended is not null && covered == extended.Length ? extended : null;
    }

    /// <summary>Top-level properties that may move to the extended part, largest first.</summary>
    private static List<(string Namespace, string Path)> MovableProperties(IXmpMeta xmp)
    {
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var property in xmp.Properties)
        {
            var path = property.Path;
            if (string.IsNullOrEmpty(path))
            {
                continue;
            }

            var end = path.IndexOfAny(['/', '[']);
            var top = end < 0 ? path : path[..end];
            sizes[top] = sizes.GetValueOrDefault(top) + path.Length + (property.Value?.Length ?? 0);
        }

        var movable = new List<(string Namespace, string Path)>();
        foreach (var (ns, path) in TopLevelProperties(xmp))
        {
            if (!IsWrittenProperty(ns, path))
            {
                movable.Add((ns, path));
            }
        }

        movable.Sort((a, b) => sizes.GetValueOrDefault(b.Path).CompareTo(sizes.GetValueOrDefault(a.Path)));
        return movable;
    }

    private static List<(string Namespace, string Path)> TopLevelProperties(IXmpMeta xmp)
    {
        var properties = new List<(string Namespace, string Path)>();
        foreach (var property in xmp.Properties)
        {
            var path = property.Path;
            if (!string.IsNullOrEmpty(path) && path.IndexOfAny(['/', '[']) < 0)
            {
                properties.Add((property.Namespace, path));
            }
        }

        return properties;
    }

    private static bool IsWrittenProperty(string ns, string path)
    {
        var name = path[(path.IndexOf(':', StringComparison.Ordinal) + 1)..];
        foreach (var (writtenNs, writtenName) in XmpPacketBuilder.WrittenProperties)
        {
            if (string.Equals(ns, writtenNs, StringComparison.Ordinal) && string.Equals(name, writtenName, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return string.Equals(ns, XmpConstants.NsXmpNote, StringComparison.Ordinal);
    }

    [SuppressMessage("Security", "CA5351:Do Not Use Broken Cryptographic Algorithms", Justification = "XMP Part 3 names the extended packet by its MD5; it is an identifier, not a security measure.")]
    private static string Md5Hex(byte[] bytes) => Convert.ToHexString(MD5.HashData(bytes));
}
