using TagMyStock.Core.Metadata;

namespace TagMyStock.Core.Rules;

public sealed class UserRulesApplyTests
{
    [Fact]
    public void No_rules_change_nothing_but_duplicates()
    {
        var metadata = new ImageMetadata { Title = "red Fox", Keywords = ["Fox", "fox", "snow"] };

        Assert.Equal(metadata with { Keywords = ["Fox", "snow"] }, UserRules.None.Apply(metadata));
    }

    [Fact]
    public void Banned_words_remove_whole_keywords_and_words_from_text()
    {
        var rules = new UserRules { BannedWords = ["cheap", "best price"] };
        var metadata = new ImageMetadata
        {
            Title = "Cheap flights to Paris",
            Description = "Book now at the best price, cheap and fast.",
            Keywords = ["cheap flights", "paris", "travel", "cheaper"],
        };

        var applied = rules.Apply(metadata);

        Assert.Equal(["paris", "travel", "cheaper"], applied.Keywords);
        Assert.Equal("flights to Paris", applied.Title);
        Assert.Equal("Book now, and fast.", applied.Description);
    }

    [Theory]
    [InlineData("Espresso cup on a saucer on a wooden table", "Espresso cup on a wooden table")]
    [InlineData("Coffee and a saucer, morning light", "Coffee, morning light")]
    [InlineData("Cup on saucer and spoon", "Cup and spoon")]
    [InlineData("Woman with a saucer", "Woman")]
    [InlineData("Blue saucer on a table", "Blue on a table")]
    [InlineData("A saucer full of milk", "A full of milk")]
    public void A_banned_word_that_ends_its_phrase_takes_the_article_and_preposition_before_it(string title, string expected)
    {
        // Only the small words that led to the banned word go: a word that describes (blue) is left for a person to
        // judge, as is the article of a phrase the banned word does not end.
        var rules = new UserRules { BannedWords = ["saucer"] };

        Assert.Equal(expected, rules.Apply(new ImageMetadata { Title = title }).Title);
    }

    [Fact]
    public void Single_word_keywords_split_and_deduplicate()
    {
        var rules = new UserRules { SingleWordKeywordsOnly = true };

        var applied = rules.Apply(new ImageMetadata { Keywords = ["red fox", "fox", "snow field", "fields"] });

        Assert.Equal(["red", "fox", "snow", "field"], applied.Keywords);
    }

    [Fact]
    public void Required_keywords_are_appended_once_by_default()
    {
        var rules = new UserRules { RequiredKeywords = ["my studio", "fox"] };

        var applied = rules.Apply(new ImageMetadata { Keywords = ["Foxes", "snow"] });

        Assert.Equal(["Foxes", "snow", "my studio"], applied.Keywords);
    }

    [Fact]
    public void Required_keywords_go_to_the_chosen_position()
    {
        var rules = new UserRules { RequiredKeywords = ["my studio"], RequiredKeywordsPosition = 1 };

        Assert.Equal(["fox", "my studio", "snow"], rules.Apply(new ImageMetadata { Keywords = ["fox", "snow"] }).Keywords);
        Assert.Equal(["my studio"], rules.Apply(ImageMetadata.Empty).Keywords);
    }

    [Fact]
    public void Maximum_cuts_the_least_relevant_but_keeps_required_ones()
    {
        var rules = new UserRules { RequiredKeywords = ["my studio"], MaxKeywords = 3 };

        var applied = rules.Apply(new ImageMetadata { Keywords = ["fox", "snow", "winter", "forest"] });

        Assert.Equal(["fox", "snow", "my studio"], applied.Keywords);
    }

    [Fact]
    public void Minimum_is_never_padded()
    {
        var rules = new UserRules { MinKeywords = 25 };
        var metadata = new ImageMetadata { Keywords = ["fox"] };

        Assert.Equal(metadata, rules.Apply(metadata));
    }

    [Fact]
    public void Lowercase_rule_keeps_acronyms() =>
        Assert.Equal(["red fox", "USA"], new UserRules { LowercaseKeywords = true }.Apply(new ImageMetadata { Keywords = ["Red Fox", "USA"] }).Keywords);

    [Fact]
    public void Title_is_styled_then_cut()
    {
        var rules = new UserRules { TitleStyle = TitleStyle.TitleCase, TitleMaxLength = 20 };

        Assert.Equal("Red Fox in the Deep", rules.Apply(new ImageMetadata { Title = "red fox in the deep snow" }).Title);
    }

    [Fact]
    public void Description_is_cut_at_a_sentence()
    {
        var rules = new UserRules { DescriptionMaxLength = 40 };

        Assert.Equal("A fox in the snow. It hunts for mice.", rules.Apply(new ImageMetadata { Description = "A fox in the snow. It hunts for mice. The forest is quiet." }).Description);
    }

    [Fact]
    public void Apply_is_idempotent()
    {
        var rules = UserRules.FromJson("""{"requiredKeywords":["my studio"],"bannedWords":["cheap"],"maxKeywords":4,"titleMaxLength":25,"titleStyle":"sentenceCase","lowercaseKeywords":true}""");
        var metadata = new ImageMetadata { Title = "Cheap Red Fox In The Deep Winter Snow", Keywords = ["Fox", "foxes", "cheap fox", "Snow", "winter", "forest"] };

        var once = rules.Apply(metadata);

        Assert.Equal(once, rules.Apply(once));
        Assert.Equal(["fox", "snow", "winter", "my studio"], once.Keywords);
        Assert.Equal("Red fox in the deep", once.Title);
    }
}
