using NetVips;

namespace TagMyStock.Vision;

public sealed class AnalysisImageTests
{
    [Fact]
    public void A_large_photo_is_shrunk_to_the_longest_edge_and_keeps_its_source_size()
    {
        var image = AnalysisImage.Load(Samples.Path("dune-grass-by-the-sea.jpg"), longestEdge: 320);

        // A JPEG decodes at the scale libjpeg reaches at least three quarters of the way: here 1/8.
        Assert.InRange(Math.Max(image.Width, image.Height), 0.75 * 320, 320);
        Assert.Equal(image.Width * image.Height * 3, image.Rgb.Length);
        Assert.True(image.SourceWidth > image.Width);
        Assert.Equal(image.SourceWidth / (double)image.SourceHeight, image.Width / (double)image.Height, 0.02);
        Assert.Equal(0, image.TransparentShare);
    }

    [Theory]
    [InlineData(5200, 1000, 640)] // 1/8 scale reaches 640 px: decoded at 650, then resized.
    [InlineData(4000, 800, 500)] // 1/8 scale gives 500 px, more than three quarters of 640: kept as it is.
    [InlineData(3600, 800, 640)] // 1/8 would be 450 px: decoded at 1/4, then resized.
    [InlineData(900, 300, 640)] // Smaller than two 640s: decoded at 1/1 and resized.
    public void A_large_jpeg_decodes_scaled_down_and_upright(int width, int height, int decodedLongest)
    {
        // Left half red, right half blue, stored sideways: orientation 6 turns it a quarter clockwise, red on top.
        using var red = TestImages.Plain(width / 2, height, 255, 0, 0);
        using var blue = TestImages.Plain(width - (width / 2), height, 0, 0, 255);
        using var sideways = red.Join(blue, NetVips.Enums.Direction.Horizontal);
        using var tagged = sideways.Mutate(image => image.Set(NetVips.GValue.GIntType, "orientation", 6));

        var image = TestImages.Load(tagged, ".jpg");

        Assert.Equal((height, width), (image.SourceWidth, image.SourceHeight));
        Assert.Equal(decodedLongest, image.Height);
        Assert.Equal(height * (double)decodedLongest / width, image.Width, 1.0);
        var top = Pixel(image, image.Width / 2, image.Height / 4);
        var bottom = Pixel(image, image.Width / 2, image.Height * 3 / 4);
        Assert.True(top[0] > 200 && top[2] < 50, $"the top should be red, was {string.Join(",", top)}");
        Assert.True(bottom[2] > 200 && bottom[0] < 50, $"the bottom should be blue, was {string.Join(",", bottom)}");
    }

    [Fact]
    public void A_coarsely_decoded_jpeg_is_decoded_again_at_the_size_asked_for_when_detail_is_needed()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vision-{Guid.NewGuid():N}.jpg");
        using (var photo = Image.NewFromFile(Samples.Path("dune-grass-by-the-sea.jpg")))
        using (var twelveMegapixels = photo.ThumbnailImage(4000, height: 3000, size: Enums.Size.Force))
        {
            twelveMegapixels.WriteToFile(path);
        }

        try
        {
            var coarse = AnalysisImage.Load(path);
            Assert.Equal((500, 375), (coarse.Width, coarse.Height));

            var detailed = coarse.Detailed(AnalysisImage.DefaultLongestEdge);

            Assert.Equal((640, 480), (detailed.Width, detailed.Height));
            Assert.Equal(500 / 640.0, coarse.ShareOfAskedSize, 6);
            Assert.Equal(1, detailed.ShareOfAskedSize);
            Assert.Equal((4000, 3000), (detailed.SourceWidth, detailed.SourceHeight));
            Assert.Same(coarse, coarse.Detailed(480));
            Assert.Same(detailed, detailed.Detailed(AnalysisImage.DefaultLongestEdge));
            File.Delete(path);
            Assert.Same(coarse, coarse.Detailed(AnalysisImage.DefaultLongestEdge));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void An_image_no_larger_than_its_analysis_copy_needs_no_second_decode()
    {
        var image = AnalysisImage.Load(Samples.Path("tabby-cat-with-green-eyes.png"), longestEdge: 4096);

        Assert.Same(image, image.Detailed(4096));
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
