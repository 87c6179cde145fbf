using System.Buffers;
using Microsoft.Win32.SafeHandles;

namespace TagMyStock.Imaging.Embedding;

/// <summary>
/// Copies the image data after the metadata region byte for byte, never holding the whole file, and checks that the
/// format's end marker is in it, so a truncated file is noticed. Between two files the kernel copies where it can.
/// </summary>
internal static class TailCopier
{
    /// <summary>Blocks this large bypass FileStream's own buffer, so each block costs one read and one write.</summary>
    private const int BlockSize = 1 << 20;

    /// <summary>The end marker is normally within the last bytes of a file; they are read in blocks of this size.</summary>
    private const int ScanBlockSize = 1 << 16;

    /// <summary>Copies the rest of <paramref name="source"/>; returns whether <paramref name="endMarker"/> is in it.</summary>
    public static bool CopyToEnd(Stream source, Stream destination, ReadOnlySpan<byte> endMarker) =>
        source is FileStream sourceFile && destination is FileStream destinationFile
            ? CopyFile(sourceFile, destinationFile, endMarker)
            : CopyAndScan(source, destination, endMarker);

    /// <summary>
    /// Copies in the kernel as far as it goes and by streaming from there, then looks for the end marker in the
    /// source by positioned reads from the end, where it is unless data trails it.
    /// </summary>
    private static bool CopyFile(FileStream source, FileStream destination, ReadOnlySpan<byte> endMarker)
    {
        destination.Flush();
        var tailStart = source.Position;
        var sourceOffset = tailStart;
        var destinationOffset = destination.Position;
        var copiedToEnd = FileRangeCopy.TryCopyToEnd(source.SafeFileHandle, ref sourceOffset, destination.SafeFileHandle, ref destinationOffset);
        source.Position = sourceOffset;
        destination.Position = destinationOffset;
        if (!copiedToEnd)
        {
            source.CopyTo(destination, BlockSize);
        }

        return Contains(source.SafeFileHandle, tailStart, source.Position, endMarker);
    }

    /// <summary>Whether <paramref name="marker"/> is within [<paramref name="start"/>, <paramref name="end"/>) of the file, searched from the end.</summary>
    private static bool Contains(SafeFileHandle file, long start, long end, ReadOnlySpan<byte> marker)
    {
        var overlap = marker.Length - 1;
        var buffer = ArrayPool<byte>.Shared.Rent(ScanBlockSize + overlap);
        try
        {
            for (var blockEnd = end; blockEnd > start; blockEnd -= ScanBlockSize)
            {
                // Each window reaches into the block after it, so a marker across the boundary is found.
                var blockStart = Math.Max(start, blockEnd - ScanBlockSize);
                var window = buffer.AsSpan(0, (int)(Math.Min(end, blockEnd + overlap) - blockStart));
                if (ReadFully(file, window, blockStart) && window.IndexOf(marker) >= 0)
                {
                    return true;
                }
            }

            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool ReadFully(SafeFileHandle file, Span<byte> buffer, long offset)
    {
        while (buffer.Length > 0)
        {
            var read = RandomAccess.Read(file, buffer, offset);
            if (read == 0)
            {
                return false;
            }

            buffer = buffer[read..];
            offset += read;
        }

        return true;
    }

    private static bool CopyAndScan(Stream source, Stream destination, ReadOnlySpan<byte> endMarker)
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
