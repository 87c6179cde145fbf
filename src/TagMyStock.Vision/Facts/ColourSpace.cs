namespace TagMyStock.Vision.Facts;

/// <summary>
/// CIELAB (D65) values of sRGB colours, looked up rather than computed: colours are quantised to
/// 5 bits per channel (32,768 entries, a few ΔE at most from the exact value), which keeps a
/// 640 px analysis to table reads per pixel.
/// </summary>
internal static class ColourSpace
{
    private const int Levels = 32;

    // L*, a*, b* and chroma of each key.
    private const int Stride = 4;

    private static readonly float[] LabTable = BuildLabTable();

    /// <summary>The table index of an sRGB colour.</summary>
    public static int Key(byte red, byte green, byte blue) => ((red >> 3) << 10) | ((green >> 3) << 5) | (blue >> 3);

    public static int KeyCount => Levels * Levels * Levels;

    public static float Lightness(int key) => LabTable[key * Stride];

    public static float A(int key) => LabTable[(key * Stride) + 1];

    public static float B(int key) => LabTable[(key * Stride) + 2];

    /// <summary>CIELAB chroma √(a² + b²): 0 for greys.</summary>
    public static float Chroma(int key) => LabTable[(key * Stride) + 3];

    /// <summary>The sRGB colour a key stands for: the centre of its quantisation cell.</summary>
    public static (byte Red, byte Green, byte Blue) Colour(int key) =>
        (Centre(key >> 10), Centre((key >> 5) & (Levels - 1)), Centre(key & (Levels - 1)));

    public static (float L, float A, float B) ToLab(byte red, byte green, byte blue)
    {
        var r = Linear(red);
        var g = Linear(green);
        var b = Linear(blue);
        // sRGB primaries to XYZ, normalised by the D65 white point.
        var x = ((0.4124564 * r) + (0.3575761 * g) + (0.1804375 * b)) / 0.95047;
        var y = (0.2126729 * r) + (0.7151522 * g) + (0.0721750 * b);
        var z = ((0.0193339 * r) + (0.1191920 * g) + (0.9503041 * b)) / 1.08883;
        var fx = F(x);
        var fy = F(y);
        var fz = F(z);
        return ((float)((116 * fy) - 16), (float)(500 * (fx - fy)), (float)(200 * (fy - fz)));
    }

    private static byte Centre(int level) => (byte)((level << 3) + 4);

    private static double Linear(byte channel)
    {
        var value = channel / 255.0;
        return value <= 0.04045 ? value / 12.92 : Math.Pow((value + 0.055) / 1.055, 2.4);
    }

    private static double F(double t) => t > 216.0 / 24389 ? Math.Cbrt(t) : ((24389.0 / 27 * t) + 16) / 116;

    private static float[] BuildLabTable()
    {
        var table = new float[KeyCount * Stride];
        for (var key = 0; key < KeyCount; key++)
        {
            var (red, green, blue) = Colour(key);
            var (l, a, b) = ToLab(red, green, blue);
            table[key * Stride] = l;
            table[(key * Stride) + 1] = a;
            table[(key * Stride) + 2] = b;
            table[(key * Stride) + 3] = MathF.Sqrt((a * a) + (b * b));
        }

        return table;
    }
}
