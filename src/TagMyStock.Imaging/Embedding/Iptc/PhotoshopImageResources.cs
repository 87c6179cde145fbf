using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace TagMyStock.Imaging.Embedding.Iptc;

/// <summary>
/// A sequence of Photoshop image resource blocks (Adobe Photoshop File Formats Specification, "Image Resource
/// Blocks"), as a JPEG carries it in APP13 after "Photoshop 3.0\0". Resources other than IPTC are kept byte for
/// byte and in their order.
/// </summary>
internal sealed class PhotoshopImageResources
{
    /// <summary>Resource 0x0404: the IPTC-NAA record (an IIM block).</summary>
    public const ushort IptcNaa = 0x0404;

    /// <summary>Resource 0x0425: MD5 of the IPTC-NAA record, which XMP-aware readers compare to spot stale IPTC.</summary>
    public const ushort IptcDigest = 0x0425;

    private static ReadOnlySpan<byte> ImageResourceSignature => "8BIM"u8;

    private readonly List<Resource> _resources;

    /// <summary>Bytes after the last resource that could be parsed, written back unchanged.</summary>
    private readonly byte[] _unparsedTail;

    private PhotoshopImageResources(List<Resource> resources, byte[] unparsedTail)
    {
        _resources = resources;
        _unparsedTail = unparsedTail;
    }

    public bool IsEmpty => _resources.Count == 0 && _unparsedTail.Length == 0;

    public static PhotoshopImageResources Parse(ReadOnlySpan<byte> blocks)
    {
        var resources = new List<Resource>();
        var position = 0;
        while (position < blocks.Length)
        {
            var resource = TryParse(blocks[position..], out var consumed);
            if (resource is null)
            {
                break;
            }

            resources.Add(resource);
            position += consumed;
        }

        return new PhotoshopImageResources(resources, blocks[position..].ToArray());
    }

    /// <summary>The data of the first "8BIM" resource with this id, or an empty span.</summary>
    public ReadOnlySpan<byte> Get(ushort id)
    {
        foreach (var resource in _resources)
        {
            if (resource.Id == id && resource.IsImageResource)
            {
                return resource.Data;
            }
        }

        return [];
    }

    /// <summary>
    /// Replaces the IPTC-NAA record and keeps its digest in step (the digest is added when missing, as
    /// Photoshop does). An empty block removes both.
    /// </summary>
    [SuppressMessage("Security", "CA5351:Do Not Use Broken Cryptographic Algorithms", Justification = "Photoshop defines the IPTC digest as MD5; it is a checksum, not a security measure.")]
    public void ReplaceIptc(byte[] iimBlock)
    {
        if (iimBlock.Length == 0)
        {
            _resources.RemoveAll(resource => resource.IsImageResource && resource.Id is IptcNaa or IptcDigest);
            return;
        }

        Set(IptcNaa, iimBlock);
        Set(IptcDigest, MD5.HashData(iimBlock));
    }

    public byte[] ToArray()
    {
        using var output = new MemoryStream();
        foreach (var resource in _resources)
        {
            resource.WriteTo(output);
        }

        output.Write(_unparsedTail);
        return output.ToArray();
    }

    /// <summary>Sets a resource in place, or inserts it before the first resource with a higher id (Photoshop's order).</summary>
    private void Set(ushort id, byte[] data)
    {
        var index = _resources.FindIndex(resource => resource.IsImageResource && resource.Id == id);
        if (index >= 0)
        {
            _resources[index] = _resources[index] with { Data = data };
            return;
        }

        var insertAt = _resources.FindIndex(resource => resource.Id > id);
        _resources.Insert(insertAt < 0 ? _resources.Count : insertAt, new Resource(ImageResourceSignature.ToArray(), id, [0, 0], data));
    }

    private static Resource? TryParse(ReadOnlySpan<byte> bytes, out int consumed)
    {
        consumed = 0;
        const int minimumLength = 4 + 2 + 2 + 4;
        if (bytes.Length < minimumLength || !IsSignature(bytes[..4]))
        {
            return null;
        }

        var id = BinaryPrimitives.ReadUInt16BigEndian(bytes[4..]);

        // The name is a Pascal string padded to an even length, counting its length byte.
        var nameLength = bytes[6] + 1;
        nameLength += nameLength % 2;
        var sizeOffset = 6 + nameLength;
        if (sizeOffset + 4 > bytes.Length)
        {
            return null;
        }

        var size = BinaryPrimitives.ReadUInt32BigEndian(bytes[sizeOffset..]);
        var dataOffset = sizeOffset + 4;
        if (size > (uint)(bytes.Length - dataOffset))
        {
            return null;
        }

        // Data is padded to an even length; some writers leave the pad byte off the last resource.
        consumed = Math.Min(bytes.Length, dataOffset + (int)size + (int)(size % 2));
        return new Resource(bytes[..4].ToArray(), id, bytes[6..sizeOffset].ToArray(), bytes.Slice(dataOffset, (int)size).ToArray());
    }

    /// <summary>"8BIM" in practice; the specification's other signatures are kept as they are.</summary>
    private static bool IsSignature(ReadOnlySpan<byte> signature)
    {
        foreach (var b in signature)
        {
            if (b is < 0x20 or > 0x7E)
            {
                return false;
            }
        }

        return true;
    }

    private sealed record Resource(byte[] Signature, ushort Id, byte[] PaddedName, byte[] Data)
    {
        public bool IsImageResource => Signature.AsSpan().SequenceEqual(ImageResourceSignature);

        public void WriteTo(Stream output)
        {
            Span<byte> header = stackalloc byte[6];
            Signature.CopyTo(header);
            BinaryPrimitives.WriteUInt16BigEndian(header[4..], Id);
            output.Write(header);
            output.Write(PaddedName);
            Span<byte> size = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(size, (uint)Data.Length);
            output.Write(size);
            output.Write(Data);
            if (Data.Length % 2 == 1)
            {
                output.WriteByte(0);
            }
        }
    }
}
