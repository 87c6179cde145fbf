using static TagMyStock.Imaging.ExternalReaders;

namespace TagMyStock.Imaging.Embedding;

/// <summary>Files whose XMP repeats properties (GIMP 2.8) are repaired, reported, and embedded into.</summary>
public sealed class RepeatedXmpPropertyTests
{
    /// <summary>Each repeated property of <see cref="RepeatedXmp.Packet"/> with its first value, as exiftool (-n) names it.</summary>
    private static readonly (string Tag, string Value)[] FirstValues =
    [
        ("XMP-exif:Make", "SONY"),
        ("XMP-exif:XResolution", "350"),
        ("XMP-exif:Software", "DSC-RX100M4 v2.00"),
        ("XMP-exif:ColorSpace", "1"),
        ("XMP-exif:FlashFired", "false"),
        ("XMP-exif:FlashMode", "2"),
    ];

    [Fact]
    public void Embedding_reports_what_was_repaired_in_plain_words()
    {
        using var folder = new TemporaryFolder();
        var path = folder.Write("photo.jpg", RepeatedXmp.Jpeg());

        var outcome = MetadataEmbedder.EmbedFile(path, path, TestData.Unicode);

        Assert.Equal([RepeatedXmp.Warning("photo.jpg")], outcome.Warnings);
        Assert.Equal([path], folder.Files());
    }

    [Fact]
    public void A_file_without_repeats_reports_nothing()
    {
        using var folder = new TemporaryFolder();
        var path = folder.Copy("photoshop-app13.jpg", "photo.jpg");

        var outcome = MetadataEmbedder.EmbedFile(path, path, TestData.Unicode);

        Assert.Empty(outcome.Warnings);
    }

    [Fact]
    public void Exiftool_reads_our_fields_and_each_repeated_property_once_with_its_first_value()
    {
        using var folder = new TemporaryFolder();
        var output = folder.Write("output.jpg", Embedded.Bytes(RepeatedXmp.Jpeg(), TestData.Unicode));

        var tags = Exiftool(output);

        Assert.Equal(TestData.Unicode.Title, Value(tags, "XMP-dc:Title"));
        Assert.Equal(TestData.Unicode.Description, Value(tags, "XMP-dc:Description"));
        Assert.Equal(TestData.Unicode.Keywords, Values(tags, "XMP-dc:Subject"));
        Assert.Equal(TestData.Unicode.Title, Value(tags, "IPTC:ObjectName"));
        Assert.Equal(TestData.Unicode.Keywords, Values(tags, "IPTC:Keywords"));
        foreach (var (tag, value) in FirstValues)
        {
            Assert.Equal([value], Values(tags, tag));
        }
    }

    [Fact]
    public void Exiv2_reads_our_fields_and_each_repeated_property_once_with_its_first_value()
    {
        using var folder = new TemporaryFolder();
        var output = folder.Write("output.jpg", Embedded.Bytes(RepeatedXmp.Jpeg(), TestData.Unicode));

        var values = Exiv2(output);

        Assert.Equal([TestData.Unicode.Title], Exiv2Values(values, "Xmp.dc.title"));
        Assert.Equal([string.Join(", ", TestData.Unicode.Keywords)], Exiv2Values(values, "Xmp.dc.subject"));
        Assert.Equal(TestData.Unicode.Keywords, Exiv2Values(values, "Iptc.Application2.Keywords"));
        Assert.Equal(["SONY"], Exiv2Values(values, "Xmp.exif.Make"));
        Assert.Equal(["350"], Exiv2Values(values, "Xmp.exif.XResolution"));
        Assert.Equal(["DSC-RX100M4 v2.00"], Exiv2Values(values, "Xmp.exif.Software"));
        Assert.Equal(["1"], Exiv2Values(values, "Xmp.exif.ColorSpace"));
        Assert.Equal([""], Exiv2Values(values, "Xmp.exif.ImageDescription"));
        Assert.Equal(["False"], Exiv2Values(values, "Xmp.exif.Flash/exif:Fired"));
    }

