using System.IO.Compression;
using System.IO.Pipelines;
using System.Text;
using TagMyStock.Core.Metadata;
using TagMyStock.Imaging.Embedding;
using TagMyStock.Web.Infrastructure.Storage;

namespace TagMyStock.Web.Features.Export;

/// <summary>
/// Writes a zip of originals with their metadata embedded straight into a response body, entry by entry: no file
/// is held in memory or on disk, and the download starts with the first bytes of the first image.
/// </summary>
internal sealed class ZipExport(IBlobStore blobs)
{
    public const string ReportName = "report.txt";

    /// <summary>
    /// Writes the CSV files first (small, and what the contributor opens first), then each image, then
    /// <see cref="ReportName"/> when an image could not get its metadata or is missing.
    /// </summary>
    public async Task WriteAsync(Stream output, IReadOnlyList<(string FileName, byte[] Content)> csvFiles, IReadOnlyList<ExportItem> items, CancellationToken cancellationToken)
    {
        var report = new List<string>();
        await using var body = new DeferredSyncWrites(output);
        await using (var zip = await ZipArchive.CreateAsync(body, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken))
        {
            await AddFilesAsync(zip, csvFiles, cancellationToken);
            foreach (var item in items)
            {
                if (await WriteImageAsync(zip, item, cancellationToken) is { } note)
                {
                    report.Add(note);
                }
            }

            if (report.Count > 0)
            {
                await AddFilesAsync(zip, [(ReportName, Encoding.UTF8.GetBytes(ReportText(report)))], cancellationToken);
            }
        }

        await body.FlushAsync(cancellationToken);
    }

    /// <summary>A zip of small files, such as the parts of a CSV split at an agency's row limit.</summary>
    public static async Task WriteFilesAsync(Stream output, IReadOnlyList<(string FileName, byte[] Content)> files, CancellationToken cancellationToken)
    {
        await using var zip = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken);
        await AddFilesAsync(zip, files, cancellationToken);
    }

    private static async Task AddFilesAsync(ZipArchive zip, IEnumerable<(string FileName, byte[] Content)> files, CancellationToken cancellationToken)
    {
        foreach (var (fileName, content) in files)
        {
            await using var entry = await zip.CreateEntry(fileName, CompressionLevel.Optimal).OpenAsync(cancellationToken);
            await entry.WriteAsync(content, cancellationToken);
        }
    }

    /// <summary>Adds one image; returns what the report should say about it, or null when all went well.</summary>
    private async Task<string?> WriteImageAsync(ZipArchive zip, ExportItem item, CancellationToken cancellationToken)
    {
        await using var source = await blobs.OpenReadAsync(item.Image.OriginalKey, cancellationToken);
        if (source is null)
        {
            return $"{item.Name}: left out, its original file is missing from storage.";
        }

        // Image data does not compress: storing it costs no size and no CPU.
        await using var entry = await zip.CreateEntry(item.Name, CompressionLevel.NoCompression).OpenAsync(cancellationToken);
        var (written, outcome, failure) = await EmbedAsync(source, entry, item.Metadata, cancellationToken);
        if (failure is null)
        {
            return outcome!.Warnings.Count == 0 ? null : $"{item.Name}: metadata embedded; {string.Join(" ", outcome.Warnings)}";
        }

        if (written > 0)
        {
            return $"{item.Name}: the file is damaged ({failure.Message}); it is in the zip as far as it could be read, with its metadata.";
        }

        // The embedder refuses before writing a byte (a format it cannot write, metadata it cannot repair): the original goes in as it is.
        await using var original = await blobs.OpenReadAsync(item.Image.OriginalKey, cancellationToken);
        await original!.CopyToAsync(entry, cancellationToken);
        return $"{item.Name}: copied unchanged, without embedded metadata: {failure.Message} Use the agency's CSV for this file.";
    }

    /// <summary>
    /// Runs the synchronous embedder on a pool thread into a pipe that is copied asynchronously into the entry, so
    /// that no synchronous write ever reaches the response body. Returns how many bytes reached the entry.
    /// </summary>
    private static async Task<(long Written, EmbedOutcome? Outcome, ImageFileException? Failure)> EmbedAsync(
        Stream source, Stream entry, ImageMetadata metadata, CancellationToken cancellationToken)
    {
        var pipe = new Pipe();
        var embedding = Task.Run(
            () =>
            {
                using var writer = pipe.Writer.AsStream();
                return MetadataEmbedder.Embed(source, writer, metadata);
            },
            cancellationToken);

        long written = 0;
        try
        {
            while (true)
            {
                var read = await pipe.Reader.ReadAsync(cancellationToken);
                foreach (var segment in read.Buffer)
                {
                    await entry.WriteAsync(segment, cancellationToken);
                    written += segment.Length;
                }

                pipe.Reader.AdvanceTo(read.Buffer.End);
                if (read.IsCompleted)
                {
                    break;
                }
            }
        }
        finally
        {
            // Lets a blocked embedder finish (its writes then go nowhere) when the client has gone.
            await pipe.Reader.CompleteAsync();
        }

        try
        {
            return (written, await embedding, null);
        }
        catch (ImageFileException exception)
        {
            return (written, null, exception);
        }
    }

    private static string ReportText(IEnumerable<string> notes) =>
        "TagMyStock export report\r\n\r\n"
        + "TagMyStock embeds metadata into JPEG and PNG files without re-encoding them. These files need attention:\r\n\r\n"
        + string.Concat(notes.Select(note => $"- {note}\r\n"));
}
