using System.Buffers;
using Microsoft.ML.OnnxRuntime;

namespace TagMyStock.Vision.Faces;

/// <summary>
/// One look of MediaPipe's BlazeFace full-range detector (see Models/README.md) at a square-letterboxed region of an
/// image. The network sees 192×192 RGB in [−1, 1] and scores 2304 anchors, one per 4-pixel cell of a 48×48 grid; each
/// anchor's regression moves and sizes its box, in input pixels, as MediaPipe's face detection graph decodes it
/// (SSD anchors with a fixed size of 1, scales of 192). Thread-safe: ONNX Runtime sessions serve parallel runs.
/// Owns the session it is given.
/// </summary>
internal sealed class BlazeFace(InferenceSession session) : IDisposable
{
    /// <summary>Side of the square the network sees.</summary>
    public const int InputSize = 192;

    private const int Grid = InputSize / 4;
    private const int Anchors = Grid * Grid;
    private const int ValuesPerAnchor = 16; // box centre x, y, width, height, then six key points
    private const int Plane = InputSize * InputSize;

    private const string Input = "input";
    private const string Boxes = "reshaped_regressor_face_4";
    private const string Scores = "reshaped_classifier_face_4";

    private static readonly long[] InputShape = [1, 3, InputSize, InputSize];

    private readonly RunOptions _runOptions = new();

    /// <summary>The faces scored at least <paramref name="minScore"/> in <paramref name="region"/>, in the image's pixels, not merged.</summary>
    public List<ScoredFace> Look(AnalysisImage image, PixelRegion region, double minScore)
    {
        var scale = (double)InputSize / Math.Max(region.Width, region.Height);
        var width = Math.Clamp((int)Math.Round(region.Width * scale), 1, InputSize);
        var height = Math.Clamp((int)Math.Round(region.Height * scale), 1, InputSize);
        var padX = (InputSize - width) / 2;
        var padY = (InputSize - height) / 2;
        // Rented: 440 kB a look would otherwise be a new large-object allocation.
        var input = ArrayPool<float>.Shared.Rent(3 * Plane);
        try
        {
            Letterbox(image, region, width, height, padX, padY, input);
            using var tensor = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, input.AsMemory(0, 3 * Plane), InputShape);
            using var outputs = session.Run(_runOptions, [Input], [tensor], [Boxes, Scores]);
            var boxes = outputs[0].GetTensorDataAsSpan<float>();
            var scores = outputs[1].GetTensorDataAsSpan<float>();
            var found = new List<ScoredFace>();
            // A logit below this is a score below minScore: most anchors stop here, before any exponential.
            var minLogit = Math.Log(minScore / (1 - minScore));
            for (var anchor = 0; anchor < Anchors; anchor++)
            {
                if (scores[anchor] < minLogit)
                {
                    continue;
                }

                var values = boxes.Slice(anchor * ValuesPerAnchor, 4);
                var centreX = values[0] + (((anchor % Grid) + 0.5) * 4);
                var centreY = values[1] + (((anchor / Grid) + 0.5) * 4);
                found.Add(new ScoredFace(
                    region.X + ((centreX - (values[2] / 2) - padX) / scale),
                    region.Y + ((centreY - (values[3] / 2) - padY) / scale),
                    values[2] / scale,
                    values[3] / scale,
                    1 / (1 + Math.Exp(-Math.Clamp(scores[anchor], -100f, 100f)))));
            }

            return found;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(input);
        }
    }

    public void Dispose()
    {
        session.Dispose();
        _runOptions.Dispose();
    }

    /// <summary>
    /// Writes the region, shrunk (or enlarged) to <paramref name="width"/>×<paramref name="height"/> by averaging the
    /// pixels each input pixel covers, centred on a black square, as three planes of values in [−1, 1].
    /// </summary>
    private static void Letterbox(AnalysisImage image, PixelRegion region, int width, int height, int padX, int padY, float[] planes)
    {
        Array.Fill(planes, -1f, 0, 3 * Plane);
        var rgb = image.Rgb;
        var stepX = (double)region.Width / width;
        var stepY = (double)region.Height / height;
        for (var y = 0; y < height; y++)
        {
            var top = region.Y + (int)(y * stepY);
            var bottom = Math.Max(top + 1, Math.Min(region.Y + region.Height, region.Y + (int)((y + 1) * stepY)));
            for (var x = 0; x < width; x++)
            {
                var left = region.X + (int)(x * stepX);
                var right = Math.Max(left + 1, Math.Min(region.X + region.Width, region.X + (int)((x + 1) * stepX)));
                int red = 0, green = 0, blue = 0;
                for (var sourceY = top; sourceY < bottom; sourceY++)
                {
                    var offset = ((sourceY * image.Width) + left) * 3;
                    for (var sourceX = left; sourceX < right; sourceX++, offset += 3)
                    {
                        red += rgb[offset];
                        green += rgb[offset + 1];
                        blue += rgb[offset + 2];
                    }
                }

                var half = (bottom - top) * (right - left) * 127.5f;
                var target = ((y + padY) * InputSize) + x + padX;
                planes[target] = (red / half) - 1;
                planes[Plane + target] = (green / half) - 1;
                planes[(2 * Plane) + target] = (blue / half) - 1;
            }
        }
    }
}

/// <summary>A rectangle of an image's pixels.</summary>
internal readonly record struct PixelRegion(int X, int Y, int Width, int Height);

/// <summary>A face box in an image's pixels, with the detector's score (0–1).</summary>
internal readonly record struct ScoredFace(double X, double Y, double Width, double Height, double Score)
{
    public double CentreX => X + (Width / 2);

    public double CentreY => Y + (Height / 2);

    public bool Contains(double x, double y) => x >= X && x <= X + Width && y >= Y && y <= Y + Height;

    public double Overlap(ScoredFace other)
    {
        var width = Math.Max(0, Math.Min(X + Width, other.X + other.Width) - Math.Max(X, other.X));
        var height = Math.Max(0, Math.Min(Y + Height, other.Y + other.Height) - Math.Max(Y, other.Y));
        var intersection = width * height;
        return intersection / ((Width * Height) + (other.Width * other.Height) - intersection);
    }
}
