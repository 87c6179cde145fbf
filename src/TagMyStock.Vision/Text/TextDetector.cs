using System.Buffers;
using Microsoft.ML.OnnxRuntime;
using NetVips;

namespace TagMyStock.Vision.Text;

/// <summary>
/// PP-OCRv4's DB text detector: the image, shrunk to a given longest edge, resized to multiples of 32
/// and normalised as PaddleOCR trained it, gives a map of text probability; the connected regions of that map above
/// <see cref="TextThresholds.PixelProbability"/> are the candidate lines, grown back by DB's unclip ratio
/// because the network marks a shrunk core of each line.
/// </summary>
internal sealed class TextDetector(InferenceSession session, RunOptions runOptions)
{
    /// <summary>DB's unclip ratio (PaddleOCR's default): how far a core region is grown back to the whole line.</summary>
    private const double UnclipRatio = 1.5;

    /// <summary>Regions whose shorter side is below this many map pixels are noise (PaddleOCR's min_size).</summary>
    private const int MinimumRegionSide = 3;

    // PaddleOCR normalises BGR images with ImageNet's mean and deviation taken in that channel order.
    private static readonly float[] Mean = [0.485f, 0.456f, 0.406f];
    private static readonly float[] Deviation = [0.229f, 0.224f, 0.225f];

    private readonly string _input = session.InputMetadata.Keys.Single();
    private readonly string _output = session.OutputMetadata.Keys.Single();

    /// <summary>Candidate text boxes in the image's pixels, each with its detection score, highest score first.</summary>
    public IReadOnlyList<(TextBox Box, double Score)> Detect(AnalysisImage image, TextThresholds thresholds)
    {
        using var map = Predict(image, thresholds.DetectionLongestEdge);
        return Regions(map.Probability, map.Width, map.Height, thresholds.PixelProbability, thresholds.BoxScore, MinimumRegionSide)
            .Select(region => (Box: ToImage(region.Box, map.Width, map.Height, image), region.Score))
            .Where(candidate => candidate.Box.Width > 0 && candidate.Box.Height > 0)
            .OrderByDescending(candidate => candidate.Score)
            .ThenBy(candidate => candidate.Box.Y)
            .ThenBy(candidate => candidate.Box.X)
            .ToArray();
    }

    /// <summary>
    /// Whether a quick look at <see cref="TextThresholds.ScreeningLongestEdge"/> finds anything like text: a region
    /// of any size above the screening thresholds, which are looser than the detection's so that small print,
    /// faint at that size, still calls for the full detection.
    /// </summary>
    public bool MayShowText(AnalysisImage image, TextThresholds thresholds)
    {
        using var map = Predict(image, thresholds.ScreeningLongestEdge);
        return Regions(map.Probability, map.Width, map.Height, thresholds.ScreeningPixelProbability, thresholds.ScreeningBoxScore, minimumRegionSide: 1).Count > 0;
    }

