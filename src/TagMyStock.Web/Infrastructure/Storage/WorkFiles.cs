namespace TagMyStock.Web.Infrastructure.Storage;

/// <summary>
/// Files that live only while open, under the data folder: how image bytes reach code that reads files by name
/// (libvips given a path, the tagging engine) without staying on disk after a crash-free run.
/// </summary>
public static class WorkFiles
{
    private const int BufferSize = 1 << 16;

    /// <summary>A new empty file in <paramref name="folder"/> (created if missing), deleted when the stream is closed.</summary>
    /// <param name="extension">With its dot, e.g. ".jpg", for readers that look at the name; empty for none.</param>
    public static FileStream Create(string folder, string extension = "")
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, Guid.NewGuid().ToString("N") + extension);
        return new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
    }

    /// <summary>
    /// A new work file (as <see cref="Create"/> makes) holding a copy of <paramref name="content"/>, written through to
    /// disk for readers that open it by name and positioned at its start for those that read the stream.
    /// </summary>
    public static async Task<FileStream> CopyOfAsync(Stream content, string folder, string extension, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var file = Create(folder, extension);
        try
        {
            await content.CopyToAsync(file, cancellationToken);
            await file.FlushAsync(cancellationToken);
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }
}
