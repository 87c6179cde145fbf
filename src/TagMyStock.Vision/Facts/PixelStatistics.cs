namespace TagMyStock.Vision.Facts;

/// <summary>
/// Everything the visual facts are decided from, measured in one pass over an <see cref="AnalysisImage"/>:
/// a lightness histogram, the share of each colour word, and per cell of a
/// <see cref="GridSize"/>×<see cref="GridSize"/> grid the local tone, colour spread, detail and noise.
/// </summary>
internal sealed class PixelStatistics
{
    /// <summary>Cells per side: divisible by 2, 3 and 4, so halves, thirds and quarters fall on cell edges.</summary>
    public const int GridSize = 12;

    /// <summary>CIELAB chroma above which a pixel reads as coloured rather than grey (a just visible tint is about 5).</summary>
    public const float ColourfulChroma = 10;

    /// <summary>Width of the border band, as a share of each side, that decides what the background is.</summary>
    private const double BorderShare = 0.03;

    private PixelStatistics(int pixelCount, int[] lightnessHistogram, int[] colourWordCounts, int colourfulPixels, PlainPixels plain, CellStatistics[] cells)
    {
        PixelCount = pixelCount;
        Plain = plain;
        LightnessHistogram = lightnessHistogram;
        ColourWordCounts = colourWordCounts;
        ColourfulPixels = colourfulPixels;
        Cells = cells;
    }

    public int PixelCount { get; }

    /// <summary>Pixel counts per CIELAB lightness, 0–100 in steps of 1.</summary>
    public int[] LightnessHistogram { get; }

    /// <summary>Pixel counts per colour word of <see cref="ColourPalette"/>.</summary>
    public int[] ColourWordCounts { get; }

    /// <summary>Pixels with a chroma above <see cref="ColourfulChroma"/>: visibly not grey.</summary>
    public int ColourfulPixels { get; }

    /// <summary>Row by row, <see cref="GridSize"/> cells per row.</summary>
    public CellStatistics[] Cells { get; }

    /// <summary>Pure-white and pure-black pixels, in the whole image and in its border band.</summary>
    public PlainPixels Plain { get; }

    public CellStatistics Cell(int column, int row) => Cells[(row * GridSize) + column];

    /// <summary>Share of the pixels with lightness in [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public double LightnessShare(int from, int to)
    {
        var count = 0;
        for (var l = Math.Max(0, from); l <= Math.Min(100, to); l++)
        {
            count += LightnessHistogram[l];
        }

        return count / (double)PixelCount;
    }

    /// <summary>The lightness below which <paramref name="fraction"/> of the pixels lie.</summary>
    public int LightnessPercentile(double fraction)
    {
        var target = fraction * PixelCount;
        var seen = 0;
        for (var l = 0; l <= 100; l++)
        {
            seen += LightnessHistogram[l];
            if (seen >= target)
            {
                return l;
            }
        }

        return 100;
    }

    public double MeanLightness()
    {
        var sum = 0.0;
        for (var l = 0; l <= 100; l++)
        {
            sum += l * (double)LightnessHistogram[l];
        }

        return sum / PixelCount;
    }

    public static PixelStatistics Measure(AnalysisImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var (width, height, rgb) = (image.Width, image.Height, image.Rgb);
        var luma = new byte[width * height];
        var lightnessHistogram = new int[101];
        var colourWordCounts = new int[ColourPalette.Count];
        var colourfulPixels = 0;
        var accumulators = new CellAccumulator[GridSize * GridSize];
        var plain = new PlainPixels();
        var borderX = Math.Max(1, (int)Math.Round(width * BorderShare));
        var borderY = Math.Max(1, (int)Math.Round(height * BorderShare));
        for (var y = 0; y < height; y++)
        {
            var row = y * GridSize / height * GridSize;
            var borderRow = y < borderY || y >= height - borderY;
            for (var x = 0; x < width; x++)
            {
                var pixel = (y * width) + x;
                var (red, green, blue) = (rgb[pixel * 3], rgb[(pixel * 3) + 1], rgb[(pixel * 3) + 2]);
                luma[pixel] = (byte)(((77 * red) + (150 * green) + (29 * blue)) >> 8);
                var key = ColourSpace.Key(red, green, blue);
                var lightness = ColourSpace.Lightness(key);
                var chroma = ColourSpace.Chroma(key);
                lightnessHistogram[Math.Clamp((int)MathF.Round(lightness), 0, 100)]++;
                if (chroma > ColourfulChroma)
                {
                    colourfulPixels++;
                }

                plain.Add(lightness, chroma, borderRow || x < borderX || x >= width - borderX);
                var word = ColourPalette.NameIndex(key);
                if (word != ColourPalette.Unnamed)
                {
                    colourWordCounts[word]++;
                }

                accumulators[row + (x * GridSize / width)].AddColour(lightness, ColourSpace.A(key), ColourSpace.B(key));
            }
        }

        AddDetail(luma, width, height, accumulators);
        var cells = accumulators.Select(a => a.ToStatistics(image.ShareOfAskedSize)).ToArray();
        return new PixelStatistics(width * height, lightnessHistogram, colourWordCounts, colourfulPixels, plain, cells);
    }

