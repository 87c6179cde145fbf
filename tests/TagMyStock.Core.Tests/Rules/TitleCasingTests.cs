namespace TagMyStock.Core.Rules;

public sealed class TitleCasingTests
{
    [Theory]
    [InlineData("red fox in the snow", "Red Fox in the Snow")]
    [InlineData("the fox and the hound", "The Fox and the Hound")]
    [InlineData("what the fox is looking for", "What the Fox Is Looking For")]
    [InlineData("a well-known landmark in paris", "A Well-Known Landmark in Paris")]
    [InlineData("new iPhone on a NASA desk", "New iPhone on a NASA Desk")]
    [InlineData("RED FOX IN THE SNOW", "Red Fox in the Snow")]
    [InlineData("Red Fox In The Snow", "Red Fox in the Snow")]
    [InlineData("winter: a fox in snow", "Winter: A Fox in Snow")]
    [InlineData("", "")]
    public void Title_case_capitalises_all_but_small_words(string title, string expected) =>
        Assert.Equal(expected, TitleCasing.ToTitleCase(title));

    [Theory]
    [InlineData("Red Fox In The Snow", "Red fox in the snow")]
    [InlineData("red fox in the snow", "Red fox in the snow")]
    [InlineData("Sunset over Paris", "Sunset over Paris")]
    [InlineData("RED FOX IN THE SNOW", "Red fox in the snow")]
    [InlineData("New iPhone On A NASA Desk", "New iPhone on a NASA desk")]
    [InlineData("Where I Live", "Where I live")]
    public void Sentence_case_keeps_names_when_the_title_is_not_title_cased(string title, string expected) =>
        Assert.Equal(expected, TitleCasing.ToSentenceCase(title));

    [Theory]
    [InlineData("Sunset Over Paris", "Sunset over Paris")]
    [InlineData("Eiffel Tower At Night", "Eiffel Tower at night")]
    [InlineData("NEW YORK CITY SKYLINE AT DUSK", "New York City skyline at dusk")]
    [InlineData("eiffel tower at night in paris", "Eiffel Tower at night in Paris")]
    [InlineData("Flowers For Mother's Day", "Flowers for Mother's Day")]
    [InlineData("Surfers At Bondi Beach", "Surfers at Bondi beach")]
    [InlineData("Who Is At The Door", "Who is at the door")]
    public void Sentence_case_gives_names_the_lexicon_knows_their_capitals_and_keeps_those_of_words_it_does_not(string title, string expected) =>
        Assert.Equal(expected, TitleCasing.ToSentenceCase(title));

    [Theory]
    [InlineData(TitleStyle.AsIs, "red Fox", "red Fox")]
    [InlineData(TitleStyle.SentenceCase, "red fox", "Red fox")]
    [InlineData(TitleStyle.TitleCase, "red fox", "Red Fox")]
    public void Apply_follows_the_style(TitleStyle style, string title, string expected) =>
        Assert.Equal(expected, TitleCasing.Apply(title, style));

    [Theory]
    [InlineData("Red Fox in the Snow")]
    [InlineData("Winter: A Fox in Snow")]
    public void Title_case_is_stable(string title) => Assert.Equal(title, TitleCasing.ToTitleCase(title));
}
