using TagMyStock.Core.Metadata;
using TagMyStock.Imaging.Embedding.Jpeg;
using TagMyStock.Imaging.Embedding.Png;

namespace TagMyStock.Imaging.Embedding;

/// <summary>
/// Writes a copy of an image with title, description, keywords and the AI digital source type embedded, without
/// re-encoding a pixel: IPTC-IIM and XMP for JPEG, XMP for PNG. What the file already holds is merged, not lost.
/// </summary>
public static class MetadataEmbedder
{
    private const string StreamName = "The image";
    private const int FileBufferSize = 1 << 16;

    /// <summary>
    /// Writes <paramref name="source"/> with <paramref name="metadata"/> embedded to <paramref name="destination"/>.
    /// The format comes from the bytes, never from a name. Only the metadata region is parsed; the image data is
    /// streamed. On an <see cref="ImageFileException"/> about the image data, part of the copy may already be in
    /// <paramref name="destination"/>: <see cref="EmbedFile"/> cleans that up for files.
    /// </summary>
    /// <param name="options">What to keep of the file's own metadata; <see cref="EmbedOptions.Default"/> when null.</param>
    /// <returns>The repairs made to the existing metadata, as warnings for the user.</returns>
    /// <exception cref="ImageFileException">The source is not a complete JPEG or PNG, or holds XMP that cannot be repaired.</exception>
    public static EmbedOutcome Embed(Stream source, Stream destination, ImageMetadata metadata, EmbedOptions? options = null) =>
        Embed(source, destination, metadata, options ?? EmbedOptions.Default, StreamName);

    /// <summary>
    /// Embeds into a file. <paramref name="destinationPath"/> may equal <paramref name="sourcePath"/>: the result is
    /// written to a temporary file in the destination's folder that then atomically replaces the destination, so a
    /// failure leaves the original untouched and no temporary file behind.
    /// </summary>
    /// <param name="options">What to keep of the file's own metadata; <see cref="EmbedOptions.Default"/> when null.</param>
    /// <returns>The repairs made to the existing metadata, as warnings for the user.</returns>
    /// <exception cref="ImageFileException">
    /// A file is missing, unreadable, read-only, not a complete JPEG or PNG, or holds XMP that cannot be repaired.
    /// </exception>
    public static EmbedOutcome EmbedFile(string sourcePath, string destinationPath, ImageMetadata metadata, EmbedOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourcePath);
        ArgumentException.ThrowIfNullOrEmpty(destinationPath);
        ArgumentNullException.ThrowIfNull(metadata);
        var sourceName = Path.GetFileName(sourcePath);
        var destinationName = Path.GetFileName(destinationPath);
        var destinationFolder = Path.GetDirectoryName(Path.GetFullPath(destinationPath))!;
        if (File.Exists(destinationPath) && File.GetAttributes(destinationPath).HasFlag(FileAttributes.ReadOnly))
        {
            throw new ImageFileException($"{destinationName} is read-only.");
        }

        var temporaryPath = Path.Combine(destinationFolder, $".{destinationName}.{Guid.NewGuid():N}.tmp");
        try
        {
            EmbedOutcome outcome;
            using (var source = OpenSource(sourcePath, sourceName))
            using (var destination = CreateTemporary(temporaryPath, destinationName))
            {
                outcome = Embed(source, destination, metadata, options ?? EmbedOptions.Default, sourceName);
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporaryPath, File.GetUnixFileMode(sourcePath));
            }

            File.Move(temporaryPath, destinationPath, overwrite: true);
            return outcome;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            DeleteIfPresent(temporaryPath);
            throw new ImageFileException($"{destinationName} could not be written: {exception.Message}", exception);
        }
        catch
        {
            DeleteIfPresent(temporaryPath);
            throw;
        }
    }

    private static void DeleteIfPresent(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private static EmbedOutcome Embed(Stream source, Stream destination, ImageMetadata metadata, EmbedOptions options, string fileName)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(metadata);
        var warnings = new List<string>();
        var digitalSourceType = ImageSignature.Detect(source, fileName) switch
        {
            EmbeddableFormat.Jpeg => JpegMetadataWriter.Write(source, destination, metadata, options, fileName, warnings),
            _ => PngMetadataWriter.Write(source, destination, metadata, options, fileName, warnings),
        };
        return new EmbedOutcome(warnings) { DigitalSourceType = digitalSourceType };
    }

    private static FileStream OpenSource(string path, string name)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileBufferSize, FileOptions.SequentialScan);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ImageFileException($"{name} does not exist.", exception);
        }
        catch (UnauthorizedAccessException exception)
        {
            throw new ImageFileException($"{name} cannot be read: permission denied.", exception);
        }
    }

    private static FileStream CreateTemporary(string path, string destinationName)
    {
        try
        {
            return new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, FileBufferSize, FileOptions.SequentialScan);
        }
        catch (UnauthorizedAccessException exception)
        {
            throw new ImageFileException($"{destinationName} cannot be written: its folder is not writable.", exception);
        }
        catch (DirectoryNotFoundException exception)
        {
            throw new ImageFileException($"{destinationName} cannot be written: its folder does not exist.", exception);
        }
    }
}
