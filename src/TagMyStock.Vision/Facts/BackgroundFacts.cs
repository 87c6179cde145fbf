using System.Globalization;

namespace TagMyStock.Vision.Facts;

/// <summary>"Isolated on white" (black, transparent) from the border band, and copy space from plain cells of the grid.</summary>
internal static class BackgroundFacts
{
    // A cut-out on a studio backdrop has a border that is practically all backdrop (98 %: a shadow or a
    // stray hair may touch the edge), and a subject that is more than a speck (3 % of the frame).
    private const double MinBorderShare = 0.98;
    private const double MinSubjectShare = 0.03;

    // Transparency flattened onto white: a fifth of the frame clear makes it a cut-out, not a soft edge.
    private const double MinTransparentShare = 0.2;

    // A cell is plain when its mean luma gradient is at most 4 levels per 2 px: the storm sky, the
    // water drop's backdrop and the ladybird's bokeh measure 1–4; grass, wood and faces 6 and more.
    private const double MaxPlainGradient = 4;

    // Copy space: a band from one edge at least a third of the frame deep, plain in 95 % of its cells,
    // beside a frame that holds something (15 % of the cells not plain), so a blank image does not qualify.
    private const int MinBandCells = PixelStatistics.GridSize / 3;
    private const double MinPlainShareInBand = 0.95;
    private const double MinDetailedShareInFrame = 0.15;

    /// <summary>The isolation concepts and the backdrop's colour word (white, also for transparency flattened onto white), or nothing.</summary>
    public static (IReadOnlyList<PixelConcept> Concepts, string? Backdrop) DescribeIsolation(AnalysisImage image, PixelStatistics statistics)
    {
        var plain = statistics.Plain;
        var borderWhite = plain.BorderWhite / (double)plain.Border;
        var borderBlack = plain.BorderBlack / (double)plain.Border;
        if (borderWhite >= MinBorderShare && 1 - (plain.White / (double)statistics.PixelCount) >= MinSubjectShare)
        {
            if (image.TransparentShare >= MinTransparentShare)
            {
                var reason = string.Create(CultureInfo.InvariantCulture, $"{image.TransparentShare:0 %} of the image is transparent, all around the subject");
                return ([new PixelConcept("isolated", 0.9, reason), new PixelConcept("transparent background", 0.9, reason), new PixelConcept("cut out", 0.8, reason)], "white");
            }

            var white = string.Create(CultureInfo.InvariantCulture, $"{borderWhite:0 %} of the border is pure white");
            return ([new PixelConcept("isolated", 0.9, white), new PixelConcept("isolated on white", 0.9, white), new PixelConcept("white background", 0.9, white)], "white");
        }

        if (borderBlack >= MinBorderShare && 1 - (plain.Black / (double)statistics.PixelCount) >= MinSubjectShare)
        {
            var black = string.Create(CultureInfo.InvariantCulture, $"{borderBlack:0 %} of the border is pure black");
            return ([new PixelConcept("isolated", 0.85, black), new PixelConcept("isolated on black", 0.85, black), new PixelConcept("black background", 0.85, black)], "black");
        }

        return ([], null);
    }

    /// <summary>The sides with copy space, and the concept that says so (none when no side qualifies).</summary>
    public static (CopySpace Sides, PixelConcept? Concept) FindCopySpace(PixelStatistics statistics)
    {
        const int size = PixelStatistics.GridSize;
        var plain = new bool[size, size];
        var detailed = 0;
        for (var row = 0; row < size; row++)
        {
            for (var column = 0; column < size; column++)
            {
                plain[column, row] = statistics.Cell(column, row).Gradient <= MaxPlainGradient;
                detailed += plain[column, row] ? 0 : 1;
            }
        }

        if (detailed < MinDetailedShareInFrame * size * size)
        {
            return (CopySpace.None, null);
        }

        var depths = new (CopySpace Side, int Depth)[]
        {
            (CopySpace.Left, BandDepth(plain, (depth, along) => (depth, along))),
            (CopySpace.Right, BandDepth(plain, (depth, along) => (size - 1 - depth, along))),
            (CopySpace.Top, BandDepth(plain, (depth, along) => (along, depth))),
            (CopySpace.Bottom, BandDepth(plain, (depth, along) => (along, size - 1 - depth))),
        };
        var found = depths.Where(d => d.Depth >= MinBandCells).ToArray();
        if (found.Length == 0)
        {
            return (CopySpace.None, null);
        }

        var sides = found.Aggregate(CopySpace.None, (all, d) => all | d.Side);
        var deepest = found.MaxBy(d => d.Depth);
        var reason = string.Create(
            CultureInfo.InvariantCulture,
            $"plain area over the {deepest.Side.ToString().ToLowerInvariant()} {deepest.Depth / (double)size:0 %} of the frame");
        return (sides, new PixelConcept("copy space", 0.85, reason));
    }

    /// <summary>How many cells deep, from one edge, the frame stays plain (allowing 5 % of the band's cells to be busy).</summary>
    private static int BandDepth(bool[,] plain, Func<int, int, (int Column, int Row)> cellAt)
    {
        const int size = PixelStatistics.GridSize;
        var busy = 0;
        for (var depth = 0; depth < size; depth++)
        {
            for (var along = 0; along < size; along++)
            {
                var (column, row) = cellAt(depth, along);
                busy += plain[column, row] ? 0 : 1;
            }

            if (busy > (1 - MinPlainShareInBand) * (depth + 1) * size)
            {
                return depth;
            }
        }

        return size;
    }
}
