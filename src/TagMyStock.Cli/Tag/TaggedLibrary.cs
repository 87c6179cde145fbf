using TagMyStock.Cli.Shared;
using TagMyStock.Core.Similarity;
using TagMyStock.Imaging.Embedding;
using TagMyStock.Imaging.Reading;
using TagMyStock.Vision;

namespace TagMyStock.Cli.Tag;

/// <summary>
/// <c>--learn-from DIR</c>: the images of a folder the user already tagged, each with the keywords and title
/// embedded in it and its embedding, as the library similar images are looked up in. Nothing but that folder's own
/// files and metadata goes in; files without keywords teach nothing and are left out.
/// </summary>
internal static class TaggedLibrary
{
    /// <summary>The library, with each image's full path as its id, and how many files were left out.</summary>
    public static async Task<(SimilarImageIndex Library, int Skipped)> LoadAsync(string folder, LocalEngine engine, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            throw new UsageException($"--learn-from '{folder}' is not a folder.");
        }

        var files = ImageFiles.Find([folder]);
        var images = new LibraryImage?[files.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        await Parallel.ForAsync(0, files.Count, options, (index, _) =>
        {
            images[index] = Learn(files[index], engine);
            return ValueTask.CompletedTask;
        });

        var library = images.OfType<LibraryImage>().ToList();
        return (new SimilarImageIndex(library), files.Count - library.Count);
    }

    private static LibraryImage? Learn(string path, LocalEngine engine)
    {
        try
        {
            var metadata = EmbeddedMetadataReader.Read(path).Metadata;
            return metadata.Keywords.Count == 0
                ? null
                : new LibraryImage(Path.GetFullPath(path), engine.Embed(path), metadata.Keywords) { Title = metadata.Title };
        }
        catch (Exception exception) when (exception is ImageFileException or NetVips.VipsException or IOException)
        {
            // A damaged file in the library only means one teacher fewer.
            return null;
        }
    }
}
