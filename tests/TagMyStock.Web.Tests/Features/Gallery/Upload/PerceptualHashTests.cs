using NetVips;
using TagMyStock.Web.Features.Gallery;

namespace TagMyStock.Web.Features.Gallery.Upload;

/// <summary>The near-duplicate threshold, tuned on the samples: copies match, different pictures do not.</summary>
public sealed class PerceptualHashTests : IDisposable
{
    private static readonly string[] SampleNames = [.. Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Samples")).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    private readonly string _folder = Directory.CreateTempSubdirectory("tagmystock-dhash").FullName;

    [Fact]
    public void Resized_and_reencoded_copies_are_within_the_threshold_and_different_samples_beyond_it()
    {
        var threshold = new UploadOptions().NearDuplicateMaxDistance;
        var hashes = SampleNames.ToDictionary(name => name, name => HashOf(Path.Combine(AppContext.BaseDirectory, "Samples", name)));
        var copyDistances = new List<(string Name, int Distance)>();
        foreach (var name in SampleNames)
        {
            foreach (var (width, quality) in new[] { (320, 60), (200, 75), (900, 92) })
            {
                var copy = Path.Combine(_folder, $"{width}-{quality}-{name}.jpg");
                File.WriteAllBytes(copy, Uploads.ResizedCopy(name, width, quality));
                copyDistances.Add((name, PerceptualHash.Distance(hashes[name], HashOf(copy))));
            }
        }

        var closestDifferent = SampleNames.SelectMany(first => SampleNames.Where(second => string.CompareOrdinal(first, second) < 0)
            .Select(second => PerceptualHash.Distance(hashes[first], hashes[second]))).Min();

        Assert.All(copyDistances, copy => Assert.True(copy.Distance <= threshold, $"{copy.Name}: a copy is {copy.Distance} bits away"));
        Assert.True(closestDifferent > threshold, $"two different samples are only {closestDifferent} bits apart");
    }

    [Fact]
    public void Distance_counts_differing_bits()
    {
        Assert.Equal(0, PerceptualHash.Distance(-1, -1));
        Assert.Equal(64, PerceptualHash.Distance(0, -1));
        Assert.Equal(2, PerceptualHash.Distance(0b1010, 0b0000));
    }

    [Fact]
    public void A_damaged_file_throws_instead_of_hashing_what_was_read()
    {
        var jpeg = Uploads.Sample("rocket-on-launch-pad-at-dusk.jpg");
        var path = Path.Combine(_folder, "cut.jpg");
        File.WriteAllBytes(path, jpeg[..(jpeg.Length / 3)]);

        Assert.Throws<VipsException>(() => HashOf(path));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static long HashOf(string path)
    {
        using var file = File.OpenRead(path);
        return PerceptualHash.Compute(file);
    }
}