    /// <summary>Gradient, Laplacian and noise responses of the luma, summed per cell (border pixels have no full neighbourhood and are left out).</summary>
    private static void AddDetail(byte[] luma, int width, int height, CellAccumulator[] accumulators)
    {
        for (var y = 1; y < height - 1; y++)
        {
            var row = y * GridSize / height * GridSize;
            var above = (y - 1) * width;
            var here = y * width;
            var below = (y + 1) * width;
            for (var x = 1; x < width - 1; x++)
            {
                int centre = luma[here + x], left = luma[here + x - 1], right = luma[here + x + 1];
                int up = luma[above + x], down = luma[below + x];
                var corners = luma[above + x - 1] + luma[above + x + 1] + luma[below + x - 1] + luma[below + x + 1];
                var gradientX = right - left;
                var gradientY = down - up;
                var laplacian = (4 * centre) - left - right - up - down;
                // Immerkær's noise mask (1 -2 1 / -2 4 -2 / 1 -2 1): blind to edges and slopes, so it measures noise.
                var noise = corners - (2 * (left + right + up + down)) + (4 * centre);
                accumulators[row + (x * GridSize / width)].AddDetail(gradientX, gradientY, laplacian, noise);
            }
        }
    }

    private struct CellAccumulator
    {
        private int _pixels;
        private double _lightness;
        private double _lightnessSquares;
        private double _a;
        private double _aSquares;
        private double _b;
        private double _bSquares;
        private int _detailPixels;
        private double _gradient;
        private double _gradientEnergy;
        private double _laplacianEnergy;
        private double _noise;

        public void AddColour(float lightness, float a, float b)
        {
            _pixels++;
            _lightness += lightness;
            _lightnessSquares += lightness * lightness;
            _a += a;
            _aSquares += a * a;
            _b += b;
            _bSquares += b * b;
        }

        public void AddDetail(int gradientX, int gradientY, int laplacian, int noise)
        {
            _detailPixels++;
            var energy = (gradientX * gradientX) + (gradientY * gradientY);
            _gradient += Math.Sqrt(energy);
            _gradientEnergy += energy;
            _laplacianEnergy += laplacian * laplacian;
            _noise += Math.Abs(noise);
        }

        /// <param name="sizeShare"><see cref="AnalysisImage.ShareOfAskedSize"/>: the mean gradient is given per 2 px of the size asked for.</param>
        public readonly CellStatistics ToStatistics(double sizeShare)
        {
            var pixels = Math.Max(1, _pixels);
            var detailPixels = Math.Max(1, _detailPixels);
            var meanA = _a / pixels;
            var meanB = _b / pixels;
            var colourVariance = (_aSquares / pixels) - (meanA * meanA) + (_bSquares / pixels) - (meanB * meanB);
            var meanLightness = _lightness / pixels;
            return new CellStatistics(
                meanLightness,
                Math.Sqrt(Math.Max(0, (_lightnessSquares / pixels) - (meanLightness * meanLightness))),
                meanA,
                meanB,
                Math.Sqrt(Math.Max(0, colourVariance)),
                _gradient * sizeShare / detailPixels,
                _gradientEnergy / detailPixels,
                _laplacianEnergy / detailPixels,
                // Immerkær: σ = √(π/2) · mean |response| / 6, in luma levels.
                Math.Sqrt(Math.PI / 2) * _noise / detailPixels / 6);
        }
    }
}

/// <summary>
/// Counts of pixels that look like a studio backdrop: white (L* ≥ 95, the paper-white a clipped
/// background gives, with chroma ≤ 5) and black (L* ≤ 6, chroma ≤ 5).
/// </summary>
internal sealed class PlainPixels
{
    public int White { get; private set; }

    public int Black { get; private set; }

    public int Border { get; private set; }

    public int BorderWhite { get; private set; }

    public int BorderBlack { get; private set; }

    public void Add(float lightness, float chroma, bool inBorder)
    {
        var white = lightness >= 95 && chroma <= 5;
        var black = lightness <= 6 && chroma <= 5;
        White += white ? 1 : 0;
        Black += black ? 1 : 0;
        if (inBorder)
        {
            Border++;
            BorderWhite += white ? 1 : 0;
            BorderBlack += black ? 1 : 0;
        }
    }
}

/// <summary>One cell of the analysis grid.</summary>
/// <param name="Lightness">Mean CIELAB lightness, 0–100.</param>
/// <param name="LightnessDeviation">Standard deviation of the lightness.</param>
/// <param name="ColourDeviation">Spread of a* and b* around their mean (ΔE-like): how many colours the cell holds.</param>
/// <param name="Gradient">
/// Mean luma gradient magnitude (levels per 2 px of the analysis size asked for, even after a coarse decode): how much
/// detail the cell has.
/// </param>
/// <param name="GradientEnergy">Mean squared gradient, per 2 px of the image as decoded (the blur measure is a ratio of energies).</param>
/// <param name="LaplacianEnergy">Mean squared Laplacian: falls faster than the gradient energy when edges are soft.</param>
/// <param name="Noise">Estimated noise σ in luma levels (0–255).</param>
internal sealed record CellStatistics(
    double Lightness,
    double LightnessDeviation,
    double A,
    double B,
    double ColourDeviation,
    double Gradient,
    double GradientEnergy,
    double LaplacianEnergy,
    double Noise);
