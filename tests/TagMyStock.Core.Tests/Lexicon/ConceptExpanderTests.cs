namespace TagMyStock.Core.Lexicon;

public sealed class ConceptExpanderTests
{
    private static readonly EnglishLexicon Lexicon = EnglishLexicon.Shared;

    private static List<string> Keywords(string concept) => [.. Lexicon.Expand(concept).Select(expansion => expansion.Keyword)];

    [Fact]
    public void A_breed_expands_to_its_kind_and_the_categories_above_it()
    {
        var expansions = Lexicon.Expand("golden retriever");

        Assert.Equal(("retriever", LexiconRelation.Broader), (expansions[0].Keyword, expansions[0].Relation));
        Assert.Equal(["retriever", "dog", "pet", "mammal", "animal"], expansions.Select(expansion => expansion.Keyword).Take(5));
        Assert.Contains(expansions, expansion => expansion is { Keyword: "pet", Relation: LexiconRelation.BuyerConcept });
    }

    [Fact]
    public void Plurals_and_case_find_the_same_concept() =>
        Assert.Equal(Keywords("golden retriever"), Keywords("Golden Retrievers"));

    [Theory]
    [InlineData("car", "automobile")]
    [InlineData("autumn", "fall")]
    [InlineData("teacher", "instructor")]
    [InlineData("forest", "woods")]
    public void Common_synonyms_of_the_main_sense_come_first(string concept, string synonym)
    {
        var first = Lexicon.Expand(concept)[0];

        Assert.Equal((synonym, LexiconRelation.Synonym), (first.Keyword, first.Relation));
    }

    [Theory]
    [InlineData("retriever")]
    [InlineData("dog")]
    [InlineData("cat")]
    [InlineData("cow")]
    [InlineData("bee")]
    [InlineData("laptop")]
    [InlineData("cake")]
    [InlineData("door")]
    [InlineData("city")]
    [InlineData("water")]
    public void Over_general_and_technical_wordnet_nodes_are_left_out(string concept)
    {
        string[] unsearched =
        [
            "entity", "physical entity", "object", "whole", "organism", "living thing", "placental", "chordate",
            "vertebrate", "carnivore", "canid", "artifact", "instrumentation", "instrumentality", "device",
            "hymenopteran", "block", "barrier", "obstruction", "municipality", "chemical", "compound", "sporting dog",
            "canis familiaris", "true cat",
        ];

        Assert.Empty(Keywords(concept).Intersect(unsearched));
    }

    [Theory]
    [InlineData("golden")]
    [InlineData("playing")]
    [InlineData("mouse")]
    [InlineData("whiskers")]
    [InlineData("drone")]
    [InlineData("paris")]
    [InlineData("bank")]
    [InlineData("xqzv")]
    [InlineData("")]
    public void Words_the_lexicon_cannot_place_surely_are_not_expanded(string concept) =>
        Assert.Empty(Lexicon.Expand(concept));

    [Theory]
    [InlineData("year", "yr")]
    [InlineData("dawn", "dawning")]
    [InlineData("portrait", "portrayal")]
    [InlineData("style", "way")]
    public void Abbreviations_verb_forms_and_words_of_any_meaning_are_no_synonyms(string concept, string synonym) =>
        Assert.DoesNotContain(synonym, Keywords(concept));

    [Fact]
    public void Vintage_means_old_fashioned_not_a_wine() =>
        Assert.Equal(["retro", "old-fashioned"], Keywords("vintage"));

    [Fact]
    public void The_laptop_brings_in_what_its_buyers_search_for_after_what_it_is() =>
        Assert.Equal(["computer", "technology", "business", "remote work"], Keywords("laptop").Take(4));

    [Theory]
    [InlineData("laptop")]
    [InlineData("dog")]
    [InlineData("coffee")]
    [InlineData("car")]
    [InlineData("cow")]
    public void Buyer_concepts_rank_below_the_strongest_wordnet_relation(string concept)
    {
        var expansions = Lexicon.Expand(concept);

        var strongestBuyer = expansions.Where(expansion => expansion.Relation == LexiconRelation.BuyerConcept).Max(expansion => expansion.Strength);
        Assert.True(strongestBuyer < expansions.Where(expansion => expansion.Relation != LexiconRelation.BuyerConcept).Max(expansion => expansion.Strength));
    }

    [Fact]
    public void Subjects_wordnet_lacks_come_from_the_buyer_map_alone()
    {
        var expansions = Lexicon.Expand("smartphone");

        Assert.NotEmpty(expansions);
        Assert.All(expansions, expansion => Assert.Equal(LexiconRelation.BuyerConcept, expansion.Relation));
        Assert.Contains("technology", expansions.Select(expansion => expansion.Keyword));
    }

    [Fact]
    public void Expansions_are_ordered_strongest_first_never_repeat_and_never_name_the_concept()
    {
        foreach (var concept in new[] { "dog", "coffee", "beach", "sunset", "cow", "woman", "laptop" })
        {
            var expansions = Lexicon.Expand(concept);

            Assert.Equal(expansions.OrderByDescending(expansion => expansion.Strength), expansions);
            Assert.Equal(expansions.Count, expansions.Select(expansion => expansion.Keyword).Distinct(StringComparer.Ordinal).Count());
            Assert.DoesNotContain(concept, expansions.Select(expansion => expansion.Keyword));
            Assert.All(expansions, expansion => Assert.InRange(expansion.Strength, 0.01, 1.0));
        }
    }

    [Fact]
    public void Expansion_is_deterministic() =>
        Assert.Equal(Lexicon.Expand("golden retriever"), Lexicon.Expand("golden retriever"));
}
