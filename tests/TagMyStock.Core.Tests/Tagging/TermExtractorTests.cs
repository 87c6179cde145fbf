using TagMyStock.Core.Lexicon;

namespace TagMyStock.Core.Tagging;

public sealed class TermExtractorTests
{
    private static string[] Phrases(string text, bool everyPair = false) =>
        [.. TermExtractor.Extract(text, EnglishLexicon.Shared, everyPair).Where(term => term.IsPhrase).Select(term => term.Text)];

    private static string[] Words(string text) =>
        [.. TermExtractor.Extract(text, EnglishLexicon.Shared).Where(term => !term.IsPhrase).Select(term => term.Text)];

    [Theory]
    [InlineData("cup of espresso on a wooden cafe table", new[] { "cafe table" })]
    [InlineData("used paint brushes with colourful bristles", new[] { "paint brushes", "colourful bristles" })]
    [InlineData("red motorcycle parked in a garage", new[] { "red motorcycle" })]
    [InlineData("two cocker spaniels looking out of a window", new[] { "cocker spaniels" })]
    [InlineData("a space shuttle model", new[] { "space shuttle", "shuttle model" })]
    public void A_phrase_ends_where_the_named_thing_does_or_is_a_known_compound(string text, string[] expected)
    {
        Assert.Equal(expected, Phrases(text));
    }

    [Fact]
    public void A_text_that_only_supports_phrases_offers_every_pair()
    {
        Assert.Equal(["water drop", "drop splash", "splash crown"], Phrases("water drop splash crown", everyPair: true));
    }

    [Fact]
    public void A_known_compound_joined_by_and_is_one_term()
    {
        Assert.Equal(["wooden", "pier", "fog", "black and white"], Words("wooden pier in the fog, black and white"));
    }

    [Fact]
    public void Seen_says_how_the_picture_was_taken_not_what_it_shows()
    {
        Assert.Equal(["grass", "texture"], Words("grass texture seen from above"));
    }
}
