namespace TagMyStock.Vision.Text;

/// <summary>The text lines read in an image, in reading order (top to bottom, then left to right).</summary>
/// <param name="Lines">Every line that passed the reader's thresholds; empty when the image shows no readable text.</param>
/// <param name="AreaShare">Share of the image's area (0–1) that the lines' boxes cover.</param>
public sealed record VisibleText(IReadOnlyList<TextLine> Lines, double AreaShare)
{
    /// <summary>An image without readable text.</summary>
    public static VisibleText None { get; } = new([], 0);

    public bool HasText => Lines.Count > 0;
}

/// <summary>One line (or word) of text found in an image.</summary>
/// <param name="Text">What the line says, as recognised: case and spacing as the model read them.</param>
/// <param name="Confidence">The recogniser's mean probability over the line's characters (0–1).</param>
/// <param name="DetectionScore">The detector's mean text probability over the line's box (0–1).</param>
/// <param name="Box">Where the line is, in the pixels of the <see cref="AnalysisImage"/> that was read.</param>
public sealed record TextLine(string Text, double Confidence, double DetectionScore, TextBox Box);

/// <summary>An upright rectangle in image pixels.</summary>
public readonly record struct TextBox(int X, int Y, int Width, int Height)
{
    public int Area => Width * Height;

    /// <summary>The whole pixels that cover the edges given (in pixels, fractions allowed), inside a <paramref name="width"/>×<paramref name="height"/> image.</summary>
    internal static TextBox Covering(double left, double top, double right, double bottom, int width, int height)
    {
        var x = Math.Clamp((int)Math.Floor(left), 0, width);
        var y = Math.Clamp((int)Math.Floor(top), 0, height);
        return new TextBox(x, y, Math.Clamp((int)Math.Ceiling(right), 0, width) - x, Math.Clamp((int)Math.Ceiling(bottom), 0, height) - y);
    }
}
