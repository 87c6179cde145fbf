namespace TagMyStock.Core.Keywords;

public sealed class KeywordHygieneTests
{
    [Theory]
    [InlineData("Cats", "cat")]
    [InlineData("cat ", "cat")]
    [InlineData("  Dogs   Parks ", "dog park")]
    [InlineData("T-Shirts", "t shirt")]
    [InlineData("McDonald's", "mcdonald")]
    [InlineData("Cafés", "cafe")]
    [InlineData("#", "")]
    public void Key_ignores_case_spacing_plurals_and_punctuation(string keyword, string key) =>
        Assert.Equal(key, KeywordHygiene.Key(keyword));

    [Fact]
    public void Normalize_trims_and_collapses_whitespace() =>
        Assert.Equal("red fox", KeywordHygiene.Normalize("  red \t fox "));

    [Fact]
    public void Deduplicate_keeps_the_first_of_each_in_place()
    {
        var result = KeywordHygiene.Deduplicate(["cat", "Cats", "dog", "cat ", "boxes", "box", "dog park", "Dogs Parks"]);

        Assert.Equal(["cat", "dog", "boxes", "dog park"], result);
    }

    [Fact]
    public void Deduplicate_does_not_merge_words_with_different_meanings() =>
        Assert.Equal(["news", "new", "glasses", "glass", "wood", "woods"], KeywordHygiene.Deduplicate(["news", "new", "glasses", "glass", "wood", "woods"]));

    [Fact]
    public void FindDuplicates_names_the_keyword_each_repeats()
    {
        var duplicates = KeywordHygiene.FindDuplicates(["cat", "Cats", "dog", "cat "]);

        Assert.Equal([new KeywordDuplicate("Cats", "cat"), new KeywordDuplicate("cat ", "cat")], duplicates);
    }

    [Fact]
    public void FindDuplicates_is_empty_for_distinct_keywords() =>
        Assert.Empty(KeywordHygiene.FindDuplicates(["cat", "dog", "bird"]));

    [Fact]
    public void FindSpam_flags_a_word_in_more_than_four_keywords()
    {
        string[] keywords = ["dog", "dogs park", "dog walking", "dog toy", "dog bowl", "dog leash", "grass"];

        var spam = Assert.Single(KeywordHygiene.FindSpam(keywords));

        Assert.Equal("dog", spam.Word);
        Assert.Equal(6, spam.Keywords.Count);
    }

    [Fact]
    public void FindSpam_ignores_four_uses_and_common_words()
    {
        string[] keywords = ["dog", "dog park", "dog toy", "dog bowl", "salt and pepper", "bread and butter", "fish and chips", "rock and roll", "black and white"];

        Assert.Empty(KeywordHygiene.FindSpam(keywords));
    }

    [Theory]
    [InlineData("dog dog", "dog")]
    [InlineData("happy dogs and happy cats", "happy")]
    [InlineData("cat cats", "cat")]
    public void HasRepeatedWord_finds_the_repeat(string keyword, string repeated)
    {
        Assert.True(KeywordHygiene.HasRepeatedWord(keyword, out var word));
        Assert.Equal(repeated, word);
    }

    [Theory]
    [InlineData("bread and butter and jam")]
    [InlineData("red fox")]
    public void HasRepeatedWord_ignores_distinct_words_and_common_ones(string keyword) =>
        Assert.False(KeywordHygiene.HasRepeatedWord(keyword, out _));

    [Theory]
    [InlineData("dog dog", "dog")]
    [InlineData("happy dogs and happy cats", "happy dogs and cats")]
    public void RemoveRepeatedWords_keeps_the_first_use(string keyword, string expected) =>
        Assert.Equal(expected, KeywordHygiene.RemoveRepeatedWords(keyword));

    [Theory]
    [InlineData("Red Fox", "red fox")]
    [InlineData("USA flag", "USA flag")]
    [InlineData("Flag of the USA", "flag of the USA")]
    [InlineData("LED Lamp", "LED lamp")]
    [InlineData("3D Render", "3d render")]
    [InlineData("ÉTÉ", "ÉTÉ")]
    [InlineData("Café", "café")]
    [InlineData("INTERNATIONAL", "international")]
    public void Lowercase_keeps_short_acronyms(string keyword, string expected) =>
        Assert.Equal(expected, KeywordHygiene.Lowercase(keyword));

    [Theory]
    [InlineData("#dog", "dog")]
    [InlineData("rock_and_roll", "rock and roll")]
    [InlineData("sunset 🌅", "sunset")]
    [InlineData("cats @ home", "cats home")]
    public void RemoveSpecialCharacters_leaves_the_words(string text, string expected)
    {
        Assert.NotEmpty(KeywordHygiene.SpecialCharacters(text));
        Assert.Equal(expected, KeywordHygiene.RemoveSpecialCharacters(text));
    }

    [Theory]
    [InlineData("St. Patrick's Day, 50% off: rock & roll (live)!")]
    [InlineData("café - “quoted” – 20°C")]
    public void Ordinary_punctuation_is_not_special(string text) =>
        Assert.Empty(KeywordHygiene.SpecialCharacters(text));

    [Fact]
    public void SpecialCharacters_lists_each_once_emoji_whole() =>
        Assert.Equal(["#", "🌅"], KeywordHygiene.SpecialCharacters("#sun #set 🌅"));

    [Fact]
    public void Utf8Length_counts_bytes() => Assert.Equal(6, KeywordHygiene.Utf8Length("café!"));

    [Theory]
    [InlineData("", true)]
    [InlineData("   ", true)]
    [InlineData("--", true)]
    [InlineData("a", false)]
    public void IsEmpty_means_no_word(string keyword, bool empty) => Assert.Equal(empty, KeywordHygiene.IsEmpty(keyword));
}
