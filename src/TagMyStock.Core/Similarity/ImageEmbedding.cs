using System.Buffers.Binary;

namespace TagMyStock.Core.Similarity;

/// <summary>
/// What an image looks like as a vector: centred and scaled to unit length by the embedder that made it,
/// so that the cosine similarity of two embeddings is their dot product (1 = the same picture, around 0 =
/// unrelated). Embeddings compare only with embeddings of the same <see cref="Model"/>.
/// </summary>
public sealed class ImageEmbedding
{
    /// <summary>Format of <see cref="ToBytes"/>: a version byte, the model byte, then the values as IEEE half floats.</summary>
    private const byte FormatVersion = 1;

    private const int HeaderLength = 2;

    private readonly float[] _values;

    private ImageEmbedding(byte model, float[] values)
    {
        Model = model;
        _values = values;
    }

    /// <summary>
    /// Which embedder made it (its model and centre), so that a stored embedding from an older one is
    /// recognised and recomputed instead of compared with vectors it does not match.
    /// </summary>
    public byte Model { get; }

    public int Dimensions => _values.Length;

    public ReadOnlySpan<float> Values => _values;

    /// <summary>An embedding from centred features: scaled here to unit length.</summary>
    /// <exception cref="ArgumentException">The features are empty, all zero or not finite.</exception>
    public static ImageEmbedding FromCentredFeatures(byte model, ReadOnlySpan<float> centred)
    {
        if (centred.IsEmpty)
        {
            throw new ArgumentException("An embedding needs at least one value.", nameof(centred));
        }

        var length = Math.Sqrt(VectorMath.Dot(centred, centred));
        if (!double.IsFinite(length) || length == 0)
        {
            throw new ArgumentException("The features have no direction (all zero) or are not finite numbers.", nameof(centred));
        }

        var values = new float[centred.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)(centred[i] / length);
        }

        return new ImageEmbedding(model, values);
    }

    /// <summary>Cosine similarity, from −1 to 1.</summary>
    /// <exception cref="ArgumentException">The other embedding comes from another model or has another size.</exception>
    public double Similarity(ImageEmbedding other)
    {
        ArgumentNullException.ThrowIfNull(other);
        EnsureComparable(other);
        return VectorMath.Dot(_values, other._values);
    }

    /// <summary>
    /// A compact form to store in a database column or a cache file: two header bytes and two bytes per
    /// value (half precision; 1,026 bytes for 512 values). Half precision keeps about three significant
    /// digits, which moves a cosine similarity by less than 0.001.
    /// </summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[HeaderLength + (_values.Length * 2)];
        bytes[0] = FormatVersion;
        bytes[1] = Model;
        for (var i = 0; i < _values.Length; i++)
        {
            BinaryPrimitives.WriteHalfLittleEndian(bytes.AsSpan(HeaderLength + (i * 2)), (Half)_values[i]);
        }

        return bytes;
    }

    /// <summary>Reads what <see cref="ToBytes"/> wrote.</summary>
    /// <exception cref="FormatException">The bytes are not an embedding in a format this version reads.</exception>
    public static ImageEmbedding FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < HeaderLength + 2 || bytes[0] != FormatVersion || (bytes.Length - HeaderLength) % 2 != 0)
        {
            throw new FormatException("These bytes are not an image embedding in a format this version of TagMyStock reads.");
        }

        var values = new float[(bytes.Length - HeaderLength) / 2];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)BinaryPrimitives.ReadHalfLittleEndian(bytes[(HeaderLength + (i * 2))..]);
        }

        try
        {
            // Half precision leaves the length a little off 1; scaling back keeps similarities exact cosines.
            return FromCentredFeatures(bytes[1], values);
        }
        catch (ArgumentException exception)
        {
            throw new FormatException("These bytes hold no usable image embedding: its values are all zero or not numbers.", exception);
        }
    }

    /// <summary><see cref="ToBytes"/> as Base64 text (1,368 characters for 512 values), for JSON and text columns.</summary>
    public string ToBase64() => Convert.ToBase64String(ToBytes());

    /// <exception cref="FormatException">The text is not Base64 or not an embedding this version reads.</exception>
    public static ImageEmbedding FromBase64(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return FromBytes(Convert.FromBase64String(text));
    }

    internal void EnsureComparable(ImageEmbedding other)
    {
        if (other.Model != Model || other._values.Length != _values.Length)
        {
            throw new ArgumentException(
                $"Embeddings of different models do not compare (model {Model} with {_values.Length} values, model {other.Model} with {other._values.Length}).",
                nameof(other));
        }
    }
}
