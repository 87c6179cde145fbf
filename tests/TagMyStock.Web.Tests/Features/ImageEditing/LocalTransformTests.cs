using NetVips;
using TagMyStock.Web.Features.Gallery;

namespace TagMyStock.Web.Features.ImageEditing;

public sealed class LocalTransformTests
{
    [Fact]
    public void An_image_stored_sideways_is_edited_as_it_is_seen_upright()
    {
        // 300 × 200 pixels stored, with EXIF orientation 6: seen upright it is 200 wide and 300 high.
        using var black = Image.Black(300, 200, bands: 3);
        using var stored = black.Mutate(image => image.Set(GValue.GIntType, "orientation", 6));
        var source = stored.JpegsaveBuffer();

        var (result, image) = Transform(source, ImageFormats.Jpeg, new TransformSteps(Crop: new CropBox(0, 0, 0.5, 1)));

        Assert.Equal((100, 300), (image.Width, image.Height));
        Assert.Equal("Cropped to 100 × 300", result.Description);
        Assert.False(image.GetFields().Contains("orientation") && (int)image.Get("orientation") != 1);
    }

    [Fact]
    public void A_transparent_png_made_a_jpeg_is_laid_on_white()
    {
        using var transparent = Image.Black(40, 30, bands: 4).Copy(interpretation: Enums.Interpretation.Srgb);
        var (result, image) = Transform(transparent.PngsaveBuffer(), ImageFormats.Png, new TransformSteps(Format: ImageFormats.Jpeg, Quality: 90));

        Assert.Equal((ImageFormats.Jpeg, "Converted to JPEG", 3), (result.Format, result.Description, image.Bands));
        Assert.Equal(255, image.Min(), 0);
    }

    [Fact]
    public void A_resize_only_ever_shrinks_and_keeps_the_shape()
    {
        using var wide = Image.Black(400, 100, bands: 3).Copy(interpretation: Enums.Interpretation.Srgb);
        var source = wide.PngsaveBuffer();

        var (smaller, shrunk) = Transform(source, ImageFormats.Png, new TransformSteps(LongEdge: 200));
        var (same, kept) = Transform(source, ImageFormats.Png, new TransformSteps(LongEdge: 800, Format: ImageFormats.WebP));

        Assert.Equal(((200, 50), "Resized to 200 × 50"), ((shrunk.Width, shrunk.Height), smaller.Description));
        Assert.Equal(((400, 100), "Converted to WEBP", "webpload_buffer"), ((kept.Width, kept.Height), same.Description, (string)kept.Get("vips-loader")));
    }

    [Fact]
    public void Rotation_and_flip_follow_the_crop()
    {
        // The left half white: cropped to it, then turned a quarter clockwise and flipped, the white lies across the whole result.
        using var black = Image.Black(200, 100, bands: 1);
        using var half = black.Mutate(image => image.DrawRect([255.0], 0, 0, 100, 100, fill: true));
        var (result, image) = Transform(half.PngsaveBuffer(), ImageFormats.Png, new TransformSteps(Rotate: 90, FlipHorizontal: true, Crop: new CropBox(0, 0, 0.5, 1)));

        Assert.Equal((100, 100, 255.0), (image.Width, image.Height, image.Min()));
        Assert.Equal("Cropped to 100 × 100, rotated 90°, flipped", result.Description);
    }

    [Theory]
    [InlineData(0.5, 0.5, 1, 1, 50, 50, 50, 50)]
    [InlineData(0, 0, 0.0001, 0.0001, 0, 0, 1, 1)]
    [InlineData(0.999, 0.999, 0.5, 0.5, 99, 99, 1, 1)]
    public void A_crop_in_pixels_is_at_least_one_pixel_and_inside_the_image(double left, double top, double width, double height, int x, int y, int w, int h)
    {
        Assert.Equal((x, y, w, h), new CropBox(left, top, width, height).InPixels(100, 100));
    }

    private static (TransformResult Result, Image Image) Transform(byte[] source, string format, TransformSteps steps)
    {
        using var output = new MemoryStream();
        var result = LocalTransform.Apply(new MemoryStream(source), format, steps, output);
        return (result, Image.NewFromBuffer(output.ToArray()));
    }
}
