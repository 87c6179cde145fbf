using TagMyStock.Core.Similarity;
using TagMyStock.Vision;
using TagMyStock.Vision.Embeddings;
using TagMyStock.Web.Features.Gallery;

namespace TagMyStock.Web.Features.Tagging;

/// <summary>The gallery's embeddings from the tagging engine's own embedder: one copy of the model in memory, and embeddings the engine's library compares with.</summary>
internal sealed class EngineEmbedder(LocalEngine engine) : IImageEmbedder
{
    public byte Model => ImageEmbedder.Model;

    public ImageEmbedding Embed(string imagePath) => engine.Embed(imagePath);
}
