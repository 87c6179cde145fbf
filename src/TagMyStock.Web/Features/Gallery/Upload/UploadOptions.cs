namespace TagMyStock.Web.Features.Gallery.Upload;

/// <summary>Settings under <c>TagMyStock:Upload</c>: what an upload may be, and how often.</summary>
public sealed class UploadOptions
{
    public const string Section = "TagMyStock:Upload";

    /// <summary>Largest file accepted, in bytes; 60 MB by default.</summary>
    public long MaxFileBytes { get; set; } = 60L << 20;

    /// <summary>Most pixels (width × height) accepted, checked from the header before any pixel is decoded.</summary>
    public long MaxPixels { get; set; } = 100_000_000;

    public int MaxFilesPerRequest { get; set; } = 100;

    /// <summary>Upload requests one account may make per minute (the page sends one per file).</summary>
    public int RequestsPerMinute { get; set; } = 300;

    /// <summary>
    /// Largest Hamming distance between two perceptual hashes that still marks a near duplicate. Resized
    /// and re-encoded copies of the samples differ by at most 4 bits, the two closest different samples by
    /// 15: 8 sits between.
    /// </summary>
    public int NearDuplicateMaxDistance { get; set; } = 8;
}
