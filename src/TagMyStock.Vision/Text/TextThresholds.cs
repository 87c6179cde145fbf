namespace TagMyStock.Vision.Text;

/// <summary>
/// What a candidate line must reach to count as readable text. The defaults were measured on the
/// repository's sample photographs (no text) and on photographs with rendered text; see Text/README.md.
/// </summary>
public sealed record TextThresholds
{
    /// <summary>
    /// Longest side of the image the detector sees (recognition reads the boxes from the whole analysis
    /// image): the detector's cost grows with the pixels, and text smaller than a few pixels at this size is missed.
    /// </summary>
    public int DetectionLongestEdge { get; init; } = AnalysisImage.DefaultLongestEdge;

    /// <summary>
    /// Longest side of the quick first look every image gets: only when it finds a candidate line does the
    /// detector run again at <see cref="DetectionLongestEdge"/>. Most photographs show no text, and at this
    /// size a detection costs about a third as much. At 384 pixels, 12-point print on camera-sized files (3800–6000
    /// pixels) was missed four times in six; at 416 never (Text/README.md). At or above <see cref="DetectionLongestEdge"/>
    /// there is no first look.
    /// </summary>
    public int ScreeningLongestEdge { get; init; } = 416;

    /// <summary>Text probability above which a pixel of the screening map may be text: looser than <see cref="PixelProbability"/>.</summary>
    public double ScreeningPixelProbability { get; init; } = 0.2;

    /// <summary>Mean text probability over a screening region for the full detection to run: looser than <see cref="BoxScore"/>.</summary>
    public double ScreeningBoxScore { get; init; } = 0.3;

    /// <summary>Text probability above which a pixel of the detector's map belongs to text (PaddleOCR: 0.3).</summary>
    public double PixelProbability { get; init; } = 0.3;

    /// <summary>Mean text probability over a box for it to be a candidate line (PaddleOCR: 0.6).</summary>
    public double BoxScore { get; init; } = 0.6;

    /// <summary>Height in pixels of the analysis image below which a box is too small to be read by a reviewer either.</summary>
    public int MinimumHeight { get; init; } = 8;

    /// <summary>Mean probability of the recognised characters for a line to be kept.</summary>
    public double RecognitionConfidence { get; init; } = 0.8;

    /// <summary>Letters and digits a line must hold: one or two characters are too often a leaf or a pebble.</summary>
    public int MinimumCharacters { get; init; } = 3;

    /// <summary>Most candidate boxes recognised per image, the highest-scoring first: recognition costs per box.</summary>
    public int MaximumLines { get; init; } = 24;
}
