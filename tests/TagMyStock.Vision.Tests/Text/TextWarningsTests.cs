namespace TagMyStock.Vision.Text;

public sealed class TextWarningsTests(TextFixture fixture) : IClassFixture<TextFixture>
{
    [Fact]
    public void An_image_without_text_has_no_warning()
    {
        Assert.Empty(TextWarnings.For(VisibleText.None));
        Assert.Empty(TextWarnings.Brands(VisibleText.None));
    }

    [Fact]
    public void A_sign_gives_a_visible_text_warning_that_quotes_it_and_no_trademark_warning()
    {
        var visible = Read("storm-clouds-over-empty-highway.jpg", "OPEN 24 HOURS", "DejaVu Sans Bold 40", [255, 255, 255]);

        var warning = Assert.Single(TextWarnings.For(visible));

        Assert.StartsWith("Visible text: \"OPEN 24 HOURS\"", warning, StringComparison.Ordinal);
        Assert.Contains("unless editorial", warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Coca-Cola", "DejaVu Serif Bold 48", "coca-cola")]
    [InlineData("Starbucks", "Liberation Sans Bold 34", "starbucks")]
    public void A_brand_in_the_image_gives_a_trademark_warning_too(string text, string font, string brand)
    {
        var visible = Read("espresso-cup-on-wooden-table.jpg", text, font, [200, 20, 20]);

        var warnings = TextWarnings.For(visible);

        Assert.Equal([brand], TextWarnings.Brands(visible));
        Assert.Equal(2, warnings.Count);
        Assert.StartsWith("Visible text:", warnings[0], StringComparison.Ordinal);
        Assert.Contains("confidence", warnings[0], StringComparison.Ordinal);
        Assert.StartsWith($"Trademark in the image: \"{brand}\" (in the text \"{text}\")", warnings[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_brand_broken_over_two_lines_is_found_and_long_text_is_quoted_in_part()
    {
        var box = new TextBox(0, 0, 10, 10);
        var lines = new[] { "COCA", "COLA", "a very long line of small print that goes on and on", "fourth line" }
            .Select(text => new TextLine(text, 0.99, 0.9, box))
            .ToArray();

        var warnings = TextWarnings.For(new VisibleText(lines, 0.1));

        Assert.Equal("Visible text: \"COCA\", \"COLA\", \"a very long line of small print that go…\" and 1 more line(s) (read with 0.99 confidence, 10 % of the frame): agencies reject images with readable text unless editorial.", warnings[0]);
        Assert.Equal("Trademark in the image: \"coca-cola\" (in the lines read together): agencies reject brand names and logos in commercial images unless editorial.", warnings[1]);
    }

    private VisibleText Read(string photo, string text, string font, double[] ink) =>
        fixture.Reader.Read(AnalysisImage.Load(fixture.WithText(photo, text, font, ink)));
}
