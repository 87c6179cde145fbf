using TagMyStock.Core.Metadata;
using TagMyStock.Imaging.Embedding;

namespace TagMyStock.Imaging.Reading;

public sealed class EmbeddedMetadataReaderTests
{
    public static TheoryData<string> EmbeddableFiles => [.. TestData.Jpegs, .. TestData.Pngs];

    [Theory]
    [MemberData(nameof(EmbeddableFiles))]
    public void What_was_embedded_reads_back_the_same(string name)
    {
        using var stream = new MemoryStream(Embedded.Bytes(name, TestData.Unicode));

        var read = EmbeddedMetadataReader.Read(stream, name);

        var metadata = read.Metadata;
        Assert.Equal(TestData.Unicode.Title, metadata.Title);
        Assert.Equal(TestData.Unicode.Description, metadata.Description);
        Assert.Equal(TestData.Unicode.Keywords, metadata.Keywords);
        Assert.True(metadata.Has(ContentFlags.AiGenerated));
        Assert.Equal(DigitalSourceType.TrainedAlgorithmicMedia, metadata.DigitalSourceType);
        Assert.Empty(read.Warnings);
    }

    [Fact]
    public void Iptc_alone_is_read_as_utf8_when_there_is_no_xmp()
    {
        var embedded = ImageStructure.Jpeg(Embedded.Bytes("baseline.jpg", TestData.Unicode));
        byte[] withoutXmp =
        [
            0xFF, 0xD8,
            .. embedded.Segments.Where(segment => !segment.IsXmp).SelectMany(segment => (byte[])[0xFF, segment.Marker, (byte)((segment.Payload.Length + 2) >> 8), (byte)(segment.Payload.Length + 2), .. segment.Payload]),
            .. embedded.ImageData,
        ];

        var metadata = EmbeddedMetadataReader.Read(new MemoryStream(withoutXmp), "iptc-only.jpg").Metadata;

        Assert.Equal(TestData.Unicode.Title, metadata.Title);
        Assert.Equal(TestData.Unicode.Description, metadata.Description);
        Assert.Equal(TestData.Unicode.Keywords, metadata.Keywords);
        Assert.False(metadata.Has(ContentFlags.AiGenerated));
    }

    [Fact]
    public void A_photoshop_tagged_jpeg_gives_its_fields_format_and_size()
    {
        var read = EmbeddedMetadataReader.Read(TestData.PathOf("photoshop-app13.jpg"));

        Assert.Equal("Old title", read.Metadata.Title);
        Assert.Equal("Old caption", read.Metadata.Description);
        Assert.Equal(["old", "stale"], read.Metadata.Keywords);
        Assert.Null(read.Metadata.DigitalSourceType);
        Assert.Equal("JPEG", read.Format);
        Assert.Equal((320, 240), (read.Width, read.Height));
        Assert.Null(read.GenerationPrompt);
        Assert.Null(read.GeneratorName);
    }

    [Fact]
    public void Xmp_that_repeats_properties_is_read_repaired_alongside_iptc()
    {
        var read = EmbeddedMetadataReader.Read(new MemoryStream(RepeatedXmp.Jpeg()), "gimp.jpg");

        Assert.Equal("Old title", read.Metadata.Title);
        Assert.Equal(["old", "stale"], read.Metadata.Keywords);
        Assert.Equal("Saved by GIMP", read.Metadata.Description);
        Assert.Equal([RepeatedXmp.Warning("gimp.jpg")], read.Warnings);
    }

    [Fact]
    public void Xmp_that_cannot_be_repaired_is_a_warning_and_iptc_is_still_read()
    {
        var broken = RepeatedXmp.Jpeg(RepeatedXmp.Packet.Replace("rdf:parseType='Resource'", "rdf:parseType='Collection'", StringComparison.Ordinal));

        var read = EmbeddedMetadataReader.Read(new MemoryStream(broken), "broken.jpg");

        Assert.Equal("Old title", read.Metadata.Title);
        Assert.Equal(["old", "stale"], read.Metadata.Keywords);
        Assert.Equal("Old caption", read.Metadata.Description);
        Assert.StartsWith("XMP: ", Assert.Single(read.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Automatic1111_parameters_give_the_prompt_and_the_model()
    {
        var read = EmbeddedMetadataReader.Read(TestData.PathOf("a1111.png"));

        Assert.Equal("a cozy cabin in a snowy pine forest at dusk, warm light in the windows, highly detailed", read.GenerationPrompt);
        Assert.Equal("sdxl_base_1.0", read.GeneratorName);
        Assert.Equal("Old PNG title", read.Metadata.Title);
        Assert.Equal("PNG", read.Format);
        Assert.Equal((160, 120), (read.Width, read.Height));
    }

    [Fact]
    public void A_comfyui_graph_gives_the_positive_prompt_and_the_checkpoint()
    {
        var read = EmbeddedMetadataReader.Read(TestData.PathOf("comfyui.png"));

        Assert.Equal("a red fox sitting in tall autumn grass, golden hour", read.GenerationPrompt);
        Assert.Equal("flux1-dev", read.GeneratorName);
    }

    [Fact]
    public void A_webp_is_read_though_it_cannot_be_embedded_into()
    {
        var read = EmbeddedMetadataReader.Read(TestData.PathOf("plain.webp"));

        Assert.Equal("WebP", read.Format);
        Assert.Equal((64, 48), (read.Width, read.Height));
        Assert.Equal(ImageMetadata.Empty, read.Metadata);
    }

    [Fact]
    public void A_file_that_is_not_an_image_is_reported_by_name()
    {
        var exception = Assert.Throws<ImageFileException>(() => EmbeddedMetadataReader.Read(new MemoryStream("hello, world"u8.ToArray()), "notes.jpg"));

        Assert.StartsWith("notes.jpg is not an image that can be read", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_reported_by_name()
    {
        var exception = Assert.Throws<ImageFileException>(() => EmbeddedMetadataReader.Read(Path.Combine(Path.GetTempPath(), "tagmystock-no-such-file.jpg")));

        Assert.Equal("tagmystock-no-such-file.jpg does not exist.", exception.Message);
    }
}
