namespace TagMyStock.Vision.Faces;

/// <summary>
/// Finds faces with MediaPipe's BlazeFace full-range detector (see Models/README.md), frontal and in profile. A wrong
/// face costs more than a missed one (a "people" keyword and a release flag on a landscape), so the detector is tuned
/// for precision: faces smaller than <see cref="MinFaceShare"/> of the shorter side are not reported, and each face
/// found must be found again, at <see cref="ConfirmScore"/> or more, in a second look at a crop around it.
/// </summary>
/// <remarks>
/// The first look sees the whole image letterboxed to 192×192, where a face of a tenth of a 3:2 frame's shorter side is
/// 13 pixels, near the network's floor (faces of 9–10 pixels scored below 0.65 in a row of four portraits). So
/// images wider or taller than 6:5 are also looked at in overlapping square tiles, one shorter side wide, where the same
/// face is 19 pixels or more. Each look costs about 8 ms of CPU. Thread-safe.
/// </remarks>
internal sealed class FaceDetector : IDisposable
{
    /// <summary>Smallest face reported, as a share of the image's shorter side: 43 px of a 640×427 analysis image.</summary>
    public const double MinFaceShare = 0.1;

    /// <summary>The model's file in the model folder.</summary>
    public const string ModelFile = "blazeface_full_range.onnx";

    /// <summary>A candidate's score in the first look: MediaPipe's own threshold for this model.</summary>
    private const double CandidateScore = 0.6;

    /// <summary>
    /// The score a candidate must reach again in the second look. Measured on 259 images (Models/README.md): the
    /// real faces scored 0.57–0.95 in it, the candidates that were no face 0.43 at most (a drawn face).
    /// </summary>
    private const double ConfirmScore = 0.55;

    /// <summary>The second look's crop: a square this many times the face's larger side, centred on the face.</summary>
    private const double SecondLookContext = 2.5;

    /// <summary>Candidates overlapping this much (intersection over union) are one face: MediaPipe's suppression threshold.</summary>
    private const double SameFaceOverlap = 0.3;

    /// <summary>Smallest face, in network pixels, the first look is trusted to see; below it the image is also looked at in tiles.</summary>
    private const double SmallestSeenFace = 16;

    /// <summary>Fewer pixels of the analysis image than this across are too few to show a face, even enlarged in a tile.</summary>
    private const double SmallestFacePixels = 8;

    private readonly BlazeFace _model;
    private bool _disposed;

    /// <param name="modelFolder">Where the model is; by default the Faces/Models folder next to the application.</param>
    /// <exception cref="FileNotFoundException">The model is missing.</exception>
    public FaceDetector(string? modelFolder = null)
    {
        var folder = modelFolder ?? Path.Combine(AppContext.BaseDirectory, "Faces", "Models");
        var path = OnnxModels.File(folder, ModelFile, "face detection model", "src/TagMyStock.Vision/Faces/Models");
        _model = new BlazeFace(OnnxModels.Load(path, threadsPerImage: 1));
    }

    public IReadOnlyList<FaceBox> Detect(AnalysisImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var smallest = MinFaceShare * Math.Min(image.Width, image.Height);
        var candidates = Looks(image.Width, image.Height).SelectMany(region => _model.Look(image, region, CandidateScore));
        return Merge(candidates)
            .Where(face => Math.Max(face.Width, face.Height) >= smallest && SecondLook(image, face) >= ConfirmScore)
            .Select(face => ToBox(face, image))
            .OrderBy(face => face.X)
            .ThenBy(face => face.Y)
            .ToList();
    }

    public void Dispose()
    {
        _disposed = true;
        _model.Dispose();
    }

    /// <summary>
    /// The whole image, and square tiles along its longer side when a smallest face would be too small in the whole
    /// but has pixels enough to be a face (a thinner strip is looked at once; at most 15 tiles at the default analysis size).
    /// </summary>
    internal static IEnumerable<PixelRegion> Looks(int width, int height)
    {
        yield return new PixelRegion(0, 0, width, height);
        int shorter = Math.Min(width, height), longer = Math.Max(width, height);
        var smallest = MinFaceShare * shorter;
        if (smallest * BlazeFace.InputSize / longer >= SmallestSeenFace || smallest < SmallestFacePixels)
        {
            yield break;
        }

        // Neighbouring tiles overlap by half again the largest face the whole look may miss, so that such a face, cut
        // by one tile's edge, is whole in the next (and by half a tile at least): two tiles for 3:2, 16:10 and 16:9
        // frames, more for panoramas.
        var overlap = 1.5 * SmallestSeenFace * longer / BlazeFace.InputSize;
        var step = Math.Max(shorter - overlap, shorter / 2.0);
        var tiles = (int)Math.Ceiling((longer - shorter) / step) + 1;
        for (var tile = 0; tile < tiles; tile++)
        {
            var start = (int)Math.Round((longer - shorter) * tile / (double)(tiles - 1));
            yield return width >= height
                ? new PixelRegion(start, 0, shorter, shorter)
                : new PixelRegion(0, start, shorter, shorter);
        }
    }

    /// <summary>MediaPipe's weighted suppression: overlapping candidates become one face, their boxes averaged by score.</summary>
    private static List<ScoredFace> Merge(IEnumerable<ScoredFace> candidates)
    {
        var remaining = candidates.OrderByDescending(face => face.Score).ThenBy(face => face.X).ThenBy(face => face.Y).ToList();
        var faces = new List<ScoredFace>();
        while (remaining.Count > 0)
        {
            var best = remaining[0];
            var same = remaining.Where(face => face.Overlap(best) > SameFaceOverlap).ToList();
            remaining.RemoveAll(face => face.Overlap(best) > SameFaceOverlap);
            var weight = same.Sum(face => face.Score);
            faces.Add(new ScoredFace(
                same.Sum(face => face.X * face.Score) / weight,
                same.Sum(face => face.Y * face.Score) / weight,
                same.Sum(face => face.Width * face.Score) / weight,
                same.Sum(face => face.Height * face.Score) / weight,
                best.Score));
        }

        return faces;
    }

    /// <summary>The best score of a face that covers <paramref name="face"/>'s centre in a crop around it, or 0.</summary>
    private double SecondLook(AnalysisImage image, ScoredFace face)
    {
        var half = SecondLookContext * Math.Max(face.Width, face.Height) / 2;
        var left = Math.Clamp((int)Math.Floor(face.CentreX - half), 0, image.Width - 1);
        var top = Math.Clamp((int)Math.Floor(face.CentreY - half), 0, image.Height - 1);
        var right = Math.Clamp((int)Math.Ceiling(face.CentreX + half), left + 1, image.Width);
        var bottom = Math.Clamp((int)Math.Ceiling(face.CentreY + half), top + 1, image.Height);
        return _model.Look(image, new PixelRegion(left, top, right - left, bottom - top), minScore: 0.01)
            .Where(found => found.Contains(face.CentreX, face.CentreY))
            .Select(found => found.Score)
            .DefaultIfEmpty(0)
            .Max();
    }

    private static FaceBox ToBox(ScoredFace face, AnalysisImage image)
    {
        var left = Math.Clamp((int)Math.Round(face.X), 0, image.Width - 1);
        var top = Math.Clamp((int)Math.Round(face.Y), 0, image.Height - 1);
        var right = Math.Clamp((int)Math.Round(face.X + face.Width), left + 1, image.Width);
        var bottom = Math.Clamp((int)Math.Round(face.Y + face.Height), top + 1, image.Height);
        return new FaceBox(left, top, right - left, bottom - top);
    }
}
