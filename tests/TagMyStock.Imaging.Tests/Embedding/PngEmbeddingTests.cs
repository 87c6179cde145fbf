using System.IO.Compression;
using TagMyStock.Core.Metadata;
using TagMyStock.Imaging.Embedding.Png;
using XmpCore;
using static TagMyStock.Imaging.ExternalReaders;

namespace TagMyStock.Imaging.Embedding;

public sealed class PngEmbeddingTests
{
    public static TheoryData<string> Pngs => [.. TestData.Pngs];

    [Theory]
    [MemberData(nameof(Pngs))]
    public void Exiftool_and_exiv2_read_every_field_written(string name)
    {
        using var folder = new TemporaryFolder();
        var output = folder.Write(name, Embedded.Bytes(name, TestData.Unicode));

        var tags = Exiftool(output);
        var values = Exiv2(output);

        var metadata = TestData.Unicode;
        AssertXmpFields(tags, metadata);
        Assert.Equal(DigitalSourceType.TrainedAlgorithmicMedia, metadata.EffectiveDigitalSourceType);
        Assert.Equal([metadata.Title], Exiv2Values(values, "Xmp.dc.title"));
        Assert.Equal([metadata.Description], Exiv2Values(values, "Xmp.dc.description"));
        Assert.Equal([string.Join(", ", metadata.Keywords)], Exiv2Values(values, "Xmp.dc.subject"));
        Assert.Equal([DigitalSourceType.TrainedAlgorithmicMedia], Exiv2Values(values, "Xmp.iptcExt.DigitalSourceType"));
    }

    [Theory]
    [MemberData(nameof(Pngs))]
    public void Image_data_and_every_other_chunk_stay_byte_identical(string name)
    {
        var original = ImageStructure.Png(TestData.Bytes(name));

        var embedded = ImageStructure.Png(Embedded.Bytes(name, TestData.Unicode));

        Assert.Equal(
            original.Where(chunk => !ImageStructure.IsXmpChunk(chunk)).Select(chunk => Convert.ToHexString(chunk.Bytes)),
            embedded.Where(chunk => !ImageStructure.IsXmpChunk(chunk)).Select(chunk => Convert.ToHexString(chunk.Bytes)));
        var xmpChunk = Assert.Single(embedded, ImageStructure.IsXmpChunk);
        Assert.True(embedded.IndexOf(xmpChunk) < embedded.FindIndex(chunk => chunk.Type == "IDAT"), "the XMP chunk is after the image data");
    }

    [Theory]
    [MemberData(nameof(Pngs))]
    public void Exiftool_validation_finds_no_new_warning(string name)
    {
        using var folder = new TemporaryFolder();
        var input = folder.Copy(name, "input.png");
        var output = folder.Write("output.png", Embedded.Bytes(name, TestData.Unicode));

        var added = ExiftoolWarnings(output);
        added.ExceptWith(ExiftoolWarnings(input));

        Assert.Empty(added);
    }

    [Fact]
    public void Existing_xmp_is_merged_and_replaced_in_place_and_the_prompt_kept()
    {
        using var folder = new TemporaryFolder();
        var input = Exiftool(folder.Copy("a1111.png", "input.png"));
        var outputBytes = Embedded.Bytes(Embedded.Bytes("a1111.png", TestData.Unicode), TestData.Other);
        var output = Exiftool(folder.Write("output.png", outputBytes));

        foreach (var tag in new[] { "PNG:Parameters", "XMP-dc:Creator", "XMP-xmp:CreatorTool", "IFD0:Make", "IFD0:Model" })
        {
            Assert.True(input.ContainsKey(tag), $"the sample lacks {tag}");
            Assert.Equal(Values(input, tag), Values(output, tag));
        }

        Assert.Equal(TestData.Other.Title, Value(output, "XMP-dc:Title"));
        Assert.Equal(TestData.Other.Keywords, Values(output, "XMP-dc:Subject"));
        Assert.False(output.ContainsKey("XMP-iptcExt:DigitalSourceType"));
        var originalChunks = ImageStructure.Png(TestData.Bytes("a1111.png"));
        var chunks = ImageStructure.Png(outputBytes);
        Assert.Single(chunks, ImageStructure.IsXmpChunk);
        Assert.Equal(originalChunks.FindIndex(ImageStructure.IsXmpChunk), chunks.FindIndex(ImageStructure.IsXmpChunk));
    }

    [Fact]
    public void A_compressed_xmp_chunk_is_read_and_replaced_by_an_uncompressed_one()
    {
        var existing = XmpMetaFactory.Create();
        existing.SetProperty(XmpConstants.NsXmp, "Rating", "5");
        using var deflated = new MemoryStream();
        using (var deflater = new ZLibStream(deflated, CompressionLevel.Optimal, leaveOpen: true))
        {
            deflater.Write(XmpMetaFactory.SerializeToBuffer(existing, new() { OmitPacketWrapper = true }));
        }

        var chunk = PngChunk.Create("iTXt", [.. "XML:com.adobe.xmp"u8, 0, 1, 0, 0, 0, .. deflated.ToArray()]);
        using var withChunk = new MemoryStream();
        var plain = TestData.Bytes("plain.png");
        withChunk.Write(plain.AsSpan(0, 8 + 25));
        chunk.WriteTo(withChunk);
        withChunk.Write(plain.AsSpan(8 + 25));

        var output = Embedded.Bytes(withChunk.ToArray(), TestData.Other);

        var xmpChunk = Assert.Single(ImageStructure.Png(output), ImageStructure.IsXmpChunk);
        Assert.Equal(0, xmpChunk.Bytes[8 + "XML:com.adobe.xmp".Length + 1]);
        using var folder = new TemporaryFolder();
        var tags = Exiftool(folder.Write("output.png", output));
        Assert.Equal("5", Value(tags, "XMP-xmp:Rating"));
        Assert.Equal(TestData.Other.Title, Value(tags, "XMP-dc:Title"));
    }
}
