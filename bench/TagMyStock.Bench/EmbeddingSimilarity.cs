using System.Diagnostics;
using System.Globalization;
using NetVips;
using TagMyStock.Core.Similarity;
using TagMyStock.Vision;
using TagMyStock.Vision.Embeddings;

namespace TagMyStock.Bench;

/// <summary>
/// <c>tagmystock-bench embedding-similarity WORK SAMPLES REFERENCE...</c>: the cosine similarities that choose
/// the centre and the thresholds of the image embeddings (same photo altered, shots of one series,
/// unrelated photos) under four ways of centring, then the time an embedding and a library search take.
/// Altered copies go to WORK; SAMPLES is the repository's samples/ folder; REFERENCE the varied photographs
/// of bench/embeddings.sh. Prints a Markdown report.
/// </summary>
internal static class EmbeddingSimilarity
{
    private sealed record Pair(string Kind, string First, string Second);

    public static int Run(string work, string samples, IReadOnlyList<string> reference)
    {
        Directory.CreateDirectory(work);
        var photos = Directory.GetFiles(samples).Where(file => file.EndsWith(".jpg", StringComparison.Ordinal) || file.EndsWith(".png", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        var same = photos.SelectMany(photo => SameVariants(work, photo)).ToList();
        var series = photos.Select(photo => new Pair(
                "overlapping halves of one photo",
                Variant(work, photo, "left", image => image.Crop(0, 0, image.Width * 55 / 100, image.Height)),
                Variant(work, photo, "right", image => image.Crop(image.Width * 45 / 100, 0, image.Width * 55 / 100, image.Height))))
            .Append(new Pair("two shots, camera moved (skimage motorcycle stereo pair)", Sibling(reference, "motorcycle_left.png"), Sibling(reference, "motorcycle_right.png")))
            .ToList();

        using var embedder = ImageEmbedder.Create();
        var features = new Dictionary<string, float[]>(StringComparer.Ordinal);
        float[] Features(string path) => features.TryGetValue(path, out var known) ? known : features[path] = embedder.Features(AnalysisImage.Load(path));

        var referenceFeatures = reference.Select(Features).ToList();
        var libraryMean = FeatureCentre.Compute([.. photos.Concat(same.Select(pair => pair.Second)).Select(Features)]);
        var evenHalf = FeatureCentre.Compute([.. referenceFeatures.Where((_, i) => i % 2 == 0)]);
        var oddHalf = referenceFeatures.Where((_, i) => i % 2 == 1).ToList();

        Console.WriteLine($"# Image embeddings: similarities ({reference.Count} reference photographs, {photos.Count} samples)\n");
        Console.WriteLine("| Centre | unrelated: mean | p95 | p99 | max | same photo altered: min | mean | series: min | max |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        var centres = new (string Name, float[]? Centre, IReadOnlyList<float[]> Unrelated)[]
        {
            ("none (raw features)", null, referenceFeatures),
            ("checked-in mean of the reference set", FeatureCentre.Compute(referenceFeatures), referenceFeatures),
            ("mean of the even half, unrelated pairs of the odd half", evenHalf, oddHalf),
            ("the library's own mean (samples and their copies)", libraryMean, referenceFeatures),
        };
        foreach (var (name, centre, unrelatedSet) in centres)
        {
            var unrelated = unrelatedSet.SelectMany((a, i) => unrelatedSet.Skip(i + 1).Select(b => Cosine(a, b, centre))).Order().ToList();
            var sameScores = same.Select(pair => Cosine(Features(pair.First), Features(pair.Second), centre)).ToList();
            var seriesScores = series.Select(pair => Cosine(Features(pair.First), Features(pair.Second), centre)).ToList();
            Console.WriteLine(Invariant($"| {name} | {unrelated.Average():F2} | {unrelated[(int)(unrelated.Count * 0.95)]:F2} | {unrelated[(int)(unrelated.Count * 0.99)]:F2} | {unrelated[^1]:F2} | {sameScores.Min():F2} | {sameScores.Average():F2} | {seriesScores.Min():F2} | {seriesScores.Max():F2} |"));
        }

        var fixedCentre = FeatureCentre.Compute(referenceFeatures);
        Console.WriteLine("\nWith the checked-in centre, by kind of pair:\n\n| Pair | min | mean | max |\n|---|---|---|---|");
        foreach (var kind in same.Concat(series).GroupBy(pair => pair.Kind))
        {
            var scores = kind.Select(pair => Cosine(Features(pair.First), Features(pair.Second), fixedCentre)).ToList();
            Console.WriteLine(Invariant($"| {kind.Key} | {scores.Min():F2} | {scores.Average():F2} | {scores.Max():F2} |"));
        }

        Console.WriteLine("\nThe five most similar unrelated reference pairs (checked-in centre):\n");
        var top = reference.SelectMany((a, i) => reference.Skip(i + 1).Select((b, j) => (Pair: $"{Path.GetFileName(a)} ~ {Path.GetFileName(b)}", Score: Cosine(referenceFeatures[i], referenceFeatures[i + 1 + j], fixedCentre))))
            .OrderByDescending(pair => pair.Score).Take(5);
        foreach (var (pair, score) in top)
        {
            Console.WriteLine(Invariant($"- {score:F2} {pair}"));
        }

        ReportTimes(reference);
        return 0;
    }

    private static IEnumerable<Pair> SameVariants(string work, string photo)
    {
        yield return new("re-encoded, JPEG q50 at half size", photo, Variant(work, photo, "half-q50", image => image.Resize(0.5), quality: 50));
        yield return new("centre crop, 80%", photo, Variant(work, photo, "crop80", image => image.Crop(image.Width / 10, image.Height / 10, image.Width * 8 / 10, image.Height * 8 / 10)));
        yield return new("square centre crop", photo, Variant(work, photo, "square", image =>
        {
            var side = Math.Min(image.Width, image.Height);
            return image.Crop((image.Width - side) / 2, (image.Height - side) / 2, side, side);
        }));
        yield return new("corner crop, 70%", photo, Variant(work, photo, "corner70", image => image.Crop(0, 0, image.Width * 7 / 10, image.Height * 7 / 10)));
        yield return new("brighter (×1.15 + 10)", photo, Variant(work, photo, "brighter", image => image.Linear([1.15], [10.0]).Cast(Enums.BandFormat.Uchar)));
    }

    private static string Variant(string work, string photo, string name, Func<Image, Image> change, int quality = 90)
    {
        var path = Path.Combine(work, $"{Path.GetFileNameWithoutExtension(photo)}-{name}.jpg");
        using var source = Image.NewFromFile(photo);
        using var changed = change(source);
        changed.Jpegsave(path, q: quality);
        return path;
    }

    private static string Sibling(IReadOnlyList<string> reference, string name) =>
        Path.Combine(Path.GetDirectoryName(reference.First(file => file.EndsWith("/motorcycle_left.png", StringComparison.Ordinal)))!, name);

    private static double Cosine(float[] a, float[] b, float[]? centre)
    {
        double dot = 0, normA = 0, normB = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var shift = centre?[i] ?? 0;
            double x = a[i] - shift, y = b[i] - shift;
            dot += x * y;
            normA += x * x;
            normB += y * y;
        }

        return dot / Math.Sqrt(normA * normB);
    }

    /// <summary>Wall and CPU time per image for 1 and 2 threads per image, and a search over 10,000 embeddings.</summary>
    private static void ReportTimes(IReadOnlyList<string> reference)
    {
        var images = reference.Take(20).Select(file => AnalysisImage.Load(file)).ToList();
        Console.WriteLine($"\n## Time per image ({images.Count} decoded images, embedding only; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores)\n");
        Console.WriteLine("| Threads per image | callers at once | wall ms / image | CPU ms / image |\n|---|---|---|---|");
        foreach (var threads in new[] { 1, 2 })
        {
            using var embedder = ImageEmbedder.Create(threads);
            embedder.Features(images[0]);
            foreach (var callers in new[] { 1, 2 })
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                Parallel.For(0, images.Count * 2, new ParallelOptions { MaxDegreeOfParallelism = callers }, i => embedder.Features(images[i % images.Count]));
                var count = images.Count * 2;
                Console.WriteLine(Invariant($"| {threads} | {callers} | {clock.Elapsed.TotalMilliseconds / count:F0} | {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / count:F0} |"));
            }
        }

        var random = new Random(1);
        var library = Enumerable.Range(0, 10_000)
            .Select(i => new LibraryImage(i.ToString(CultureInfo.InvariantCulture), ImageEmbedding.FromCentredFeatures(ImageEmbedder.Model, [.. Enumerable.Range(0, ImageEmbedder.Dimensions).Select(_ => (float)(random.NextDouble() - 0.5))]), ["a", "b", "c"]))
            .ToList();
        var index = new SimilarImageIndex(library);
        index.Nearest(library[0].Embedding, 10);
        var searches = Stopwatch.StartNew();
        for (var i = 0; i < 200; i++)
        {
            index.Nearest(library[i].Embedding, 10, library[i].Id);
        }

        Console.WriteLine(Invariant($"\nNearest 10 among 10,000 embeddings of 512 values: {searches.Elapsed.TotalMilliseconds / 200:F2} ms per search. Peak working set of this run: {Process.GetCurrentProcess().PeakWorkingSet64 / 1_000_000} MB."));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
