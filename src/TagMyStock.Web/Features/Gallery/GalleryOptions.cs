namespace TagMyStock.Web.Features.Gallery;

/// <summary>Settings under <c>TagMyStock:Gallery</c>.</summary>
public sealed class GalleryOptions
{
    public const string Section = "TagMyStock:Gallery";

    /// <summary>Images whose thumbnails are made at the same time; libvips also uses several threads per image.</summary>
    public int DerivativeWorkers { get; set; } = 2;
}
