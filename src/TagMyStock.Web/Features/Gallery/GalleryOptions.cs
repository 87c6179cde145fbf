namespace TagMyStock.Web.Features.Gallery;

/// <summary>Settings under <c>TagMyStock:Gallery</c>.</summary>
public sealed class GalleryOptions
{
    public const string Section = "TagMyStock:Gallery";

    /// <summary>Images whose thumbnails are made at the same time; libvips also uses several threads per image.</summary>
    public int DerivativeWorkers { get; set; } = 2;

    /// <summary>
    /// Images libvips decodes at once, uploads and derivatives together (<see cref="Derivatives.DecodeGate"/>);
    /// one per core by default, since a JPEG decode runs on one thread.
    /// </summary>
    public int ConcurrentDecodes { get; set; } = Environment.ProcessorCount;
}
