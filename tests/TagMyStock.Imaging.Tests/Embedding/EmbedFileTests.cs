namespace TagMyStock.Imaging.Embedding;

public sealed class EmbedFileTests
{
    [Fact]
    public void Embedding_in_place_replaces_the_file_and_leaves_no_temporary_file()
    {
        using var folder = new TemporaryFolder();
        var path = folder.Copy("baseline.jpg", "photo.jpg");

        MetadataEmbedder.EmbedFile(path, path, TestData.Unicode);

        Assert.Equal(Embedded.Bytes("baseline.jpg", TestData.Unicode), File.ReadAllBytes(path));
        Assert.Equal([path], folder.Files());
    }

    [Fact]
    public void Embedding_to_another_file_leaves_the_source_untouched()
    {
        using var folder = new TemporaryFolder();
        var source = folder.Copy("plain.png", "render.png");
        var destination = Path.Combine(folder.Path, "tagged.png");

        MetadataEmbedder.EmbedFile(source, destination, TestData.Unicode);

        Assert.Equal(TestData.Bytes("plain.png"), File.ReadAllBytes(source));
        Assert.Equal(Embedded.Bytes("plain.png", TestData.Unicode), File.ReadAllBytes(destination));
    }

    [Theory]
    [InlineData(100, "photo.jpg is truncated: it ends inside its APP1 segment, before the image data.")]
    [InlineData(400, "photo.jpg is truncated: it ends inside its DQT segment, before the image data.")]
    [InlineData(5000, "photo.jpg is truncated: its image data stops before the end-of-image marker.")]
    public void A_truncated_jpeg_is_refused_and_the_original_left_as_it_was(int length, string message)
    {
        using var folder = new TemporaryFolder();
        var truncated = TestData.Bytes("baseline.jpg")[..length];
        var path = folder.Write("photo.jpg", truncated);

        var exception = Assert.Throws<ImageFileException>(() => MetadataEmbedder.EmbedFile(path, path, TestData.Unicode));

        Assert.Equal(message, exception.Message);
        Assert.Equal(truncated, File.ReadAllBytes(path));
        Assert.Equal([path], folder.Files());
    }

    [Fact]
    public void A_truncated_png_is_refused()
    {
        using var folder = new TemporaryFolder();
        var path = folder.Write("render.png", TestData.Bytes("plain.png")[..50_000]);

        var exception = Assert.Throws<ImageFileException>(() => MetadataEmbedder.EmbedFile(path, path, TestData.Unicode));

        Assert.Equal("render.png is truncated: its image data stops before the IEND chunk.", exception.Message);
        Assert.Equal([path], folder.Files());
    }

    [Fact]
    public void A_gif_named_jpg_is_refused_by_its_bytes()
    {
        using var folder = new TemporaryFolder();
        var path = folder.Write("photo.jpg", "GIF89a\u0001\0\u0001\0\0\0\0;"u8.ToArray());

        var exception = Assert.Throws<ImageFileException>(() => MetadataEmbedder.EmbedFile(path, path, TestData.Unicode));

        Assert.Equal(
            "photo.jpg is not a JPEG or PNG file (it starts with 'GIF8', a GIF image); metadata can be embedded into JPEG and PNG files only.",
            exception.Message);
    }

    [Fact]
    public void A_webp_is_refused_with_the_supported_formats()
    {
        using var folder = new TemporaryFolder();
        var path = folder.Copy("plain.webp", "image.jpg");

        var exception = Assert.Throws<ImageFileException>(() => MetadataEmbedder.EmbedFile(path, path, TestData.Unicode));

        Assert.Contains("image.jpg is not a JPEG or PNG file (it starts with 'RIFF', a WebP image)", exception.Message, StringComparison.Ordinal);
        Assert.Equal(TestData.Bytes("plain.webp"), File.ReadAllBytes(path));
    }

    [Fact]
    public void Binary_garbage_is_described_by_its_first_bytes()
    {
        using var source = new MemoryStream([0x00, 0x01, 0xFE, 0x7F, 0x10]);

        var exception = Assert.Throws<ImageFileException>(() => MetadataEmbedder.Embed(source, Stream.Null, TestData.Unicode));

        Assert.StartsWith("The image is not a JPEG or PNG file (it starts with 0x00 0x01 0xFE 0x7F)", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_read_only_file_is_refused_and_left_as_it_was()
    {
        using var folder = new TemporaryFolder();
        var path = folder.Copy("baseline.jpg", "photo.jpg");
        File.SetAttributes(path, FileAttributes.ReadOnly);

        var exception = Assert.Throws<ImageFileException>(() => MetadataEmbedder.EmbedFile(path, path, TestData.Unicode));

        Assert.Equal("photo.jpg is read-only.", exception.Message);
        Assert.Equal(TestData.Bytes("baseline.jpg"), File.ReadAllBytes(path));
        Assert.Equal([path], folder.Files());
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, "gone.jpg");

        var exception = Assert.Throws<ImageFileException>(() => MetadataEmbedder.EmbedFile(path, path, TestData.Unicode));

        Assert.Equal("gone.jpg does not exist.", exception.Message);
        Assert.Empty(folder.Files());
    }

    [Fact]
    public void An_empty_file_is_named()
    {
        using var folder = new TemporaryFolder();
        var path = folder.Write("empty.png", []);

        var exception = Assert.Throws<ImageFileException>(() => MetadataEmbedder.EmbedFile(path, path, TestData.Unicode));

        Assert.Equal("empty.png is empty.", exception.Message);
    }
}
