namespace TagMyStock.Core.Similarity;

/// <summary>An image of a batch with its embedding.</summary>
public sealed record EmbeddedImage(string Id, ImageEmbedding Embedding);

/// <summary>Images of a batch that look nearly the same, in batch order.</summary>
public sealed record NearDuplicateGroup(IReadOnlyList<string> ImageIds);

/// <summary>
/// Finds near-identical images in a batch: agencies reject a series of near-duplicates, so the contributor
/// should pick one. Two images are near-duplicates when their embeddings are at least
/// <see cref="DefaultThreshold"/> similar; groups are linked (A like B and B like C puts all three together).
/// </summary>
public static class NearDuplicates
{
    /// <summary>
    /// Measured on ResNet18 embeddings (bench/results/embeddings.md): re-encodes, 80% crops, square crops and
    /// brightness changes of one photo score 0.82–1.00, two shots of one scene from a slightly moved camera
    /// 0.93, overlapping halves of one photo 0.35–0.93; unrelated photos at most 0.69 (0.46 at the 99th
    /// percentile), two flower meadows 0.66. 0.8 catches every re-encode and crop above, and the shots of a
    /// series a reviewer would call the same picture, with a margin over the most similar unrelated pair.
    /// </summary>
    public const double DefaultThreshold = 0.8;

    /// <summary>The groups of two or more near-duplicates, ordered by their first image; lone images are not listed.</summary>
    /// <exception cref="ArgumentException">The embeddings come from different models.</exception>
    public static IReadOnlyList<NearDuplicateGroup> Find(IReadOnlyList<EmbeddedImage> batch, double threshold = DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var root = Enumerable.Range(0, batch.Count).ToArray();
        for (var i = 0; i < batch.Count; i++)
        {
            for (var j = i + 1; j < batch.Count; j++)
            {
                if (batch[i].Embedding.Similarity(batch[j].Embedding) >= threshold)
                {
                    // The smaller index is the root, so that a group is named by its first image.
                    var (a, b) = (RootOf(root, i), RootOf(root, j));
                    root[Math.Max(a, b)] = Math.Min(a, b);
                }
            }
        }

        return [.. Enumerable.Range(0, batch.Count)
            .GroupBy(index => RootOf(root, index))
            .Where(group => group.Count() > 1)
            .OrderBy(group => group.Key)
            .Select(group => new NearDuplicateGroup([.. group.Select(index => batch[index].Id)]))];
    }

    private static int RootOf(int[] root, int index)
    {
        while (root[index] != index)
        {
            root[index] = root[root[index]];
            index = root[index];
        }

        return index;
    }
}
