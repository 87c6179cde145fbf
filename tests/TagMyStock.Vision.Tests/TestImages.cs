using NetVips;

namespace TagMyStock.Vision;

/// <summary>Test photographs in Data/ (see Data/README.md) and images made for a test with NetVips.</summary>
internal static class TestImages
{
    public static string Data(string fileName) => Path.Combine(AppContext.BaseDirectory, "Data", fileName);

    /// <summary>An image as the engine would see it: written to a file in <paramref name="format"/> (e.g. <c>.png</c>, <c>.jpg</c>) and loaded back.</summary>
    public static AnalysisImage Load(Image image, string format = ".png")
    {
        var path = Path.Combine(Path.GetTempPath(), $"vision-{Guid.NewGuid():N}{format}");
        try
        {
            image.WriteToFile(path);
            return AnalysisImage.Load(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>A plain canvas of one colour (three bands, or four with alpha).</summary>
    public static Image Plain(int width, int height, params double[] colour) => Image.Black(width, height).NewFromImage(colour);

    /// <summary>A filled disc of <paramref name="colour"/> in the middle of <paramref name="canvas"/>, a third of its height across.</summary>
    public static Image WithDisc(Image canvas, params double[] colour) =>
        canvas.Mutate(m => m.DrawCircle(colour, canvas.Width / 2, canvas.Height / 2, canvas.Height / 6, fill: true));

    public static Image Photo(string sampleFileName) => Image.NewFromFile(Samples.Path(sampleFileName));

    /// <summary>The astronaut's portrait side by side <paramref name="people"/> times, every other copy mirrored.</summary>
    public static Image RowOfPortraits(int people)
    {
        using var portrait = Image.NewFromFile(Data("astronaut.png"));
        using var mirrored = portrait.FlipHor();
        return Image.Arrayjoin([.. Enumerable.Range(0, people).Select(i => i % 2 == 0 ? portrait : mirrored)]);
    }
}
