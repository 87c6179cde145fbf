namespace TagMyStock.Core.Keywords;

public sealed class TrademarksTests
{
    [Theory]
    [InlineData("nike", "nike")]
    [InlineData("Nike shoes", "nike")]
    [InlineData("NIKE", "nike")]
    [InlineData("coca-cola", "coca-cola")]
    [InlineData("Coca Cola bottle", "coca-cola")]
    [InlineData("cocacola", "coca-cola")]
    [InlineData("Coca-Cola's logo", "coca-cola")]
    [InlineData("iPhones", "iphone")]
    [InlineData("lego bricks", "lego")]
    [InlineData("McDonald's", "mcdonalds")]
    [InlineData("post-it notes", "post-it")]
    [InlineData("Harley Davidson motorcycle", "harley-davidson")]
    [InlineData("Mercedes-Benz", "mercedes-benz")]
    [InlineData("Nestlé", "nestle")]
    [InlineData("star wars fan", "star wars")]
    public void Listed_brands_are_found_as_whole_words(string keyword, string brand)
    {
        Assert.True(Trademarks.IsTrademark(keyword, out var found));
        Assert.Equal(brand, found);
    }

    [Theory]
    [InlineData("pineapple")]
    [InlineData("apple")]
    [InlineData("red apple")]
    [InlineData("nikel")]
    [InlineData("windows")]
    [InlineData("amazon rainforest")]
    [InlineData("jaguar")]
    [InlineData("shell")]
    [InlineData("legoland")]
    [InlineData("star")]
    [InlineData("wars")]
    [InlineData("harley")]
    [InlineData("")]
    public void Ordinary_and_ambiguous_words_are_not_brands(string keyword)
    {
        Assert.False(Trademarks.IsTrademark(keyword, out var brand));
        Assert.Equal("", brand);
    }

    [Fact]
    public void The_list_is_loaded_from_the_embedded_file()
    {
        Assert.True(Trademarks.Brands.Count > 140);
        Assert.Contains("velcro", Trademarks.Brands);
        Assert.DoesNotContain("apple", Trademarks.Brands);
        Assert.All(Trademarks.Brands, brand => Assert.Equal(brand.ToLowerInvariant(), brand));
    }

    [Fact]
    public void FindIn_lists_each_brand_once_in_order() =>
        Assert.Equal(["nike", "adidas"], Trademarks.FindIn("Nike and Adidas shoes, more Nike"));

    [Theory]
    [InlineData("Runner in Nike shoes on a track", "Runner in shoes on a track")]
    [InlineData("Lego bricks, colorful toys", "bricks, colorful toys")]
    [InlineData("Colorful toys (Lego)", "Colorful toys")]
    [InlineData("Toys - Lego", "Toys")]
    [InlineData("Fresh pineapple slices", "Fresh pineapple slices")]
    public void RemoveFrom_takes_brands_out_and_tidies(string text, string expected) =>
        Assert.Equal(expected, Trademarks.RemoveFrom(text));
}
