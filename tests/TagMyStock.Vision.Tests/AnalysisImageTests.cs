namespace TagMyStock.Vision;

public sealed class AnalysisImageTests
{
    [Fact]
    public void A_large_photo_is_shrunk_to_the_longest_edge_and_keeps_its_source_size()
    {
        var image = AnalysisImage.Load(Samples.Path("dune-grass-by-the-sea.jpg"), longestEdge: 320);

        Assert.Equal(320, Math.Max(image.Width, image.Height));
        Assert.Equal(image.Width * image.Height * 3, image.Rgb.Length);
        Assert.True(image.SourceWidth > image.Width);
        Assert.Equal(image.SourceWidth / (double)image.SourceHeight, image.Width / (double)image.Height, 0.02);
        Assert.Equal(0, image.TransparentShare);
    }

    [Theory]
    [InlineData(5200, 1000)] // 1/8 scale reaches 640 px: decoded at 650, then resized.
    [InlineData(4000, 800)] // 1/8 would be 500 px: decoded at 1/4.
    [InlineData(900, 300)] // Smaller than two 640s: decoded at 1/1 and resized.
    public void A_large_jpeg_decodes_scaled_down_and_upright(int width, int height)
    {
        // Left half red, right half blue, stored sideways: orientation 6 turns it a quarter clockwise, red on top.
        using var red = TestImages.Plain(width / 2, height, 255, 0, 0);
        using var blue = TestImages.Plain(width - (width / 2), height, 0, 0, 255);
        using var sideways = red.Join(blue, NetVips.Enums.Direction.Horizontal);
        using var tagged = sideways.Mutate(image => image.Set(NetVips.GValue.GIntType, "orientation", 6));

        var image = TestImages.Load(tagged, ".jpg");

        Assert.Equal((height, width), (image.SourceWidth, image.SourceHeight));
        Assert.Equal(640, image.Height);
        Assert.Equal(height * 640.0 / width, image.Width, 1.0);
        var top = Pixel(image, image.Width / 2, image.Height / 4);
        var bottom = Pixel(image, image.Width / 2, image.Height * 3 / 4);
        Assert.True(top[0] > 200 && top[2] < 50, $"the top should be red, was {string.Join(",", top)}");
        Assert.True(bottom[2] > 200 && bottom[0] < 50, $"the bottom should be blue, was {string.Join(",", bottom)}");
    }

    [Fact]
    public void A_wide_gamut_photo_is_read_through_its_embedded_profile()
    {
        // sRGB (230, 40, 30) written as Display P3 with the profile embedded: its stored values are about (211, 61, 46).
        using var red = TestImages.Plain(1200, 800, 230, 40, 30);
        using var p3 = red.IccTransform("p3", inputProfile: "srgb");

        var image = TestImages.Load(p3, ".jpg");

        var centre = Pixel(image, image.Width / 2, image.Height / 2);
        Assert.InRange(centre[0], 222, 238);
        Assert.InRange(centre[1], 32, 48);
        Assert.InRange(centre[2], 22, 38);
    }

    [Fact]
    public void Transparency_is_flattened_onto_white_and_measured()
    {
        var path = Path.Combine(Path.GetTempPath(), $"analysis-{Guid.NewGuid():N}.png");
        try
        {
            // Left half opaque red, right half fully transparent.
            using (var red = NetVips.Image.Black(100, 50).NewFromImage(255, 0, 0, 255))
            using (var clear = NetVips.Image.Black(100, 50).NewFromImage(0, 0, 0, 0))
            using (var both = red.Insert(clear, 50, 0))
            {
                both.WriteToFile(path);
            }

            var image = AnalysisImage.Load(path);

            Assert.Equal(0.5, image.TransparentShare, 0.01);
            Assert.Equal([255, 0, 0], image.Rgb[..3]);
            Assert.Equal([255, 255, 255], image.Rgb[^3..]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_file_that_is_not_an_image_is_refused()
    {
        var path = Path.Combine(Path.GetTempPath(), $"analysis-{Guid.NewGuid():N}.jpg");
        File.WriteAllText(path, "not an image");
        try
        {
            Assert.Throws<NetVips.VipsException>(() => AnalysisImage.Load(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static byte[] Pixel(AnalysisImage image, int x, int y) => image.Rgb.AsSpan(((y * image.Width) + x) * 3, 3).ToArray();
}
