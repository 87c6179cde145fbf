using TagMyStock.Vision;
using TagMyStock.Vision.Embeddings;

namespace TagMyStock.Bench;

/// <summary>
/// <c>tagmystock-bench embedding-centre OUT FILE...</c>: the mean ResNet18 features of the given photographs,
/// written to OUT in the form src/TagMyStock.Vision/Embeddings/ResNet18Centre.txt holds (bench/embeddings.sh --write-centre
/// names the reference set).
/// </summary>
internal static class EmbeddingCentre
{
    public static async Task<int> RunAsync(string output, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        using var embedder = ImageEmbedder.Create();
        var features = files.Select(file => embedder.Features(AnalysisImage.Load(file))).ToList();
        var comments = new[]
        {
            $"Mean ResNet18 pooling features (Microsoft.ML.DnnImageFeaturizer.ResNet18 0.23.1, quantised: {ImageEmbedder.NetworkFile})",
            "of the photographs below, each decoded by AnalysisImage.Load and squeezed to 224x224 as ImageEmbedder does. Made by",
            "bench/embeddings.sh --write-centre; ImageEmbedder subtracts it before comparing. One value per line.",
            $"{files.Count} images:",
        }.Concat(files.Select(file => "  " + file));
        await File.WriteAllTextAsync(output, FeatureCentre.Format(FeatureCentre.Compute(features), comments), cancellationToken);
        return 0;
    }
}
