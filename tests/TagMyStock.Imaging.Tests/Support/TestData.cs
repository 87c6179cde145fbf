using TagMyStock.Core.Metadata;

namespace TagMyStock.Imaging;

/// <summary>The sample files in Data/ (see Data/README.md) and the metadata the tests embed.</summary>
internal static class TestData
{
    public static readonly string[] Jpegs =
    [
        "baseline.jpg", "no-app-segments.jpg", "progressive.jpg", "cmyk.jpg", "photoshop-app13.jpg", "extended-xmp.jpg",
    ];

    public static readonly string[] Pngs = ["plain.png", "a1111.png", "comfyui.png"];

    /// <summary>Unicode in every field: accents, umlauts and CJK must survive both IIM and XMP.</summary>
    public static ImageMetadata Unicode { get; } = new()
    {
        Title = "Snowy cabin at dusk, café über 日本",
        Description = "A warm wooden cabin in a snowy pine forest at dusk; crème brûlée light, Grüße aus 日本.",
        Keywords = ["cabin", "snow", "forest", "café", "über", "日本", "dusk"],
        Flags = ContentFlags.AiGenerated,
    };

    public static ImageMetadata Other { get; } = new()
    {
        Title = "Red fox in autumn grass",
        Description = "A red fox sits in tall autumn grass at golden hour.",
        Keywords = ["fox", "autumn", "wildlife"],
    };

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Data", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));
}

/// <summary>A folder of its own for one test, deleted afterwards.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("tagmystock-imaging-").FullName;

    public string Copy(string dataName, string? asName = null)
    {
        var path = System.IO.Path.Combine(Path, asName ?? dataName);
        File.Copy(TestData.PathOf(dataName), path);
        return path;
    }

    public string Write(string name, byte[] bytes)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string[] Files() => Directory.GetFiles(Path);

    public void Dispose()
    {
        foreach (var file in Directory.GetFiles(Path))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        Directory.Delete(Path, recursive: true);
    }
}
