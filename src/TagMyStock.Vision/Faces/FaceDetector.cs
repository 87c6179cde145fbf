using System.Collections.Concurrent;
using OpenCvSharp;

namespace TagMyStock.Vision.Faces;

/// <summary>
/// Finds frontal faces with two of OpenCV's cascades from Debian's opencv-data (see Models/README.md):
/// Lienhart's Haar cascade proposes, the KU Leuven LBP cascade (trained on other features and other
/// data) must confirm each face. A wrong face costs more than a missed one (a "people" keyword and a
/// release flag on a landscape), so the detector is tuned for precision: faces smaller than
/// <see cref="MinFaceShare"/> of the shorter side are not looked for, and a proposal stands only when
/// several neighbouring windows and the second cascade agree. Frontal faces only: profiles and faces
/// hidden behind a camera are missed.
/// </summary>
/// <remarks>
/// Thread-safe: OpenCV's <see cref="CascadeClassifier"/> is not, so each call rents a pair of
/// cascades from a pool that grows to the number of concurrent callers.
/// </remarks>
internal sealed class FaceDetector : IDisposable
{
    /// <summary>
    /// Smallest face looked for, as a share of the image's shorter side: 43 px in a 640×427 analysis image, which
    /// still finds a row of five or six people across a 3:2 frame. The cascade's cost is in its smallest
    /// windows: on 20 MP photos a share of 0.07 (30 px) cost 98 ms of CPU per image, 0.1 cost 64 ms.
    /// </summary>
    public const double MinFaceShare = 0.1;

    private const string ProposerFile = "haarcascade_frontalface_alt2.xml";
    private const string VerifierFile = "lbpcascade_frontalface_improved.xml";

    // A pyramid step of 1.2 (OpenCV's samples use 1.1) cost a third less time and found the same faces
    // on the test photos. Three overlapping windows suffice for the proposer because the verifier then
    // has to agree: with both, none of the 8 sample photos, 47 Debian wallpapers (landscapes, flowers,
    // textures, patterns) or the scikit-image textures showed a face.
    private const double ScaleStep = 1.2;
    private const int ProposerNeighbours = 3;
    private const int VerifierNeighbours = 3;

    // The verifier searches the proposal grown by this share on each side, for a face of at least 60 % of its size.
    // Its window is 45 px, so small proposals are enlarged until the face is 64 px: at 640 px a face in a group
    // photo is often 30–45 px, which the proposer (20 px window) finds and the verifier could otherwise not see.
    private const double VerifierMargin = 0.25;
    private const double VerifierMinSize = 0.6;
    private const int VerifierFaceSize = 64;

    private readonly string _modelFolder;
    private readonly ConcurrentBag<CascadePair> _pool = [];
    private bool _disposed;

    public FaceDetector(string? modelFolder = null)
    {
        _modelFolder = modelFolder ?? Path.Combine(AppContext.BaseDirectory, "Faces", "Models");
        // Callers tag one image per core: OpenCV's own worker threads would only compete with them. A smaller
        // copy for detection was tried: at 400 and 480 px the cascades lost faces in a row of three portraits.
        Cv2.SetNumThreads(1);
        // Load one pair now, so that a missing model or native library fails at start-up rather than on the first image.
        _pool.Add(CascadePair.Load(_modelFolder));
    }

    public IReadOnlyList<FaceBox> Detect(AnalysisImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var grey = Equalised(image);
        var cascades = _pool.TryTake(out var pooled) ? pooled : CascadePair.Load(_modelFolder);
        try
        {
            var shorter = Math.Min(image.Width, image.Height);
            var minSide = Math.Max(20, (int)Math.Round(shorter * MinFaceShare));
            var proposals = cascades.Proposer.DetectMultiScale(grey, ScaleStep, ProposerNeighbours, HaarDetectionTypes.ScaleImage, new Size(minSide, minSide));
            return proposals
                .Where(face => IsConfirmed(cascades.Verifier, grey, face))
                .OrderBy(face => face.X)
                .ThenBy(face => face.Y)
                .Select(face => new FaceBox(face.X, face.Y, face.Width, face.Height))
                .ToList();
        }
        finally
        {
            Return(cascades);
        }
    }

    public void Dispose()
    {
        _disposed = true;
        while (_pool.TryTake(out var cascades))
        {
            cascades.Dispose();
        }
    }

    private void Return(CascadePair cascades)
    {
        if (_disposed)
        {
            cascades.Dispose();
            return;
        }

        _pool.Add(cascades);
    }

    private static bool IsConfirmed(CascadeClassifier verifier, Mat grey, Rect face)
    {
        var margin = (int)Math.Round(face.Width * VerifierMargin);
        var area = Rect.Intersect(
            new Rect(face.X - margin, face.Y - margin, face.Width + (2 * margin), face.Height + (2 * margin)),
            new Rect(0, 0, grey.Width, grey.Height));
        var scale = Math.Max(1, VerifierFaceSize / (double)face.Width);
        using var crop = new Mat(grey, area);
        using var region = new Mat();
        Cv2.Resize(crop, region, new Size((int)Math.Round(area.Width * scale), (int)Math.Round(area.Height * scale)), interpolation: InterpolationFlags.Linear);
        var minSide = (int)Math.Round(face.Width * scale * VerifierMinSize);
        var found = verifier.DetectMultiScale(region, ScaleStep, VerifierNeighbours, HaarDetectionTypes.ScaleImage, new Size(minSide, minSide));
        var centre = new Point((int)((face.X + (face.Width / 2.0) - area.X) * scale), (int)((face.Y + (face.Height / 2.0) - area.Y) * scale));
        return found.Any(candidate => candidate.Contains(centre));
    }

    /// <summary>The image's luma, histogram-equalised as both cascades were trained on.</summary>
    private static Mat Equalised(AnalysisImage image)
    {
        var luma = new byte[image.Width * image.Height];
        var rgb = image.Rgb;
        for (var pixel = 0; pixel < luma.Length; pixel++)
        {
            luma[pixel] = (byte)(((77 * rgb[pixel * 3]) + (150 * rgb[(pixel * 3) + 1]) + (29 * rgb[(pixel * 3) + 2])) >> 8);
        }

        using var source = Mat.FromPixelData(image.Height, image.Width, MatType.CV_8UC1, luma);
        var equalised = new Mat();
        Cv2.EqualizeHist(source, equalised);
        return equalised;
    }

    private sealed class CascadePair(CascadeClassifier proposer, CascadeClassifier verifier) : IDisposable
    {
        public CascadeClassifier Proposer { get; } = proposer;

        public CascadeClassifier Verifier { get; } = verifier;

        public static CascadePair Load(string folder) => new(LoadCascade(folder, ProposerFile), LoadCascade(folder, VerifierFile));

        public void Dispose()
        {
            Proposer.Dispose();
            Verifier.Dispose();
        }

        private static CascadeClassifier LoadCascade(string folder, string file)
        {
            var path = Path.Combine(folder, file);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"The face detection model {file} is missing from {folder}.", path);
            }

            var cascade = new CascadeClassifier(path);
            if (cascade.Empty())
            {
                cascade.Dispose();
                throw new InvalidDataException($"The face detection model {path} could not be read.");
            }

            return cascade;
        }
    }
}
