namespace TagMyStock.Core.Metadata;

/// <summary>
/// IPTC NewsCodes for Iptc4xmpExt:DigitalSourceType
/// (<see href="https://cv.iptc.org/newscodes/digitalsourcetype/"/>).
/// </summary>
public static class DigitalSourceType
{
    public const string NewsCodesPrefix = "http://cv.iptc.org/newscodes/digitalsourcetype/";

    /// <summary>Created by a generative model from a prompt.</summary>
    public const string TrainedAlgorithmicMedia = NewsCodesPrefix + "trainedAlgorithmicMedia";

    /// <summary>A capture edited with a generative model (inpainting, expansion).</summary>
    public const string CompositeWithTrainedAlgorithmicMedia = NewsCodesPrefix + "compositeWithTrainedAlgorithmicMedia";

    /// <summary>Whether a digital source type value declares generative-AI content.</summary>
    public static bool IsGenerativeAi(string? value) =>
        value is not null && value.Contains("TrainedAlgorithmicMedia", StringComparison.OrdinalIgnoreCase);
}
