namespace TagMyStock.Core.Keywords;

public sealed class TextTidyTests
{
    [Theory]
    [InlineData("Cat  ,  dog", "Cat, dog")]
    [InlineData(", cat, , dog ,", "cat, dog")]
    [InlineData("cat ( ) dog", "cat dog")]
    [InlineData("cat, .", "cat.")]
    [InlineData("- cat -", "cat")]
    [InlineData("cat: ; dog", "cat: dog")]
    [InlineData("Rocket on launch pad at", "Rocket on launch pad")]
    [InlineData("Bread and butter, with the", "Bread and butter")]
    [InlineData("Sunset over the sea", "Sunset over the sea")]
    public void Tidy_leaves_readable_text(string text, string expected) => Assert.Equal(expected, TextTidy.Tidy(text));

    [Fact]
    public void RemoveSpans_cuts_and_tidies() =>
        Assert.Equal("A cat, sleeping", TextTidy.RemoveSpans("A big cat, sleeping", [(2, 3)]));

    [Fact]
    public void RemoveSpans_without_spans_returns_the_text_untouched() =>
        Assert.Equal("  as  is ", TextTidy.RemoveSpans("  as  is ", []));
}
