using TagMyStock.Core.Metadata;
using static TagMyStock.Imaging.ExternalReaders;

namespace TagMyStock.Imaging.Embedding;

public sealed class JpegEmbeddingTests
{
    public static TheoryData<string> Jpegs => [.. TestData.Jpegs];

    [Theory]
    [MemberData(nameof(Jpegs))]
    public void Exiftool_reads_every_field_written(string name)
    {
        using var folder = new TemporaryFolder();
        var output = folder.Write(name, Embedded.Bytes(name, TestData.Unicode));

        var tags = Exiftool(output);

        var metadata = TestData.Unicode;
        AssertXmpFields(tags, metadata);
        Assert.Equal(DigitalSourceType.TrainedAlgorithmicMedia, metadata.EffectiveDigitalSourceType);
        Assert.Equal("\u001B%G", Value(tags, "IPTC:CodedCharacterSet"));
        Assert.Equal(metadata.Title, Value(tags, "IPTC:ObjectName"));
        Assert.Equal(metadata.Title, Value(tags, "IPTC:Headline"));
        Assert.Equal(metadata.Description, Value(tags, "IPTC:Caption-Abstract"));
        Assert.Equal(metadata.Keywords, Values(tags, "IPTC:Keywords"));
        Assert.Equal(Value(tags, "File:CurrentIPTCDigest"), Value(tags, "Photoshop:IPTCDigest"));
    }

    [Theory]
    [MemberData(nameof(Jpegs))]
    public void Exiv2_reads_every_field_written(string name)
    {
        using var folder = new TemporaryFolder();
        var output = folder.Write(name, Embedded.Bytes(name, TestData.Unicode));

        var values = Exiv2(output);

        var metadata = TestData.Unicode;
        Assert.Equal([metadata.Title], Exiv2Values(values, "Xmp.dc.title"));
        Assert.Equal([metadata.Title], Exiv2Values(values, "Xmp.photoshop.Headline"));
        Assert.Equal([metadata.Description], Exiv2Values(values, "Xmp.dc.description"));
        Assert.Equal([string.Join(", ", metadata.Keywords)], Exiv2Values(values, "Xmp.dc.subject"));
        Assert.Equal([DigitalSourceType.TrainedAlgorithmicMedia], Exiv2Values(values, "Xmp.iptcExt.DigitalSourceType"));
        Assert.Equal([metadata.Title], Exiv2Values(values, "Iptc.Application2.ObjectName"));
        Assert.Equal([metadata.Description], Exiv2Values(values, "Iptc.Application2.Caption"));
        Assert.Equal(metadata.Keywords, Exiv2Values(values, "Iptc.Application2.Keywords"));
    }

    [Theory]
    [MemberData(nameof(Jpegs))]
    public void Image_data_and_every_other_segment_stay_byte_identical(string name)
    {
        var original = ImageStructure.Jpeg(TestData.Bytes(name));

        var embedded = ImageStructure.Jpeg(Embedded.Bytes(name, TestData.Unicode));

        Assert.Equal(original.ImageData, embedded.ImageData);
        Assert.Equal(
            original.Segments.Where(segment => !segment.IsMetadataWeWrite).Select(segment => (segment.Marker, Convert.ToHexString(segment.Payload))),
            embedded.Segments.Where(segment => !segment.IsMetadataWeWrite).Select(segment => (segment.Marker, Convert.ToHexString(segment.Payload))));
    }

    [Theory]
    [MemberData(nameof(Jpegs))]
    public void Exiftool_validation_finds_no_new_warning(string name)
    {
        using var folder = new TemporaryFolder();
        var input = folder.Copy(name, "input.jpg");
        var output = folder.Write("output.jpg", Embedded.Bytes(name, TestData.Unicode));

        var added = ExiftoolWarnings(output);
        added.ExceptWith(ExiftoolWarnings(input));

        Assert.Empty(added);
    }

    [Theory]
    [InlineData("baseline.jpg", new byte[] { 0xE0, 0xE1 })]
    [InlineData("no-app-segments.jpg", new byte[] { })]
    [InlineData("cmyk.jpg", new byte[] { })]
    public void Xmp_follows_jfif_and_exif_and_photoshop_follows_xmp(string name, byte[] leadingMarkers)
    {
        var segments = ImageStructure.Jpeg(Embedded.Bytes(name, TestData.Unicode)).Segments;

        Assert.Equal(leadingMarkers, segments.Take(leadingMarkers.Length).Select(segment => segment.Marker));
        Assert.True(segments[leadingMarkers.Length].IsXmp, $"segment {leadingMarkers.Length} is {segments[leadingMarkers.Length]}, not XMP");
        Assert.True(segments[leadingMarkers.Length + 1].IsPhotoshop, $"segment {leadingMarkers.Length + 1} is {segments[leadingMarkers.Length + 1]}, not APP13");
    }

