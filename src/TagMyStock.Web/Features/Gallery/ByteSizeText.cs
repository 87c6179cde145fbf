using System.Globalization;

namespace TagMyStock.Web.Features.Gallery;

/// <summary>File sizes as people read them: "60 MB", "340 KB", "12 bytes" (1 MB = 1,048,576 bytes, as file managers count).</summary>
public static class ByteSizeText
{
    public static string Format(long bytes) => bytes switch
    {
        >= 1 << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1 << 20):0.#} MB"),
        >= 1 << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1 << 10):0.#} KB"),
        1 => "1 byte",
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };
}
