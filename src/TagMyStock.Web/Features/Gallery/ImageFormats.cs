namespace TagMyStock.Web.Features.Gallery;

/// <summary>The formats the gallery stores, by the names <see cref="StockImage.Format"/> holds.</summary>
public static class ImageFormats
{
    public const string Jpeg = "jpeg";
    public const string Png = "png";
    public const string WebP = "webp";

    public static string ContentType(string format) => format switch
    {
        Jpeg => "image/jpeg",
        Png => "image/png",
        WebP => "image/webp",
        _ => "application/octet-stream",
    };

    public static string Extension(string format) => format switch
    {
        Jpeg => ".jpg",
        Png => ".png",
        WebP => ".webp",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not a stored image format."),
    };
}
