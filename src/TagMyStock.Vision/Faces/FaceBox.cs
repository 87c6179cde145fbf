namespace TagMyStock.Vision.Faces;

/// <summary>A face found in an <see cref="AnalysisImage"/>, in its pixels (top-left origin).</summary>
public sealed record FaceBox(int X, int Y, int Width, int Height);
