namespace TagMyStock.Vision.Facts;

/// <summary>What the pixels say without recognising anything: format, colour, tone, background, copy space, texture, quality.</summary>
internal sealed record VisualFacts(IReadOnlyList<PixelConcept> Concepts, IReadOnlyList<string> QualityWarnings, CopySpace CopySpace)
{
    public static VisualFacts Analyze(AnalysisImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var statistics = PixelStatistics.Measure(image);
        var (isolation, backdrop) = BackgroundFacts.DescribeIsolation(image, statistics);
        var (copySpace, copySpaceConcept) = BackgroundFacts.FindCopySpace(statistics);
        var warnings = QualityFacts.Warn(image, statistics).ToList();
        var concepts = new List<PixelConcept>();
        concepts.AddRange(FormatFacts.Describe(image));
        concepts.AddRange(isolation);
        concepts.AddRange(ColourFacts.Describe(statistics, backdrop));
        // On a cut-out the backdrop sets the tone: "bright" or "high-key" would describe the studio paper, not the photo.
        if (backdrop is null)
        {
            concepts.AddRange(ToneFacts.Describe(statistics));
        }

        // Grain spreads detail evenly over the frame too: a noisy photo is not a texture.
        if (backdrop is null && !warnings.Contains(QualityFacts.Noisy))
        {
            concepts.AddRange(TextureFacts.Describe(statistics));
        }

        if (copySpaceConcept is not null)
        {
            concepts.Add(copySpaceConcept);
        }

        return new VisualFacts(concepts, warnings, copySpace);
    }
}