    [Fact]
    public void Image_data_and_every_other_segment_stay_byte_identical()
    {
        var input = RepeatedXmp.Jpeg();
        var original = ImageStructure.Jpeg(input);

        var embedded = ImageStructure.Jpeg(Embedded.Bytes(input, TestData.Unicode));

        Assert.Equal(original.ImageData, embedded.ImageData);
        Assert.Equal(
            original.Segments.Where(segment => !segment.IsMetadataWeWrite).Select(segment => (segment.Marker, Convert.ToHexString(segment.Payload))),
            embedded.Segments.Where(segment => !segment.IsMetadataWeWrite).Select(segment => (segment.Marker, Convert.ToHexString(segment.Payload))));
    }

    [Fact]
    public void Exiftool_validation_finds_no_new_kind_of_warning_and_no_repeat_left()
    {
        using var folder = new TemporaryFolder();
        var input = folder.Write("input.jpg", RepeatedXmp.Jpeg());
        var output = folder.Write("output.jpg", Embedded.Bytes(RepeatedXmp.Jpeg(), TestData.Unicode));

        var before = ExiftoolWarnings(input);
        var after = ExiftoolWarnings(output);

        Assert.Contains("Duplicate XMP property: exif:Make", before);
        Assert.Empty(after.Except(before));
        Assert.DoesNotContain(after, warning => warning.StartsWith("Duplicate XMP property", StringComparison.Ordinal));
    }

    [Fact]
    public void A_png_with_repeats_is_repaired_the_same_way()
    {
        using var folder = new TemporaryFolder();
        var path = folder.Write("render.png", RepeatedXmp.Png());

        var outcome = MetadataEmbedder.EmbedFile(path, path, TestData.Other);

        Assert.Equal([RepeatedXmp.Warning("render.png")], outcome.Warnings);
        var tags = Exiftool(path);
        Assert.Equal(TestData.Other.Keywords, Values(tags, "XMP-dc:Subject"));
        Assert.Equal(["DSC-RX100M4 v2.00"], Values(tags, "XMP-exif:Software"));
        Assert.Empty(ExiftoolWarnings(path));
    }

    [Fact]
    public void Xmp_that_is_not_well_formed_is_still_refused_and_the_file_left_untouched()
    {
        using var folder = new TemporaryFolder();
        var broken = RepeatedXmp.Jpeg(RepeatedXmp.Packet.Replace("</exif:Flash>", "", StringComparison.Ordinal));
        var path = folder.Write("photo.jpg", broken);

        var exception = Assert.Throws<ImageFileException>(() => MetadataEmbedder.EmbedFile(path, path, TestData.Unicode));

        Assert.StartsWith("photo.jpg holds XMP metadata that cannot be parsed (", exception.Message, StringComparison.Ordinal);
        Assert.EndsWith("); it was left unchanged so nothing in it is lost.", exception.Message, StringComparison.Ordinal);
        Assert.Contains("'exif:Flash'", exception.Message, StringComparison.Ordinal);
        Assert.Equal(broken, File.ReadAllBytes(path));
        Assert.Equal([path], folder.Files());
    }

    [Fact]
    public void Repeats_next_to_another_rdf_error_are_refused_naming_that_error()
    {
        using var folder = new TemporaryFolder();
        var invalid = RepeatedXmp.Jpeg(RepeatedXmp.Packet.Replace("rdf:parseType='Resource'", "rdf:parseType='Collection'", StringComparison.Ordinal));
        var path = folder.Write("photo.jpg", invalid);

        var exception = Assert.Throws<ImageFileException>(() => MetadataEmbedder.EmbedFile(path, path, TestData.Unicode));

        Assert.Equal(
            "photo.jpg holds XMP metadata that cannot be parsed (ParseTypeCollection property element not allowed); it was left unchanged so nothing in it is lost.",
            exception.Message);
        Assert.Equal(invalid, File.ReadAllBytes(path));
        Assert.Equal([path], folder.Files());
    }
}
