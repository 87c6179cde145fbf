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
}
