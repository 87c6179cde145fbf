namespace TagMyStock.Core.Lexicon;

/// <summary>What the generated WordNet data must hold, checked through the public lexicon.</summary>
public sealed class EnglishLexiconTests
{
    private static readonly EnglishLexicon Lexicon = EnglishLexicon.Shared;

    [Theory]
    [InlineData("dog")]
    [InlineData("Dogs")]
    [InlineData("golden retriever")]
    [InlineData("golden retrievers")]
    [InlineData("running")]
    [InlineData("stopped")]
    [InlineData("happier")]
    [InlineData("quickly")]
    [InlineData("geese")]
    [InlineData("went")]
    [InlineData("forget-me-not")]
    [InlineData("well-dressed")]
    [InlineData("dog's")]
    [InlineData("Cafés")]
    [InlineData("paris")]
    [InlineData("selfie")]
    [InlineData("bokeh")]
    [InlineData("marram grass")] // the dune grass: WordNet lacks it, and it was flagged in a hint
    public void Words_in_any_inflection_are_known(string word) => Assert.True(Lexicon.IsKnown(word), word);

    [Theory]
    [InlineData("beatiful")]
    [InlineData("acomodation")]
    [InlineData("runing")]
    [InlineData("makeing")]
    [InlineData("sunsett")]
    [InlineData("xqzv")]
    [InlineData("")]
    public void Misspellings_are_not_known(string word) => Assert.False(Lexicon.IsKnown(word), word);

    [Theory]
    [InlineData("beatiful", "beautiful")]
    [InlineData("acomodation", "accommodation")]
    [InlineData("recieve", "receive")]
    [InlineData("retreiver", "retriever")]
    [InlineData("sunsett", "sunset")]
    [InlineData("runing", "running")]
    [InlineData("Beatiful", "beautiful")]
    public void The_nearest_common_word_is_suggested_first(string misspelling, string expected) =>
        Assert.Equal(expected, Lexicon.Suggestions(misspelling)[0]);

    [Fact]
    public void Suggestions_are_close_ranked_and_never_names()
    {
        var suggestions = Lexicon.Suggestions("sunsett", max: 5);

        Assert.InRange(suggestions.Count, 1, 5);
        Assert.DoesNotContain("sennett", suggestions);
        Assert.All(suggestions, suggestion => Assert.True(SpellingSuggestions.Distance("sunsett", suggestion, 2) <= 2, suggestion));
    }

    [Theory]
    [InlineData("ocaen", "ocean")]
    [InlineData("sunest", "sunset")]
    public void Words_farther_than_the_nearest_are_not_suggested(string misspelling, string nearest)
    {
        var suggestions = Lexicon.Suggestions(misspelling, max: 5);

        Assert.Equal(nearest, suggestions[0]);
        Assert.All(suggestions, suggestion => Assert.Equal(1, SpellingSuggestions.Distance(misspelling, suggestion, 2)));
    }

    [Fact]
    public void Nothing_is_suggested_when_no_word_is_within_two_edits() =>
        Assert.Empty(Lexicon.Suggestions("xqzvkwj"));

    [Fact]
    public void The_shared_lexicon_is_one_instance_across_threads()
    {
        var instances = Enumerable.Range(0, 8).AsParallel().Select(_ => EnglishLexicon.Shared).Distinct().ToList();

        Assert.Single(instances);
    }

    [Theory]
    [InlineData("beatiful", "beautiful", 1)]
    [InlineData("recieve", "receive", 1)]
    [InlineData("acomodation", "accommodation", 2)]
    [InlineData("dog", "dog", 0)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("a", "abcdef", 3)]
    public void Edit_distance_counts_swaps_as_one_and_stops_past_the_limit(string source, string target, int expected) =>
        Assert.Equal(expected, SpellingSuggestions.Distance(source, target, 2));
}
