namespace TagMyStock.Core.Similarity;

/// <summary>Embeddings with known similarities, built from the axes of a small space.</summary>
internal static class Vectors
{
    public const int Dimensions = 16;

    /// <summary>The unit vector along <paramref name="axis"/>.</summary>
    public static ImageEmbedding Axis(int axis, byte model = 1) => Mix(axis, 1, axis, model);

    /// <summary>A unit vector exactly <paramref name="similarity"/> similar to <see cref="Axis"/>(<paramref name="axis"/>), leaning toward <paramref name="away"/>.</summary>
    public static ImageEmbedding Mix(int axis, double similarity, int away, byte model = 1)
    {
        var values = new float[Dimensions];
        values[away] = (float)Math.Sqrt(1 - (similarity * similarity));
        values[axis] += (float)similarity;
        return ImageEmbedding.FromCentredFeatures(model, values);
    }
}
