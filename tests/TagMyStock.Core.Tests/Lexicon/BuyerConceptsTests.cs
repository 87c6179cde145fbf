using TagMyStock.Core.Keywords;

namespace TagMyStock.Core.Lexicon;

public sealed class BuyerConceptsTests
{
    private static readonly BuyerConcepts Embedded = BuyerConcepts.LoadEmbedded();

    [Fact]
    public void The_curated_map_covers_common_stock_subjects()
    {
        Assert.InRange(Embedded.Subjects.Count(), 150, 400);
        Assert.True(Embedded.TryGet("laptop", out var laptop));
        Assert.Contains("remote work", laptop);
        Assert.True(Embedded.TryGet("coffee", out var coffee));
        Assert.Equal(["drink", "cafe", "caffeine", "morning", "beverage"], coffee);
    }

    [Fact]
    public void The_curated_map_holds_no_brands_no_ai_tool_names_and_no_repeats()
    {
        foreach (var subject in Embedded.Subjects)
        {
            Assert.True(Embedded.TryGet(subject, out var keywords));
            Assert.All(keywords, keyword => Assert.False(Trademarks.IsTrademark(keyword, out _) || AiToolNames.IsAiToolName(keyword, out _), keyword));
            Assert.Equal(keywords.Length, keywords.Select(KeywordHygiene.Key).Distinct(StringComparer.Ordinal).Count());
            Assert.DoesNotContain(subject, keywords.Select(KeywordHygiene.Key));
        }
    }

    [Fact]
    public void Alternative_names_share_a_line_and_plurals_match_the_singular()
    {
        var concepts = new BuyerConcepts(["# comment", "", "Puppies | dog: pet, animal"]);

        Assert.True(concepts.TryGet("puppy", out var keywords));
        Assert.Equal(["pet", "animal"], keywords);
        Assert.True(concepts.TryGet("dog", out _));
    }

    [Theory]
    [InlineData("dog pet, animal")]
    [InlineData(": pet")]
    public void A_malformed_line_is_refused(string line) =>
        Assert.Throws<InvalidDataException>(() => new BuyerConcepts([line]));

    [Fact]
    public void A_subject_listed_twice_is_refused() =>
        Assert.Throws<InvalidDataException>(() => new BuyerConcepts(["dog: pet", "dogs: animal"]));
}
