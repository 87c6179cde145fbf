namespace TagMyStock.Core.Similarity;

/// <summary>An image of a user's library, with its embedding and the keywords the user gave it.</summary>
/// <param name="Id">What identifies the image in its library: a database id, a file path.</param>
public sealed record LibraryImage(string Id, ImageEmbedding Embedding, IReadOnlyList<string> Keywords)
{
    /// <summary>The title the user gave it; empty when it has none.</summary>
    public string Title { get; init; } = "";

    /// <summary>The category the user gave it per agency id, as <see cref="Metadata.ImageMetadata.Categories"/> holds them.</summary>
    public IReadOnlyDictionary<string, string> Categories { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}

/// <summary>A neighbour found in an index, with its cosine similarity to the query.</summary>
public sealed record SimilarImage(LibraryImage Image, double Similarity);

/// <summary>
/// The embeddings of one library (one account's tagged images, never several accounts' together),
/// searched exactly: every query is compared with every image, which takes a few milliseconds per 10,000
/// images of 512 values (bench/results/embeddings.md), so thousands of images need no approximate index.
/// </summary>
public sealed class SimilarImageIndex
{
    private readonly LibraryImage[] _images;

    /// <param name="library">The tagged images of one library. Ids must be distinct.</param>
    /// <exception cref="ArgumentException">Two images share an id, or the embeddings come from different models.</exception>
    public SimilarImageIndex(IEnumerable<LibraryImage> library)
    {
        ArgumentNullException.ThrowIfNull(library);
        _images = [.. library];
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var image in _images)
        {
            if (!ids.Add(image.Id))
            {
                throw new ArgumentException($"The library holds the id {image.Id} twice.", nameof(library));
            }

            _images[0].Embedding.EnsureComparable(image.Embedding);
        }
    }

    public int Count => _images.Length;

    /// <summary>
    /// The <paramref name="count"/> images most similar to <paramref name="query"/>, most similar first
    /// (equal similarities in library order), at least <paramref name="minimumSimilarity"/> similar.
    /// </summary>
    /// <param name="excludeId">
    /// The query's own id when it belongs to the library: it is left out, so that an image never teaches itself.
    /// </param>
    /// <exception cref="ArgumentException">The query comes from another model than the library's embeddings.</exception>
    public IReadOnlyList<SimilarImage> Nearest(ImageEmbedding query, int count, string? excludeId = null, double minimumSimilarity = -1)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (_images.Length == 0 || count == 0)
        {
            return [];
        }

        _images[0].Embedding.EnsureComparable(query);
        var best = new List<(double Similarity, int Index)>(count + 1);
        for (var i = 0; i < _images.Length; i++)
        {
            var similarity = VectorMath.Dot(query.Values, _images[i].Embedding.Values);
            if (similarity < minimumSimilarity
                || (best.Count == count && similarity <= best[^1].Similarity)
                || string.Equals(_images[i].Id, excludeId, StringComparison.Ordinal))
            {
                continue;
            }

            // Insertion into a short sorted list: k is small, and later equals stay behind earlier ones.
            var position = best.Count;
            while (position > 0 && best[position - 1].Similarity < similarity)
            {
                position--;
            }

            best.Insert(position, (similarity, i));
            if (best.Count > count)
            {
                best.RemoveAt(count);
            }
        }

        return [.. best.Select(match => new SimilarImage(_images[match.Index], match.Similarity))];
    }
}
