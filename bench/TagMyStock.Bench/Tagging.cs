using System.Diagnostics;
using System.Globalization;
using TagMyStock.Core.Metadata;
using TagMyStock.Core.Tagging;
using TagMyStock.Vision;

namespace TagMyStock.Bench;

/// <summary>
/// <c>tagging FILE...</c>: tags every file with the offline engine (pixels, faces, embedding, text; no hint), one
/// image per core as the CLI does, and prints one line: images, seconds, images/s, CPU ms per image.
/// The engine's models load before the clock starts.
/// </summary>
internal static class Tagging
{
    public static async Task<int> RunAsync(string[] files, CancellationToken cancellationToken)
    {
        NetVips.Cache.Max = 0; // as the CLI runs it
        using var engine = LocalEngine.Create();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var keywords = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        await Parallel.ForAsync(0, files.Length, options, (index, _) =>
        {
            var input = new TaggingInput(Path.GetFileName(files[index]), null, null, ImageMetadata.Empty) { ImagePath = files[index] };
            var result = engine.Tag(input);
            if (result.Embedding is null)
            {
                throw new InvalidOperationException($"{files[index]} was not decoded: {string.Join(" ", result.Warnings)}");
            }

            Interlocked.Add(ref keywords, result.Metadata.Keywords.Count);
            return ValueTask.CompletedTask;
        });
        clock.Stop();
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"images={files.Length} seconds={clock.Elapsed.TotalSeconds:0.000} images_per_second={files.Length / clock.Elapsed.TotalSeconds:0.0} cpu_ms_per_image={cpu / files.Length:0} keywords_per_image={keywords / (double)files.Length:0.0}"));
        return 0;
    }
}
