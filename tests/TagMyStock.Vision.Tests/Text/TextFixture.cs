using NetVips;

namespace TagMyStock.Vision.Text;

/// <summary>
/// One reader for all the text tests (loading the models takes a while), and the sample photographs with
/// text rendered on them by Pango, written once to a temporary folder.
/// </summary>
public sealed class TextFixture : IDisposable
{
    /// <summary>Every sample photograph: none shows text.</summary>
    public static readonly string[] Photos = Samples.All;

    private readonly string _folder = Directory.CreateTempSubdirectory("tagmystock-text-").FullName;

    private readonly Lock _writing = new();

    public VisibleTextReader Reader { get; } = VisibleTextReader.Create();

    /// <summary>
    /// The photo, shrunk to 1200 pixels, with <paramref name="text"/> drawn in <paramref name="font"/> (a Pango
    /// description such as "DejaVu Sans Bold 40") and <paramref name="ink"/>, a third of the way down, as a JPEG.
    /// </summary>
    public string WithText(string photo, string text, string font, double[] ink)
    {
        var path = Path.Combine(_folder, $"{Path.GetFileNameWithoutExtension(photo)}-{string.Concat(text.Where(char.IsLetterOrDigit))}-{font.GetHashCode(StringComparison.Ordinal):x8}.jpg");
        lock (_writing)
        {
            if (!File.Exists(path))
            {
                using var shrunk = Image.Thumbnail(Samples.Path(photo), 1200);
                using var background = shrunk.HasAlpha() ? shrunk.Flatten() : shrunk.Copy();
                using var coverage = Image.Text(text, font: font, dpi: 144);
                using var colour = coverage.NewFromImage(ink);
                using var joined = colour.Bandjoin(coverage);
                using var inked = joined.Cast(Enums.BandFormat.Uchar);
                using var overlay = inked.Copy(interpretation: Enums.Interpretation.Srgb);
                using var composed = background.Composite2(overlay, Enums.BlendMode.Over, x: background.Width / 8, y: background.Height / 3);
                composed.Jpegsave(path, q: 90);
            }
        }

        return path;
    }

    /// <summary><see cref="WithText"/>'s JPEG enlarged to <paramref name="longestEdge"/> pixels, as a camera of that size would have taken it.</summary>
    public string Enlarged(string withText, int longestEdge)
    {
        var path = Path.Combine(_folder, $"{Path.GetFileNameWithoutExtension(withText)}-{longestEdge}.jpg");
        lock (_writing)
        {
            if (!File.Exists(path))
            {
                using var source = Image.NewFromFile(withText);
                using var enlarged = source.Resize(longestEdge / (double)Math.Max(source.Width, source.Height));
                enlarged.Jpegsave(path, q: 90);
            }
        }

        return path;
    }

    public void Dispose()
    {
        Reader.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
