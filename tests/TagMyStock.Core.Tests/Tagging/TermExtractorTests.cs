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

    [Theory]
    [InlineData("woman walks her dog along the beach", new[] { "woman", "dog", "beach" })]
    [InlineData("girl holds a bunch of tulips", new[] { "girl", "bunch", "tulips" })]
    [InlineData("cat sleeping peacefully on a soft blanket", new[] { "cat", "sleeping", "soft", "blanket" })]
    [InlineData("two spaniels lean out of a window", new[] { "two", "spaniels", "window" })]
    [InlineData("horses graze in a meadow", new[] { "horses", "meadow" })]
    public void Manner_adverbs_and_present_tense_verbs_are_not_keywords(string text, string[] expected)
    {
        Assert.Equal(expected, Words(text));
        Assert.DoesNotContain(Phrases(text), phrase => phrase.Split(' ').Any(word => !expected.Contains(word)));
    }

    [Theory]
    [InlineData("tabby cat with green eyes looking at the camera", new[] { "tabby", "cat", "green", "eyes", "looking at camera" })]
    [InlineData("woman smiling into the camera, studio portrait", new[] { "woman", "smiling", "looking at camera", "studio", "portrait" })]
    [InlineData("girl in a red coat gazing directly at the viewer", new[] { "girl", "red", "coat", "looking at camera" })]
    public void Eye_contact_with_the_lens_is_one_term_and_shows_no_camera(string text, string[] words) =>
        Assert.Equal(words, Words(text));

    [Theory]
    [InlineData("photographer looking through a camera on a tripod")]
    [InlineData("boy looking at a camera in a shop window")]
    public void A_camera_that_is_looked_through_or_at_stays_a_subject(string text)
    {
        Assert.Contains("camera", Words(text));
        Assert.DoesNotContain("looking at camera", Words(text));
    }

    [Theory]
    [InlineData("water drops on a green leaf", "water drops")]
    [InlineData("city lights at night", "city lights")]
    [InlineData("ocean waves crashing on rocks", "ocean waves")]
    [InlineData("luxury wrist watches in a shop window", "wrist watches")]
    [InlineData("fireworks display over a harbour", "fireworks display")]
    [InlineData("grass blades in morning dew", "grass blades")]
    public void A_plural_noun_that_is_also_a_verb_stays_a_keyword(string text, string phrase)
    {
        Assert.Contains(phrase, Phrases(text));
        Assert.Contains(phrase.Split(' ')[1], Words(text));
    }
}
