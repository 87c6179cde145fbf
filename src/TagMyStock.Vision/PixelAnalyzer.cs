using TagMyStock.Vision.Faces;
using TagMyStock.Vision.Facts;

namespace TagMyStock.Vision;

/// <summary>
/// What the offline engine sees in an image's pixels: visual facts (format, colours, tone, background,
/// copy space, texture), people from faces, and quality warnings. Deterministic: the same image gives
/// the same analysis. Thread-safe: one instance serves parallel calls; dispose it to free the face
/// detector's native models.
/// </summary>
public sealed class PixelAnalyzer : IDisposable
{
    private readonly FaceDetector _faces;

    /// <param name="modelFolder">Where the face models are; by default the Faces/Models folder next to the application.</param>
    /// <exception cref="FileNotFoundException">A face model is missing.</exception>
    public PixelAnalyzer(string? modelFolder = null)
    {
        _faces = new FaceDetector(modelFolder);
    }

    public PixelAnalysis Analyze(AnalysisImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var facts = VisualFacts.Analyze(image);
        var faces = _faces.Detect(image);
        var (people, flags) = PeopleFacts.Describe(image, faces);
        var concepts = people
            .Concat(facts.Concepts)
            .DistinctBy(concept => concept.Term, StringComparer.Ordinal)
            .OrderByDescending(concept => concept.Confidence)
            .ToList();
        return new PixelAnalysis(concepts, facts.QualityWarnings, flags, faces) { CopySpace = facts.CopySpace };
    }

    public void Dispose() => _faces.Dispose();
}
