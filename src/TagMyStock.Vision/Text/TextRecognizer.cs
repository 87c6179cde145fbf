using System.Text;
using Microsoft.ML.OnnxRuntime;
using NetVips;

namespace TagMyStock.Vision.Text;

/// <summary>
/// PP-OCRv4's CRNN recogniser: one detected box, cropped and scaled to 48 pixels high, gives per column
/// the probability of each character of the dictionary (index 0 is CTC's blank, the last a space); the
/// line is the best character per column with repeats collapsed and blanks dropped.
/// </summary>
internal sealed class TextRecognizer
{
    /// <summary>Height the network reads lines at.</summary>
    private const int LineHeight = 48;

    /// <summary>Narrowest input PaddleOCR pads a line to (its 3×48×320 shape); shorter lines are padded.</summary>
    private const int MinimumWidth = 320;

    /// <summary>Widest input: a line longer than 40 times its height is squeezed rather than grown without end.</summary>
    private const int MaximumWidth = LineHeight * 40;

    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions;
    private readonly string[] _characters;
    private readonly string _input;
    private readonly string _output;

    public TextRecognizer(InferenceSession session, RunOptions runOptions, string[] characters)
    {
        _session = session;
        _runOptions = runOptions;
        _characters = characters;
        _input = session.InputMetadata.Keys.Single();
        _output = session.OutputMetadata.Keys.Single();
    }

    /// <summary>
    /// Reads a dictionary as PaddleOCR does: one character a line, after CTC's blank, with the space last.
    /// </summary>
    public static string[] ReadDictionary(string path) => ["", .. File.ReadAllLines(path, Encoding.UTF8), " "];

    /// <summary>The text in <paramref name="box"/> of the image and the mean probability of its characters.</summary>
    public (string Text, double Confidence) Recognise(AnalysisImage image, TextBox box)
    {
        var width = Math.Clamp((int)Math.Ceiling(LineHeight * (double)box.Width / box.Height), 1, MaximumWidth);
        var paddedWidth = Math.Max(MinimumWidth, width);
        var input = NormalisedLine(image, box, width, paddedWidth);
        using var tensor = OrtValue.CreateTensorValueFromMemory(input, [1, 3, LineHeight, paddedWidth]);
        using var outputs = _session.Run(_runOptions, [_input], [tensor], [_output]);
        var shape = outputs[0].GetTensorTypeAndShape().Shape;
        return Decode(outputs[0].GetTensorDataAsSpan<float>(), (int)shape[1], (int)shape[2]);
    }

    /// <summary>The crop scaled to <paramref name="width"/>×48, in BGR planes of −1…1, padded with 0 to <paramref name="paddedWidth"/>.</summary>
    private static float[] NormalisedLine(AnalysisImage image, TextBox box, int width, int paddedWidth)
    {
        using var source = Image.NewFromMemory(image.Rgb, image.Width, image.Height, 3, Enums.BandFormat.Uchar);
        using var crop = source.Crop(box.X, box.Y, box.Width, box.Height);
        using var line = crop.ThumbnailImage(width, height: LineHeight, size: Enums.Size.Force);
        var rgb = line.WriteToMemory<byte>();
        var plane = LineHeight * paddedWidth;
        var planes = new float[3 * plane];
        for (var y = 0; y < LineHeight; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var pixel = (y * width) + x;
                for (var channel = 0; channel < 3; channel++)
                {
                    planes[(channel * plane) + (y * paddedWidth) + x] = (rgb[(pixel * 3) + 2 - channel] / 127.5f) - 1f;
                }
            }
        }

        return planes;
    }

    private (string Text, double Confidence) Decode(ReadOnlySpan<float> probabilities, int steps, int classes)
    {
        var text = new StringBuilder();
        var confidence = 0.0;
        var kept = 0;
        var previous = 0;
        for (var step = 0; step < steps; step++)
        {
            var column = probabilities.Slice(step * classes, classes);
            var best = 0;
            for (var index = 1; index < column.Length; index++)
            {
                if (column[index] > column[best])
                {
                    best = index;
                }
            }

            if (best != 0 && best != previous && best < _characters.Length)
            {
                text.Append(_characters[best]);
                confidence += column[best];
                kept++;
            }

            previous = best;
        }

        return kept == 0 ? ("", 0) : (text.ToString().Trim(), confidence / kept);
    }
}
