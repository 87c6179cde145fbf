namespace TagMyStock.Web.Features.Generation.Fal;

/// <summary>What a run will cost, from the prices in the catalogue, before it is submitted.</summary>
public static class FalPricing
{
    private const double PixelsPerMegapixel = 1_000_000;

    /// <summary>
    /// The price in US dollars of <paramref name="images"/> outputs of <paramref name="width"/> × <paramref name="height"/>
    /// pixels. A per-megapixel price is counted on whole megapixels per image, rounded up, so that the estimate
    /// (from which credits are reserved) does not fall short of the bill.
    /// </summary>
    public static decimal Estimate(FalModel model, int images, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegative(images);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        return model.PriceUnit switch
        {
            FalPriceUnit.PerImage => model.Price * images,
            FalPriceUnit.PerMegapixel => model.Price * images * (decimal)Math.Ceiling(width * (double)height / PixelsPerMegapixel),
            _ => throw new ArgumentOutOfRangeException(nameof(model), model.PriceUnit, "Unknown price unit."),
        };
    }

    /// <summary>The price of a text-to-image run.</summary>
    public static decimal Estimate(FalModel model, TextToImageRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (width, height) = FalInputs.SizeOf(request.AspectRatio);
        return Estimate(model, request.Images, width, height);
    }
}
