using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace TagMyStock.Imaging.Embedding;

/// <summary>
/// Copies between two files inside the kernel with Linux <c>copy_file_range(2)</c>: no bytes pass through user
/// space, and file systems that can share extents (XFS, Btrfs) do not even copy them.
/// </summary>
internal static partial class FileRangeCopy
{
    private const int Interrupted = 4; // EINTR
    private const int CrossDevice = 18; // EXDEV
    private const int InvalidArgument = 22; // EINVAL
    private const int NotImplemented = 38; // ENOSYS
    private const int NotSupported = 95; // EOPNOTSUPP

    /// <summary>The largest request; the kernel copies at most about 2 GB per call anyway.</summary>
    private const int MaxRequest = 1 << 30;

    /// <summary>Set once the kernel or the C library turns out to lack the call, so it is not tried again.</summary>
    private static volatile bool _unavailable;

    /// <summary>
    /// Copies from <paramref name="sourceOffset"/> to the source's end, to <paramref name="destinationOffset"/>, and
    /// advances both offsets by what was copied. The files' own positions are not used. Stops early, without an error,
    /// where the kernel cannot copy between these files (another file system, an old kernel, not Linux): the caller
    /// copies the rest itself.
    /// </summary>
    /// <returns>Whether the copy reached the source's end.</returns>
    /// <exception cref="IOException">Reading or writing failed (a full disk, an I/O error).</exception>
    public static bool TryCopyToEnd(SafeFileHandle source, ref long sourceOffset, SafeFileHandle destination, ref long destinationOffset)
    {
        if (!OperatingSystem.IsLinux() || _unavailable)
        {
            return false;
        }

        try
        {
            while (true)
            {
                var copied = CopyFileRange(source, ref sourceOffset, destination, ref destinationOffset, MaxRequest, flags: 0);
                if (copied > 0)
                {
                    continue;
                }

                if (copied == 0)
                {
                    return true;
                }

                switch (Marshal.GetLastPInvokeError())
                {
                    case Interrupted:
                        continue;
                    case NotImplemented:
                        _unavailable = true;
                        return false;
                    case CrossDevice or InvalidArgument or NotSupported:
                        return false;
                    case var error:
                        throw new IOException(Marshal.GetPInvokeErrorMessage(error));
                }
            }
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            _unavailable = true;
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "copy_file_range", SetLastError = true)]
    private static partial nint CopyFileRange(SafeFileHandle source, ref long sourceOffset, SafeFileHandle destination, ref long destinationOffset, nuint length, uint flags);
}
