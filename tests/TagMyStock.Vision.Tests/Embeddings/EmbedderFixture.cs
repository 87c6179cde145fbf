using NetVips;

namespace TagMyStock.Vision.Embeddings;

/// <summary>
/// One embedder for all the embedding tests (loading the network takes a while), and altered copies of
/// the sample photographs, written once to a temporary folder.
/// </summary>
public sealed class EmbedderFixture : IDisposable
{
    /// <summary>The sample photographs; the AI-style swirl is left out, being no photograph.</summary>
    public static readonly string[] Photos = [.. Samples.All.Where(sample => sample != Samples.Illustration)];

    private readonly string _folder = Directory.CreateTempSubdirectory("tagmystock-embeddings-").FullName;

    private readonly Lock _writing = new();

    public ImageEmbedder Embedder { get; } = ImageEmbedder.Create();

    /// <summary>The photo re-encoded as a JPEG of quality 50 at half its size: what a resized upload looks like.</summary>
    public string ReEncoded(string photo) => Variant(photo, "half-q50", image => image.Resize(0.5), quality: 50);

    /// <summary>The centre 80% of the photo.</summary>
    public string Cropped(string photo) =>
        Variant(photo, "crop80", image => image.Crop(image.Width / 10, image.Height / 10, image.Width * 8 / 10, image.Height * 8 / 10));

    public void Dispose()
    {
        Embedder.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private string Variant(string photo, string name, Func<Image, Image> change, int quality = 90)
    {
        var path = Path.Combine(_folder, $"{Path.GetFileNameWithoutExtension(photo)}-{name}.jpg");
        lock (_writing)
        {
            if (!File.Exists(path))
            {
                using var source = Image.NewFromFile(Samples.Path(photo));
                using var changed = change(source);
                changed.Jpegsave(path, q: quality);
            }
        }

        return path;
    }
}
