using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using TagMyStock.Vision;
using TagMyStock.Vision.Embeddings;

namespace TagMyStock.Bench;

/// <summary>
/// <c>tagmystock-bench activation-ranges CALIBRATION_MODEL TENSORS FILE...</c>: runs ResNet18 with every tensor to be
/// quantised as an output (<c>scripts/resnet18-int8.py prepare</c> writes the model and the list of names, the
/// network's input first) over the given photographs, each decoded and preprocessed as <see cref="ImageEmbedder"/>
/// does, and prints each tensor's smallest and largest value over all of them: "name min max" per line, which
/// <c>scripts/resnet18-int8.py quantize</c> reads. <c>scripts/quantize-embedding-model</c> runs it.
/// </summary>
internal static class ActivationRanges
{
    public static int Run(string calibrationModel, string tensorList, IReadOnlyList<string> files)
    {
        NetVips.Cache.Max = 0;
        var names = File.ReadAllLines(tensorList).Where(line => line.Length > 0).ToArray();
        var outputs = names[1..];
        using var embedder = ImageEmbedder.Load(Path.Combine(ImageEmbedder.DefaultModelDirectory, ImageEmbedder.PreprocessFile), calibrationModel);
        using var session = new InferenceSession(calibrationModel);
        using var runOptions = new RunOptions();
        var lowest = Enumerable.Repeat(double.MaxValue, names.Length).ToArray();
        var highest = Enumerable.Repeat(double.MinValue, names.Length).ToArray();
        foreach (var file in files)
        {
            var input = embedder.NetworkInputValues(AnalysisImage.Load(file));
            Widen(0, input, lowest, highest);
            using var tensor = OrtValue.CreateTensorValueFromMemory(input, [1, 3, ImageEmbedder.InputSize, ImageEmbedder.InputSize]);
            using var results = session.Run(runOptions, [names[0]], [tensor], outputs);
            for (var output = 0; output < outputs.Length; output++)
            {
                Widen(output + 1, results[output].GetTensorDataAsSpan<float>(), lowest, highest);
            }
        }

        for (var tensor = 0; tensor < names.Length; tensor++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{names[tensor]} {lowest[tensor]:R} {highest[tensor]:R}"));
        }

        return 0;
    }

    private static void Widen(int tensor, ReadOnlySpan<float> values, double[] lowest, double[] highest)
    {
        foreach (var value in values)
        {
            lowest[tensor] = Math.Min(lowest[tensor], value);
            highest[tensor] = Math.Max(highest[tensor], value);
        }
    }
}
