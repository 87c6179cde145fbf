using System.Globalization;
using System.Runtime.InteropServices;
using TagMyStock.Vision;
using TagMyStock.Vision.Embeddings;
using TagMyStock.Vision.Faces;
using TagMyStock.Vision.Facts;
using TagMyStock.Vision.Text;

namespace TagMyStock.Bench;

/// <summary>
/// <c>tagging-stages FILE...</c>: the offline engine's stages one after the other on one thread, each image in
/// turn, and per stage the process CPU time it took (not wall time: the benchmark machine is shared). The first
/// image runs once unmeasured, so that JIT compilation and the models' first-run set-up are not counted.
/// Prints one line per stage with the mean, smallest and largest CPU milliseconds per image.
/// </summary>
internal static partial class TaggingStages
{
    private static readonly string[] Stages = ["decode", "facts", "faces", "embedding", "text screening", "text detection", "text recognition"];

    public static int Run(string[] files)
    {
        // As in the CLI and the web app; otherwise the first file, decoded once unmeasured, would come from the cache.
        NetVips.Cache.Max = 0;
        using var faces = new FaceDetector();
        using var embedder = ImageEmbedder.Create();
        using var reader = VisibleTextReader.Create();
        var totals = new double[Stages.Length];
        var lowest = Enumerable.Repeat(double.MaxValue, Stages.Length).ToArray();
        var highest = new double[Stages.Length];
        var boxes = 0;
        var screenedIn = 0;
        Measure(files[0], faces, embedder, reader, new double[Stages.Length]);
        foreach (var file in files)
        {
            var stages = new double[Stages.Length];
            var found = Measure(file, faces, embedder, reader, stages);
            screenedIn += found >= 0 ? 1 : 0;
            boxes += Math.Max(0, found);
            for (var stage = 0; stage < Stages.Length; stage++)
            {
                totals[stage] += stages[stage];
                lowest[stage] = Math.Min(lowest[stage], stages[stage]);
                highest[stage] = Math.Max(highest[stage], stages[stage]);
            }
        }

        for (var stage = 0; stage < Stages.Length; stage++)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"stage={Stages[stage].Replace(' ', '_')} cpu_ms_mean={totals[stage] / files.Length:0.0} cpu_ms_min={lowest[stage]:0.0} cpu_ms_max={highest[stage]:0.0}"));
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"stage=total cpu_ms_mean={totals.Sum() / files.Length:0.0} images={files.Length} screened_in={screenedIn} text_boxes={boxes}"));
        return 0;
    }

    /// <summary>
    /// Runs every stage on one file, adding each stage's CPU milliseconds to <paramref name="stages"/>; returns the
    /// text boxes found, or −1 when the screening found nothing like text and the text stages after it did not run.
    /// </summary>
    private static int Measure(string file, FaceDetector faces, ImageEmbedder embedder, VisibleTextReader reader, double[] stages)
    {
        var start = CpuMilliseconds();
        var image = AnalysisImage.Load(file);
        var mark = Lap(stages, 0, start);
        VisualFacts.Analyze(image);
        mark = Lap(stages, 1, mark);
        faces.Detect(image);
        mark = Lap(stages, 2, mark);
        embedder.Embed(image);
        mark = Lap(stages, 3, mark);
        if (!reader.MayShowText(image))
        {
            Lap(stages, 4, mark);
            return -1;
        }

        mark = Lap(stages, 4, mark);
        var detailed = image.Detailed(reader.Thresholds.DetectionLongestEdge);
        var boxes = reader.Detect(detailed);
        mark = Lap(stages, 5, mark);
        reader.Recognise(detailed, boxes);
        Lap(stages, 6, mark);
        return boxes.Count;
    }

    private static double Lap(double[] stages, int stage, double since)
    {
        var now = CpuMilliseconds();
        stages[stage] += now - since;
        return now;
    }

    /// <summary>CPU time of the whole process (all threads, libvips' and ONNX Runtime's included), to the nanosecond.</summary>
    private static double CpuMilliseconds()
    {
        const int ProcessCpuTimeClock = 2; // CLOCK_PROCESS_CPUTIME_ID
        return ClockGetTime(ProcessCpuTimeClock, out var time) == 0
            ? (time.Seconds * 1000.0) + (time.Nanoseconds / 1e6)
            : throw new InvalidOperationException("clock_gettime(CLOCK_PROCESS_CPUTIME_ID) failed.");
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private readonly struct TimeSpec
    {
        public readonly long Seconds;
        public readonly long Nanoseconds;
    }
}
