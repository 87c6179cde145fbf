namespace TagMyStock.Vision.Facts;

/// <summary>
/// The plain colour words the engine uses, each with a few sRGB prototypes (a light and a dark
/// shade where people use the same word for both). A colour takes the word of its nearest
/// prototype in CIELAB, but only when that prototype is close and the nearest prototype of any
/// other word is clearly farther: colours between two words (a teal that could be green or blue)
/// get no word rather than a wrong one.
/// </summary>
internal static class ColourPalette
{
    /// <summary>Index of "no word" in <see cref="NameIndex"/>.</summary>
    public const byte Unnamed = byte.MaxValue;

    // ΔE (CIE76) limits, set so that the word shares on the sample photos match what they show (checked
    // by eye): farther than 24 the nearest word is often not what a person would say, and a margin
    // under 4 between two words is a coin toss.
    private const float MaxDistance = 24;
    private const float MinMargin = 4;

    private static readonly (string Name, (byte R, byte G, byte B)[] Prototypes)[] Words =
    [
        ("black", [(0, 0, 0), (28, 28, 28)]),
        ("grey", [(80, 80, 80), (128, 128, 128), (180, 180, 180)]),
        ("white", [(235, 235, 235), (255, 255, 255)]),
        ("red", [(255, 0, 0), (200, 30, 30), (150, 20, 25), (230, 60, 50)]),
        ("orange", [(245, 130, 30), (215, 105, 40), (250, 165, 80)]),
        ("yellow", [(255, 255, 0), (245, 220, 40), (235, 205, 90), (250, 240, 130)]),
        ("green", [(0, 200, 0), (40, 160, 60), (60, 110, 40), (120, 180, 80), (30, 75, 40), (160, 200, 110)]),
        ("turquoise", [(0, 150, 150), (60, 190, 180)]),
        ("blue", [(0, 0, 255), (30, 80, 200), (60, 130, 220), (20, 40, 110), (120, 170, 230), (165, 200, 235)]),
        ("purple", [(120, 50, 150), (160, 110, 200), (80, 30, 100)]),
        ("pink", [(240, 140, 180), (220, 80, 140), (250, 190, 210)]),
        ("brown", [(120, 70, 30), (85, 50, 30), (160, 110, 60)]),
        ("beige", [(225, 205, 165), (200, 180, 140)]),
    ];

    private static readonly byte[] NameByKey = BuildNames();

    public static int Count => Words.Length;

    public static string Name(int index) => Words[index].Name;

    /// <summary>The word (index into the palette) for a colour key of <see cref="ColourSpace"/>, or <see cref="Unnamed"/>.</summary>
    public static byte NameIndex(int key) => NameByKey[key];

    /// <summary>Whether the word is for a colour without hue (black, grey, white).</summary>
    public static bool IsNeutral(int index) => index <= 2;

    private static byte[] BuildNames()
    {
        var prototypes = Words
            .SelectMany((word, index) => word.Prototypes.Select(p => (Index: index, Lab: ColourSpace.ToLab(p.R, p.G, p.B))))
            .ToArray();
        var names = new byte[ColourSpace.KeyCount];
        Span<float> nearestPerWord = stackalloc float[Words.Length];
        for (var key = 0; key < names.Length; key++)
        {
            nearestPerWord.Fill(float.MaxValue);
            var (l, a, b) = (ColourSpace.Lightness(key), ColourSpace.A(key), ColourSpace.B(key));
            foreach (var (index, lab) in prototypes)
            {
                var distance = MathF.Sqrt(((l - lab.L) * (l - lab.L)) + ((a - lab.A) * (a - lab.A)) + ((b - lab.B) * (b - lab.B)));
                nearestPerWord[index] = Math.Min(nearestPerWord[index], distance);
            }

            names[key] = Choose(nearestPerWord);
        }

        return names;
    }

    private static byte Choose(ReadOnlySpan<float> nearestPerWord)
    {
        var best = 0;
        for (var index = 1; index < nearestPerWord.Length; index++)
        {
            if (nearestPerWord[index] < nearestPerWord[best])
            {
                best = index;
            }
        }

        var runnerUp = float.MaxValue;
        for (var index = 0; index < nearestPerWord.Length; index++)
        {
            if (index != best)
            {
                runnerUp = Math.Min(runnerUp, nearestPerWord[index]);
            }
        }

        return nearestPerWord[best] <= MaxDistance && runnerUp - nearestPerWord[best] >= MinMargin ? (byte)best : Unnamed;
    }
}
