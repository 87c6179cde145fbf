namespace TagMyStock.Imaging.Embedding;

public sealed class TailCopierTests
{
    private static ReadOnlySpan<byte> EndOfImage => [0xFF, 0xD9];

    public static TheoryData<string> Images => [.. TestData.Jpegs, .. TestData.Pngs];

    [Theory]
    [MemberData(nameof(Images))]
    public void Embedding_file_to_file_gives_the_same_bytes_as_embedding_stream_to_stream(string dataName)
    {
        using var folder = new TemporaryFolder();
        var source = folder.Copy(dataName);
        var destination = Path.Combine(folder.Path, "tagged");

        MetadataEmbedder.EmbedFile(source, destination, TestData.Unicode);

        Assert.Equal(Embedded.Bytes(dataName, TestData.Unicode), File.ReadAllBytes(destination));
    }

    /// <summary>Trailing bytes after the marker; 65,535 and 65,536 put it across the boundary of the blocks searched.</summary>
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(65_535)]
    [InlineData(65_536)]
    [InlineData(200_000)]
    public void Between_files_the_tail_is_copied_after_what_was_written_and_the_marker_found_wherever_it_is(int trailing)
    {
        using var folder = new TemporaryFolder();
        var image = TestData.Bytes("progressive.jpg");
        var tail = (byte[])[.. image, .. new byte[trailing]];
        var path = folder.Write("source", [.. "metadata"u8, .. tail]);

        var (copied, found) = CopyBetweenFiles(path, Path.Combine(folder.Path, "copy"));

        Assert.True(found);
        Assert.Equal([.. "header"u8, .. tail], copied);
    }

    [Fact]
    public void Between_files_a_tail_without_the_marker_is_copied_and_reported()
    {
        using var folder = new TemporaryFolder();
        var image = TestData.Bytes("baseline.jpg");
        var path = folder.Write("source", [.. "metadata"u8, .. image[..^2]]);

        var (copied, found) = CopyBetweenFiles(path, Path.Combine(folder.Path, "copy"));

        Assert.False(found);
        Assert.Equal([.. "header"u8, .. image[..^2]], copied);
    }

    [Fact]
    public void Across_file_systems_the_kernel_declines_and_the_tail_is_streamed()
    {
        const string sharedMemory = "/dev/shm";
        if (!OperatingSystem.IsLinux() || !DriveInfo.GetDrives().Any(drive => drive.RootDirectory.FullName == sharedMemory)
            || Path.GetFullPath(Path.GetTempPath()).StartsWith(sharedMemory, StringComparison.Ordinal))
        {
            Assert.Skip("Needs Linux with a tmpfs at /dev/shm apart from the temporary folder.");
        }

        using var folder = new TemporaryFolder();
        var image = TestData.Bytes("extended-xmp.jpg");
        var source = Path.Combine(sharedMemory, $"tagmystock-{Guid.NewGuid():N}");
        File.WriteAllBytes(source, [.. "metadata"u8, .. image]);
        try
        {
            using (var input = File.OpenRead(source))
            using (var output = File.Create(Path.Combine(folder.Path, "probe")))
            {
                long inputOffset = 0, outputOffset = 0;
                Assert.False(FileRangeCopy.TryCopyToEnd(input.SafeFileHandle, ref inputOffset, output.SafeFileHandle, ref outputOffset));
                Assert.Equal((0, 0), (inputOffset, outputOffset));
            }

            var (copied, found) = CopyBetweenFiles(source, Path.Combine(folder.Path, "copy"));

            Assert.True(found);
            Assert.Equal([.. "header"u8, .. image], copied);
        }
        finally
        {
            File.Delete(source);
        }
    }

    /// <summary>Copies <paramref name="source"/> after its 8-byte "metadata" into a file started with a buffered "header".</summary>
    private static (byte[] Copied, bool Found) CopyBetweenFiles(string source, string destination)
    {
        bool found;
        using (var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 4096))
        using (var output = new FileStream(destination, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 4096))
        {
            input.ReadExactly(new byte[8]);
            output.Write("header"u8);
            found = TailCopier.CopyToEnd(input, output, EndOfImage);
            Assert.Equal(input.Length, input.Position);
            Assert.Equal(output.Length, output.Position);
        }

        return (File.ReadAllBytes(destination), found);
    }
}
