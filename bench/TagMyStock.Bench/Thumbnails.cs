using TagMyStock.Web.Features.Gallery.Derivatives;

namespace TagMyStock.Bench;

/// <summary>
/// <c>tagmystock-bench thumbnails OUT FILE...</c>: a 512 px thumbnail of each JPEG, one after the other, made by
/// the gallery's <see cref="ThumbnailMaker"/> and written to OUT under the source's name.
/// </summary>
internal static class Thumbnails
{
    public static async Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        if (arguments.Count < 2)
        {
            await Console.Error.WriteLineAsync("usage: tagmystock-bench thumbnails OUT FILE...");
            return 2;
        }

        var output = arguments[0];
        Directory.CreateDirectory(output);
        var maker = new ThumbnailMaker();
        foreach (var path in arguments.Skip(1))
        {
            // Opened as the local blob store opens an original; the maker reads it through the stream.
            await using var source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
            await using var destination = new FileStream(Path.Combine(output, Path.GetFileName(path)), FileMode.Create, FileAccess.Write);
            await maker.MakeAsync(source, ThumbnailMaker.ThumbnailSize, destination, cancellationToken);
        }

        return 0;
    }
}
