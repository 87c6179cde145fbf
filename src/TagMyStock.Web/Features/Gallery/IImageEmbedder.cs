using TagMyStock.Core.Similarity;

namespace TagMyStock.Web.Features.Gallery;

/// <summary>
/// Turns an image file into an <see cref="ImageEmbedding"/>, for the derivative worker to store with every image.
/// The tagging feature provides it from its engine, so the embedding model is loaded once for both.
/// </summary>
public interface IImageEmbedder
{
    /// <summary>The <see cref="ImageEmbedding.Model"/> of what <see cref="Embed"/> makes; stored embeddings of another model are stale.</summary>
    byte Model { get; }

    /// <summary>CPU-bound: a decode and a network pass (tens of milliseconds).</summary>
    /// <exception cref="NetVips.VipsException">The file is not an image that can be decoded.</exception>
    ImageEmbedding Embed(string imagePath);
}