    /// <summary>The detector's text probability per pixel of the image shrunk to <paramref name="longestEdge"/>.</summary>
    private ProbabilityMap Predict(AnalysisImage image, int longestEdge)
    {
        var scale = Math.Min(1.0, (double)longestEdge / Math.Max(image.Width, image.Height));
        var width = MultipleOf32(image.Width * scale);
        var height = MultipleOf32(image.Height * scale);
        var length = 3 * width * height;
        // Rented: at 640 pixels the input is 3 MB, which would otherwise be a new large-object allocation per image.
        var input = ArrayPool<float>.Shared.Rent(length);
        try
        {
            NormalisedPlanes(image, width, height, input);
            using var tensor = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, input.AsMemory(0, length), [1, 3, height, width]);
            return new ProbabilityMap(session.Run(runOptions, [_input], [tensor], [_output]), width, height);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(input);
        }
    }

    private static int MultipleOf32(double side) => Math.Max(32, (int)Math.Round(side / 32.0, MidpointRounding.AwayFromZero) * 32);

    /// <summary>Writes the image, resized to <paramref name="width"/>×<paramref name="height"/>, as normalised BGR planes into <paramref name="planes"/>.</summary>
    private static void NormalisedPlanes(AnalysisImage image, int width, int height, float[] planes)
    {
        using var source = Image.NewFromMemory(image.Rgb, image.Width, image.Height, 3, Enums.BandFormat.Uchar);
        using var resized = source.ThumbnailImage(width, height: height, size: Enums.Size.Force);
        var rgb = resized.WriteToMemory<byte>();
        var plane = width * height;
        for (var pixel = 0; pixel < plane; pixel++)
        {
            for (var channel = 0; channel < 3; channel++)
            {
                // Plane 0 is blue: PaddleOCR feeds OpenCV's BGR order.
                var value = rgb[(pixel * 3) + 2 - channel] / 255f;
                planes[(channel * plane) + pixel] = (value - Mean[channel]) / Deviation[channel];
            }
        }
    }

    /// <summary>The 8-connected regions of the thresholded map, as unclipped boxes in map pixels with their mean probability.</summary>
    private static List<(RectangleF Box, double Score)> Regions(
        ReadOnlySpan<float> probability, int width, int height, double pixelProbability, double boxScore, int minimumRegionSide)
    {
        var threshold = (float)pixelProbability;
        var labelled = new bool[probability.Length];
        var pending = new Stack<int>();
        var regions = new List<(RectangleF, double)>();
        for (var start = 0; start < probability.Length; start++)
        {
            if (labelled[start] || probability[start] <= threshold)
            {
                continue;
            }

            int left = width, top = height, right = 0, bottom = 0;
            labelled[start] = true;
            pending.Push(start);
            while (pending.TryPop(out var pixel))
            {
                int x = pixel % width, y = pixel / width;
                (left, right, top, bottom) = (Math.Min(left, x), Math.Max(right, x), Math.Min(top, y), Math.Max(bottom, y));
                for (var ny = Math.Max(0, y - 1); ny <= Math.Min(height - 1, y + 1); ny++)
                {
                    for (var nx = Math.Max(0, x - 1); nx <= Math.Min(width - 1, x + 1); nx++)
                    {
                        var neighbour = (ny * width) + nx;
                        if (!labelled[neighbour] && probability[neighbour] > threshold)
                        {
                            labelled[neighbour] = true;
                            pending.Push(neighbour);
                        }
                    }
                }
            }

            int regionWidth = right - left + 1, regionHeight = bottom - top + 1;
            if (Math.Min(regionWidth, regionHeight) < minimumRegionSide)
            {
                continue;
            }

            var score = MeanOver(probability, width, left, top, regionWidth, regionHeight);
            if (score < boxScore)
            {
                continue;
            }

            // DB's unclip: grow the core by area × ratio / perimeter on every side.
            var grow = regionWidth * regionHeight * UnclipRatio / (2.0 * (regionWidth + regionHeight));
            regions.Add((new RectangleF(left - grow, top - grow, regionWidth + (2 * grow), regionHeight + (2 * grow)), score));
        }

        return regions;
    }

    private static double MeanOver(ReadOnlySpan<float> probability, int width, int left, int top, int boxWidth, int boxHeight)
    {
        var sum = 0.0;
        for (var y = top; y < top + boxHeight; y++)
        {
            foreach (var value in probability.Slice((y * width) + left, boxWidth))
            {
                sum += value;
            }
        }

        return sum / (boxWidth * boxHeight);
    }

    private static TextBox ToImage(RectangleF box, int mapWidth, int mapHeight, AnalysisImage image)
    {
        var scaleX = (double)image.Width / mapWidth;
        var scaleY = (double)image.Height / mapHeight;
        return TextBox.Covering(box.Left * scaleX, box.Top * scaleY, box.Right * scaleX, box.Bottom * scaleY, image.Width, image.Height);
    }

    /// <summary>The network's output, read in place, and the size of its map.</summary>
    private sealed class ProbabilityMap(IDisposableReadOnlyCollection<OrtValue> outputs, int width, int height) : IDisposable
    {
        public int Width { get; } = width;

        public int Height { get; } = height;

        public ReadOnlySpan<float> Probability => outputs[0].GetTensorDataAsSpan<float>();

        public void Dispose() => outputs.Dispose();
    }

    private readonly record struct RectangleF(double Left, double Top, double Width, double Height)
    {
        public double Right => Left + Width;

        public double Bottom => Top + Height;
    }
}
