namespace TagMyStock.Vision;

/// <summary>The photographs in the repository's samples/ folder, copied next to the tests.</summary>
internal static class Samples
{
    public static string Path(string fileName) => System.IO.Path.Combine(AppContext.BaseDirectory, "Samples", fileName);
}
