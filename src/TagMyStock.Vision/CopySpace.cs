namespace TagMyStock.Vision;

/// <summary>Sides of the frame with a plain area large enough for a buyer's text.</summary>
[Flags]
public enum CopySpace
{
    None = 0,
    Left = 1 << 0,
    Right = 1 << 1,
    Top = 1 << 2,
    Bottom = 1 << 3,
}
