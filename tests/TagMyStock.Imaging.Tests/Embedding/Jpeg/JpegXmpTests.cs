using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using TagMyStock.Imaging.Embedding.Xmp;
using XmpCore;

namespace TagMyStock.Imaging.Embedding.Jpeg;

public sealed class JpegXmpTests
{
    private const int ExtensionHeaderLength = 35 + 32 + 4 + 4;

    [Fact]
    public void A_packet_that_fits_is_one_segment_with_padding()
    {
        var xmp = XmpMetaFactory.Create();
        xmp.SetProperty(XmpConstants.NsXmp, "Rating", "3");

        var payload = Assert.Single(JpegXmp.Write(xmp, "photo.jpg"));

        Assert.True(payload.AsSpan().StartsWith(JpegXmp.StandardSignature));
        Assert.True(payload.Length > 2048, "no room was left for in-place editors");
    }

    [Fact]
    public void Xmp_too_large_for_one_segment_is_split_per_part_3_and_reads_back_whole()
    {
        var large = string.Join(' ', Enumerable.Range(0, 20_000).Select(index => index.ToString("x", System.Globalization.CultureInfo.InvariantCulture)));
        var xmp = XmpMetaFactory.Create();
        xmp.SetProperty(XmpConstants.NsDC, "source", large);
        xmp.SetProperty(XmpConstants.NsPhotoshop, "Headline", "kept in the main packet");

        var payloads = JpegXmp.Write(xmp, "photo.jpg");

        var standard = payloads[0];
        var extensions = payloads[1..];
        Assert.NotEmpty(extensions);
        Assert.All(payloads, payload => Assert.True(payload.Length <= ushort.MaxValue - 2));
        var main = XmpMetaFactory.ParseFromBuffer(standard, JpegXmp.StandardSignature.Length, standard.Length - JpegXmp.StandardSignature.Length);
        Assert.Equal("kept in the main packet", main.GetPropertyString(XmpConstants.NsPhotoshop, "Headline"));
        Assert.False(main.DoesPropertyExist(XmpConstants.NsDC, "source"));
        var guid = main.GetPropertyString(XmpConstants.NsXmpNote, "HasExtendedXMP");
        var extended = Assemble(extensions, guid);
        Assert.Equal(Convert.ToHexString(MD5.HashData(extended)), guid);

        var segments = payloads.Select(payload => new JpegSegment(JpegSegment.App1, payload)).ToList();
        var warnings = new List<string>();
        var read = JpegXmp.Read([segments[0]], segments[1..], "photo.jpg", warnings)!;
        Assert.Equal(large, read.GetPropertyString(XmpConstants.NsDC, "source"));
        Assert.False(read.DoesPropertyExist(XmpConstants.NsXmpNote, "HasExtendedXMP"));
        Assert.Empty(warnings);
    }

    [Fact]
    public void Several_standard_packets_are_merged_and_stale_extensions_ignored()
    {
        var first = XmpMetaFactory.Create();
        first.SetProperty(XmpConstants.NsXmp, "Rating", "4");
        var second = XmpMetaFactory.Create();
        second.SetProperty(XmpConstants.NsDC, "format", "image/jpeg");
        byte[] stale = [.. JpegXmp.ExtensionSignature, .. Encoding.ASCII.GetBytes(new string('A', 32)), 0, 0, 0, 4, 0, 0, 0, 0, .. "<x/>"u8];

        var read = JpegXmp.Read(
            [Segment(first), Segment(second)],
            [new JpegSegment(JpegSegment.App1, stale)],
            "photo.jpg",
            [])!;

        Assert.Equal("4", read.GetPropertyString(XmpConstants.NsXmp, "Rating"));
        Assert.Equal("image/jpeg", read.GetPropertyString(XmpConstants.NsDC, "format"));
    }

    [Fact]
    public void Unparsable_xmp_stops_the_embed_rather_than_losing_it()
    {
        var broken = new JpegSegment(JpegSegment.App1, [.. JpegXmp.StandardSignature, .. "<x:xmpmeta><rdf:RDF"u8]);

        var exception = Assert.Throws<ImageFileException>(() => JpegXmp.Read([broken], [], "photo.jpg", []));

        Assert.StartsWith("photo.jpg holds XMP metadata that cannot be parsed", exception.Message, StringComparison.Ordinal);
    }

    private static JpegSegment Segment(IXmpMeta xmp) =>
        new(JpegSegment.App1, [.. JpegXmp.StandardSignature, .. XmpPacketBuilder.Serialize(xmp, padding: 0)]);

    private static byte[] Assemble(IReadOnlyList<byte[]> extensions, string guid)
    {
        var fullLength = BinaryPrimitives.ReadUInt32BigEndian(extensions[0].AsSpan(35 + 32));
        var extended = new byte[fullLength];
        foreach (var extension in extensions)
        {
            Assert.Equal(guid, Encoding.ASCII.GetString(extension, 35, 32));
            var offset = BinaryPrimitives.ReadUInt32BigEndian(extension.AsSpan(35 + 32 + 4));
            extension.AsSpan(ExtensionHeaderLength).CopyTo(extended.AsSpan((int)offset));
        }

        return extended;
    }
}
