using TagMyStock.Web.Features.Generation.Fal;

namespace TagMyStock.Web.Features.ImageEditing;

/// <summary>What an edit at FAL.ai costs, from the catalogue's price, before it is submitted.</summary>
public static class EditPricing
{
    /// <summary>
    /// The size of the image a model makes from a <paramref name="width"/> × <paramref name="height"/> source: the
    /// size sent (<see cref="FalEditImages.SentSize"/>), times the factor for an upscale.
    /// </summary>
    public static (int Width, int Height) OutputSize(FalModel model, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(model);
        var (sentWidth, sentHeight) = FalEditImages.SentSize(width, height, model.MaxInputMegapixels);
        return model.Kind == FalModelKind.Upscale ? (sentWidth * model.UpscaleFactor, sentHeight * model.UpscaleFactor) : (sentWidth, sentHeight);
    }

    /// <summary>
    /// The price in US dollars of one edit of a <paramref name="width"/> × <paramref name="height"/> image. FAL's
    /// per-megapixel prices count the image a model makes, so an upscale is priced on the enlarged image.
    /// </summary>
    public static decimal Estimate(FalModel model, int width, int height)
    {
        var (outputWidth, outputHeight) = OutputSize(model, width, height);
        return FalPricing.Estimate(model, 1, outputWidth, outputHeight);
    }
}
