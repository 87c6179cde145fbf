using TagMyStock.Imaging.Embedding.Jpeg;
using TagMyStock.Imaging.Embedding.Png;
using XmpCore;

namespace TagMyStock.Imaging.Embedding;

/// <summary>The XMP of a JPEG or PNG, parsed and repaired exactly as an embed does before it merges.</summary>
internal static class ImageXmp
{
    /// <summary>
    /// The XMP model of the image in <paramref name="source"/>, read from its start, or null when it has none.
    /// Repairs made to parse it are added to <paramref name="warnings"/>.
    /// </summary>
    /// <exception cref="ImageFileException">Not a JPEG or PNG, damaged before its image data, or XMP that cannot be repaired.</exception>
    public static IXmpMeta? Read(Stream source, string fileName, ICollection<string> warnings) =>
        ImageSignature.Detect(source, fileName) switch
        {
            EmbeddableFormat.Jpeg => JpegXmp.Read(JpegSegmentReader.ReadUntilScan(source, fileName), fileName, warnings),
            _ => PngXmp.Read(PngChunkReader.ReadUntilImageData(source, fileName).Chunks, fileName, warnings),
        };
}
