using System.Buffers;

namespace TagMyStock.Imaging.Embedding;

/// <summary>
/// Copies the image data after the metadata region byte for byte, in large blocks, never holding the
/// whole file, and watches for the format's end marker so a truncated file is noticed.
/// </summary>
internal static class TailCopier
{
    /// <summary>Blocks this large bypass FileStream's own buffer, so each block costs one read and one write.</summary>
    private const int BlockSize = 1 << 20;

    /// <summary>Copies the rest of <paramref name="source"/>; returns whether <paramref name="endMarker"/> was seen.</summary>
    public static bool CopyToEnd(Stream source, Stream destination, ReadOnlySpan<byte> endMarker)
    {
        var overlap = endMarker.Length - 1;
        var buffer = ArrayPool<byte>.Shared.Rent(BlockSize + overlap);
        try
        {
            var found = false;
            var carried = 0;
            int read;
            while ((read = source.Read(buffer, overlap, BlockSize)) > 0)
            {
                if (!found)
                {
                    // The marker may straddle two blocks: search the tail of the previous block too.
                    var searchStart = overlap - carried;
                    found = buffer.AsSpan(searchStart, carried + read).IndexOf(endMarker) >= 0;
                    carried = Math.Min(overlap, carried + read);
                    buffer.AsSpan(overlap + read - carried, carried).CopyTo(buffer.AsSpan(overlap - carried));
                }

                destination.Write(buffer, overlap, read);
            }

            return found;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
