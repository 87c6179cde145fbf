using NetVips;
using TagMyStock.Web.Features.Gallery.Derivatives;

namespace TagMyStock.Web.Features.Tagging.OpenRouter;

/// <summary>
/// The image as a vision model receives it: a JPEG data URL at most <c>MaxImageSide</c> pixels on its longest
/// side, upright, 8-bit sRGB, no metadata. A model sees no more in a 20 MP original than in 768 px, and pays
/// per pixel sent.
/// </summary>
internal static class VisionImage
{
    private const int Quality = 80;

    /// <exception cref="VipsException">The file is not an image libvips can decode, or it is damaged.</exception>
    public static string DataUrl(string path, int maxSide)
    {
        using var thumbnail = Image.Thumbnail(
            path + ThumbnailMaker.FailOnTruncated, maxSide, height: maxSide, size: Enums.Size.Down, outputProfile: ThumbnailMaker.DisplayProfile);
        using var viewable = ThumbnailMaker.Viewable(thumbnail);
        var jpeg = viewable.JpegsaveBuffer(q: Quality, keep: Enums.ForeignKeep.None);
        return "data:image/jpeg;base64," + Convert.ToBase64String(jpeg);
    }
}
