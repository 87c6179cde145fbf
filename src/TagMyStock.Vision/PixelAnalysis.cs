using TagMyStock.Core.Metadata;
using TagMyStock.Vision.Faces;

namespace TagMyStock.Vision;

/// <summary>
/// Something the pixels show, for the engine to weigh as <c>EvidenceSource.Pixels</c>.
/// </summary>
/// <param name="Term">A keyword as a contributor would write it, e.g. <c>copy space</c>.</param>
/// <param name="Confidence">How sure the measurement is, 0–1.</param>
/// <param name="Reason">What was measured, short enough to show next to the keyword, e.g. "1 face, 18 % of the frame".</param>
public sealed record PixelConcept(string Term, double Confidence, string Reason);

/// <summary>What <see cref="PixelAnalyzer"/> found in one image.</summary>
/// <param name="Concepts">Keywords the pixels support, strongest first; each term at most once.</param>
/// <param name="QualityWarnings">Things an agency reviewer may reject the image for (blur, noise): for the user, never keywords.</param>
/// <param name="Flags">Flags the pixels call for, e.g. <see cref="ContentFlags.PeopleReleaseNeeded"/> when faces are seen.</param>
/// <param name="Faces">The faces found, in analysis-image pixels.</param>
public sealed record PixelAnalysis(
    IReadOnlyList<PixelConcept> Concepts,
    IReadOnlyList<string> QualityWarnings,
    ContentFlags Flags,
    IReadOnlyList<FaceBox> Faces)
{
    /// <summary>Where the frame has room for a buyer's text; also said as the concept "copy space".</summary>
    public CopySpace CopySpace { get; init; }
}
