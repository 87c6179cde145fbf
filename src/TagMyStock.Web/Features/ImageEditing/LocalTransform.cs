using System.Globalization;
using NetVips;
using TagMyStock.Web.Features.Gallery;
using TagMyStock.Web.Features.Gallery.Derivatives;

namespace TagMyStock.Web.Features.ImageEditing;

/// <summary>
/// A local edit, applied in this order: turned upright by its EXIF orientation (as every view shows it), cropped
/// (so a crop is chosen on the picture as the user sees it), rotated, flipped, made smaller, and saved in a format.
/// </summary>
/// <param name="Rotate">Clockwise degrees: 0, 90, 180 or 270.</param>
/// <param name="FlipHorizontal">Mirrored left to right, after the rotation.</param>
/// <param name="Crop">The part kept, as fractions of the upright image, so that it holds at any preview size.</param>
/// <param name="LongEdge">The longest edge in pixels after the crop; only ever smaller (enlarging is the upscale's work).</param>
/// <param name="Format">One of <see cref="ImageFormats"/>; null keeps the source's.</param>
/// <param name="Quality">JPEG or WebP quality, 1–100; null for <see cref="LocalTransform.DefaultQuality"/>.</param>
public sealed record TransformSteps(int Rotate = 0, bool FlipHorizontal = false, CropBox? Crop = null, int? LongEdge = null, string? Format = null, int? Quality = null);

/// <summary>A rectangle as fractions (0 to 1) of an image's width and height, from its top left corner.</summary>
public sealed record CropBox(double Left, double Top, double Width, double Height)
{
    /// <summary>The rectangle in pixels of a <paramref name="width"/> × <paramref name="height"/> image, at least one pixel, inside it.</summary>
    public (int Left, int Top, int Width, int Height) InPixels(int width, int height)
    {
        var left = Math.Clamp((int)Math.Round(Left * width), 0, width - 1);
        var top = Math.Clamp((int)Math.Round(Top * height), 0, height - 1);
        var right = Math.Clamp((int)Math.Round((Left + Width) * width), left + 1, width);
        var bottom = Math.Clamp((int)Math.Round((Top + Height) * height), top + 1, height);
        return (left, top, right - left, bottom - top);
    }
}

/// <summary>What <see cref="LocalTransform.Apply"/> wrote.</summary>
/// <param name="Format">One of <see cref="ImageFormats"/>.</param>
/// <param name="Description">What was done, in words, with the resulting figures.</param>
public sealed record TransformResult(string Format, int Width, int Height, string Description);

/// <summary>Rotates, crops, resizes and converts images with libvips, keeping their colour profile and camera metadata.</summary>
public static class LocalTransform
{
    public const int DefaultQuality = 92;

    /// <summary>Applies <paramref name="steps"/> to <paramref name="source"/> (stored as <paramref name="sourceFormat"/>) and writes the result to <paramref name="destination"/>.</summary>
    /// <exception cref="VipsException">The source cannot be decoded.</exception>
    public static TransformResult Apply(Stream source, string sourceFormat, TransformSteps steps, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(destination);
        var done = new List<string>();
        var images = new List<Image>();
        try
        {
            Image Keep(Image image)
            {
                images.Add(image);
                return image;
            }

            var image = Keep(Keep(Image.NewFromStream(source)).Autorot());
            if (steps.Crop is { } crop)
            {
                var (left, top, width, height) = crop.InPixels(image.Width, image.Height);
                if (width != image.Width || height != image.Height)
                {
                    image = Keep(image.ExtractArea(left, top, width, height));
                    done.Add(string.Create(CultureInfo.InvariantCulture, $"cropped to {width} × {height}"));
                }
            }

            image = steps.Rotate switch
            {
                0 => image,
                90 => Keep(image.Rot90()),
                180 => Keep(image.Rot180()),
                270 => Keep(image.Rot270()),
                _ => throw new ArgumentOutOfRangeException(nameof(steps), steps.Rotate, "Rotate by 0, 90, 180 or 270 degrees."),
            };
            if (steps.Rotate != 0)
            {
                done.Add(string.Create(CultureInfo.InvariantCulture, $"rotated {steps.Rotate}°"));
            }

            if (steps.FlipHorizontal)
            {
                image = Keep(image.Flip(Enums.Direction.Horizontal));
                done.Add("flipped");
            }

            if (steps.LongEdge is { } longEdge && longEdge < Math.Max(image.Width, image.Height))
            {
                image = Keep(image.Resize(longEdge / (double)Math.Max(image.Width, image.Height), kernel: Enums.Kernel.Lanczos3));
                done.Add(string.Create(CultureInfo.InvariantCulture, $"resized to {image.Width} × {image.Height}"));
            }

            var format = steps.Format ?? sourceFormat;
            if (format != sourceFormat)
            {
                done.Add($"converted to {format.ToUpperInvariant()}");
            }

            Save(format == ImageFormats.Jpeg ? Keep(ThumbnailMaker.Viewable(image)) : image, format, steps.Quality ?? DefaultQuality, destination);
            var description = done.Count == 0 ? "Saved again" : string.Join(", ", done);
            return new TransformResult(format, image.Width, image.Height, char.ToUpperInvariant(description[0]) + description[1..]);
        }
        finally
        {
            foreach (var image in images)
            {
                image.Dispose();
            }
        }
    }

    private static void Save(Image image, string format, int quality, Stream destination)
    {
        switch (format)
        {
            case ImageFormats.Jpeg:
                image.JpegsaveStream(destination, q: quality, optimizeCoding: true);
                break;
            case ImageFormats.Png:
                image.PngsaveStream(destination);
                break;
            case ImageFormats.WebP:
                image.WebpsaveStream(destination, q: quality);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Save as jpeg, png or webp.");
        }
    }
}
