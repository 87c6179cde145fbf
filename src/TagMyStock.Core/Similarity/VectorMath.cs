using System.Numerics;

namespace TagMyStock.Core.Similarity;

/// <summary>Dot products with the CPU's vector instructions: the whole cost of an exact nearest-neighbour search.</summary>
internal static class VectorMath
{
    public static double Dot(ReadOnlySpan<float> left, ReadOnlySpan<float> right)
    {
        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= left.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            sum += new Vector<float>(left[i..]) * new Vector<float>(right[i..]);
        }

        var total = (double)Vector.Sum(sum);
        for (; i < left.Length; i++)
        {
            total += left[i] * right[i];
        }

        return total;
    }
}
