using TagMyStock.Core.Metadata;
using TagMyStock.Imaging.Embedding;

namespace TagMyStock.Imaging;

/// <summary>Embeds in memory, the way the stream API is used.</summary>
internal static class Embedded
{
    public static byte[] Bytes(byte[] source, ImageMetadata metadata)
    {
        using var input = new MemoryStream(source);
        using var output = new MemoryStream();
        MetadataEmbedder.Embed(input, output, metadata);
        return output.ToArray();
    }

    public static byte[] Bytes(string dataName, ImageMetadata metadata) => Bytes(TestData.Bytes(dataName), metadata);
}
