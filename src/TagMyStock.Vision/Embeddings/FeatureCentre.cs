using System.Globalization;
using System.Text;

namespace TagMyStock.Vision.Embeddings;

/// <summary>
/// The mean ResNet18 feature vector of a varied set of photographs, which <see cref="ImageEmbedder"/>
/// subtracts before comparing. Raw features are all non-negative, so any two images score a high cosine
/// (unrelated photos 0.33 on average, up to 0.8); taking the mean away leaves what sets an image apart
/// (unrelated −0.02 on average, crops and re-encodes of one photo still 0.82 or more). The mean
/// is fixed and checked in (ResNet18Centre.txt, with how it was made) rather than taken from each user's
/// library, so that an image's embedding never changes when a library grows and can be stored once; it also
/// separates better: a library of a few subjects centred on its own mean let unrelated photos score 0.08 on
/// average and 0.54 at the 99th percentile, against −0.02 and 0.46 (bench/results/embeddings.md).
/// </summary>
public static class FeatureCentre
{
    private const string ResourceName = "TagMyStock.Vision.Embeddings.ResNet18Centre.txt";

    /// <summary>The mean of the features, value by value.</summary>
    /// <exception cref="ArgumentException">No features, or features of different widths.</exception>
    public static float[] Compute(IReadOnlyCollection<float[]> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.Count == 0)
        {
            throw new ArgumentException("A centre needs the features of at least one image.", nameof(features));
        }

        var sum = new double[features.First().Length];
        foreach (var vector in features)
        {
            if (vector.Length != sum.Length)
            {
                throw new ArgumentException("All features must have the same width.", nameof(features));
            }

            for (var i = 0; i < sum.Length; i++)
            {
                sum[i] += vector[i];
            }
        }

        return [.. sum.Select(total => (float)(total / features.Count))];
    }

    /// <summary>
    /// The centre as ResNet18Centre.txt holds it: comment lines (<c>#</c>) saying how it was made, then one
    /// value per line, written so that reading it back gives the very same floats.
    /// </summary>
    public static string Format(IReadOnlyList<float> centre, IEnumerable<string> comments)
    {
        var text = new StringBuilder();
        foreach (var comment in comments)
        {
            text.Append("# ").Append(comment).Append('\n');
        }

        foreach (var value in centre)
        {
            text.Append(value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The checked-in centre.</summary>
    internal static float[] Load()
    {
        using var stream = typeof(FeatureCentre).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var values = new List<float>(ImageEmbedder.Dimensions);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                values.Add(float.Parse(line, NumberStyles.Float, CultureInfo.InvariantCulture));
            }
        }

        return values.Count == ImageEmbedder.Dimensions
            ? [.. values]
            : throw new InvalidOperationException($"{ResourceName} holds {values.Count} values; the model gives {ImageEmbedder.Dimensions}.");
    }
}
