namespace TagMyStock.Web.Features.Generation.Fal;

public sealed class FalPricingTests
{
    private static readonly FalModel PerMegapixel = new() { Id = "fal-ai/flux/schnell", Price = 0.003m, PriceUnit = FalPriceUnit.PerMegapixel };
    private static readonly FalModel PerImage = new() { Id = "fal-ai/recraft/v3/text-to-image", Price = 0.04m, PriceUnit = FalPriceUnit.PerImage };

    [Theory]
    [InlineData(StockAspectRatio.Landscape3x2)]
    [InlineData(StockAspectRatio.Portrait2x3)]
    [InlineData(StockAspectRatio.Widescreen16x9)]
    [InlineData(StockAspectRatio.Square1x1)]
    [InlineData(StockAspectRatio.Landscape4x3)]
    public void Every_stock_ratio_is_one_megapixel_unit_in_multiples_of_16(StockAspectRatio ratio)
    {
        var (width, height) = FalInputs.SizeOf(ratio);

        Assert.Equal(0, width % 16);
        Assert.Equal(0, height % 16);
        Assert.InRange(width * height, 900_000, 1_000_000);
        Assert.Equal(0.012m, FalPricing.Estimate(PerMegapixel, new TextToImageRequest("p", ratio, Images: 4, Seed: null, NegativePrompt: null)));
    }

    [Fact]
    public void A_started_megapixel_counts_whole_and_a_per_image_price_ignores_size()
    {
        Assert.Equal(0.006m, FalPricing.Estimate(PerMegapixel, images: 1, width: 1024, height: 1024));
        Assert.Equal(0.08m, FalPricing.Estimate(PerImage, images: 2, width: 4096, height: 4096));
    }

    [Fact]
    public void Negative_guidance_goes_only_to_models_that_take_it_and_fixed_input_is_added()
    {
        var model = new FalModel { Id = "m", SupportsNegativePrompt = true, FixedInput = { ["style"] = "digital_illustration" } };

        var input = FalInputs.TextToImage(model, new TextToImageRequest(" a fox ", StockAspectRatio.Square1x1, 1, Seed: null, NegativePrompt: "text, watermark"));

        Assert.Equal("a fox", (string?)input["prompt"]);
        Assert.Equal("text, watermark", (string?)input["negative_prompt"]);
        Assert.Equal("digital_illustration", (string?)input["style"]);
        Assert.Null(input["seed"]);
    }
}