    [Fact]
    public void Existing_photoshop_resources_and_other_iptc_and_xmp_are_kept()
    {
        using var folder = new TemporaryFolder();
        var input = Exiftool(folder.Copy("photoshop-app13.jpg", "input.jpg"));
        var output = Exiftool(folder.Write("output.jpg", Embedded.Bytes("photoshop-app13.jpg", TestData.Other)));

        string[] kept =
        [
            "Photoshop:XResolution", "Photoshop:YResolution", "Photoshop:DisplayedUnitsX", "Photoshop:CopyrightFlag", "Photoshop:URL",
            "IPTC:By-line", "IPTC:City", "IPTC:CopyrightNotice", "IPTC:EnvelopeRecordVersion",
            "XMP-dc:Creator", "XMP-dc:Rights", "XMP-photoshop:City", "XMP-xmp:CreatorTool", "IFD0:Make", "File:Comment",
        ];
        foreach (var tag in kept)
        {
            Assert.True(input.ContainsKey(tag), $"the sample lacks {tag}");
            Assert.Equal(Values(input, tag), Values(output, tag));
        }

        Assert.Equal("Zürich", Value(output, "IPTC:City"));
        Assert.Equal(TestData.Other.Keywords, Values(output, "IPTC:Keywords"));
        Assert.Equal(TestData.Other.Keywords, Values(output, "XMP-dc:Subject"));
        Assert.Equal(Value(output, "File:CurrentIPTCDigest"), Value(output, "Photoshop:IPTCDigest"));
        Assert.NotEqual(Value(input, "Photoshop:IPTCDigest"), Value(output, "Photoshop:IPTCDigest"));
    }

    [Fact]
    public void Retagging_replaces_fields_without_duplicating_anything()
    {
        var once = Embedded.Bytes("photoshop-app13.jpg", TestData.Unicode);
        var twice = Embedded.Bytes(once, TestData.Other);
        var backAgain = Embedded.Bytes(twice, TestData.Unicode);

        using var folder = new TemporaryFolder();
        var tags = Exiftool(folder.Write("twice.jpg", twice));
        Assert.Equal([TestData.Other.Title], Values(tags, "IPTC:ObjectName"));
        Assert.Equal(TestData.Other.Keywords, Values(tags, "IPTC:Keywords"));
        Assert.Equal(TestData.Other.Keywords, Values(tags, "XMP-dc:Subject"));
        Assert.False(tags.ContainsKey("XMP-iptcExt:DigitalSourceType"), "the digital source type outlived a non-AI retag");
        var segments = ImageStructure.Jpeg(twice).Segments;
        Assert.Single(segments, segment => segment.IsXmp);
        Assert.Single(segments, segment => segment.IsPhotoshop);
        Assert.Equal(once, backAgain);
    }

    [Fact]
    public void An_empty_keyword_list_removes_subject_and_iptc_keywords()
    {
        var tagged = Embedded.Bytes("baseline.jpg", TestData.Unicode);

        using var folder = new TemporaryFolder();
        var tags = Exiftool(folder.Write("cleared.jpg", Embedded.Bytes(tagged, TestData.Unicode with { Keywords = [] })));

        Assert.False(tags.ContainsKey("XMP-dc:Subject"));
        Assert.False(tags.ContainsKey("IPTC:Keywords"));
        Assert.Equal(TestData.Unicode.Title, Value(tags, "IPTC:ObjectName"));
    }

    [Fact]
    public void Long_titles_are_cut_in_iptc_at_a_character_boundary_and_kept_whole_in_xmp()
    {
        var title = string.Concat(Enumerable.Repeat("日本", 20));
        using var folder = new TemporaryFolder();
        var output = folder.Write("long.jpg", Embedded.Bytes("baseline.jpg", TestData.Other with { Title = title }));

        var tags = Exiftool(output);

        Assert.Equal(title, Value(tags, "XMP-dc:Title"));
        Assert.Equal(title[..21], Value(tags, "IPTC:ObjectName"));
        Assert.Empty(ExiftoolWarnings(output));
    }

    [Fact]
    public void Extended_xmp_is_merged_and_written_again_consistently()
    {
        using var folder = new TemporaryFolder();
        var input = Exiftool(folder.Copy("extended-xmp.jpg", "input.jpg"));
        var outputPath = folder.Write("output.jpg", Embedded.Bytes("extended-xmp.jpg", TestData.Unicode));

        var output = Exiftool(outputPath);

        Assert.True(Value(input, "XMP-dc:Source")?.Length > 65536, "the sample's extended XMP is missing");
        Assert.Equal(Value(input, "XMP-dc:Source"), Value(output, "XMP-dc:Source"));
        Assert.Equal(Value(input, "XMP-xmp:Rating"), Value(output, "XMP-xmp:Rating"));
        Assert.Equal(TestData.Unicode.Title, Value(output, "XMP-dc:Title"));
        Assert.Equal(TestData.Unicode.Keywords, Values(output, "XMP-dc:Subject"));
        Assert.Empty(ExiftoolWarnings(outputPath));
        var segments = ImageStructure.Jpeg(File.ReadAllBytes(outputPath)).Segments;
        Assert.Single(segments, segment => segment.IsXmp);
        Assert.Contains(segments, segment => segment.IsExtendedXmp);
    }
}
