namespace TagMyStock.Core.Keywords;

public sealed class TextTruncationTests
{
    [Theory]
    [InlineData("Red fox in the snow", 30, "Red fox in the snow")]
    [InlineData("Red fox in the snow", 12, "Red fox")]
    [InlineData("Red fox in the snow", 11, "Red fox")]
    [InlineData("Red fox, standing in snow", 9, "Red fox")]
    [InlineData("Red fox standing", 7, "Red fox")]
    [InlineData("Family walking on the beach", 21, "Family walking")]
    [InlineData("Cabin near the lake under the stars", 30, "Cabin near the lake")]
    [InlineData("Hikers resting beneath old pines", 23, "Hikers resting")]
    [InlineData("Supercalifragilistic", 5, "Super")]
    [InlineData("  Red fox  ", 7, "Red fox")]
    public void AtWord_cuts_after_a_whole_word(string text, int max, string expected)
    {
        var cut = TextTruncation.AtWord(text, max);

        Assert.Equal(expected, cut);
        Assert.True(cut.Length <= max);
    }

    [Fact]
    public void AtSentence_ends_at_a_full_sentence_when_one_fits()
    {
        const string text = "A red fox in deep snow. It looks for mice under the surface. The forest is quiet.";

        Assert.Equal("A red fox in deep snow. It looks for mice under the surface.", TextTruncation.AtSentence(text, 70));
    }

    [Fact]
    public void AtSentence_falls_back_to_a_word_when_the_sentence_would_lose_too_much()
    {
        const string text = "A fox. It looks for mice under the surface of the snow in a quiet forest.";

        Assert.Equal("A fox. It looks for mice under the surface", TextTruncation.AtSentence(text, 45));
    }
}
