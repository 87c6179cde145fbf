using NetVips;

namespace TagMyStock.Web.Features.Gallery.Derivatives;

/// <summary>libvips errors in words a contributor can read.</summary>
public static class VipsMessages
{
    /// <summary>
    /// The most specific line of a libvips error, e.g. "VipsJpeg: Premature end of input file": libvips
    /// stacks its messages from the operation that was called down to the loader that failed.
    /// </summary>
    public static string Describe(VipsException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var lines = exception.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var specific = lines.LastOrDefault(line => !line.StartsWith("unable to call", StringComparison.Ordinal)) ?? lines.LastOrDefault() ?? "";
        return specific.Length > 0 ? specific.TrimEnd('.') : "libvips could not decode it";
    }
}
