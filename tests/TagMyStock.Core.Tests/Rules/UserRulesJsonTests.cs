namespace TagMyStock.Core.Rules;

public sealed class UserRulesJsonTests
{
    private const string Example =
        """{"requiredKeywords":["my studio"],"bannedWords":["cheap"],"singleWordKeywordsOnly":false,"minKeywords":25,"maxKeywords":45,"titleMaxLength":60,"titleStyle":"sentenceCase"}""";

    [Fact]
    public void The_documented_example_reads()
    {
        var rules = UserRules.FromJson(Example);

        Assert.Equal(["my studio"], rules.RequiredKeywords);
        Assert.Equal(["cheap"], rules.BannedWords);
        Assert.False(rules.SingleWordKeywordsOnly);
        Assert.Equal(25, rules.MinKeywords);
        Assert.Equal(45, rules.MaxKeywords);
        Assert.Equal(60, rules.TitleMaxLength);
        Assert.Equal(TitleStyle.SentenceCase, rules.TitleStyle);
        Assert.Null(rules.TitleMinLength);
    }

    [Fact]
    public void An_empty_object_means_no_rules()
    {
        var rules = UserRules.FromJson("{}");

        Assert.Empty(rules.RequiredKeywords);
        Assert.Equal(TitleStyle.AsIs, rules.TitleStyle);
        Assert.Null(rules.EffectiveMaxKeywords);
    }

    [Fact]
    public void Keyword_count_sets_both_bounds()
    {
        var rules = UserRules.FromJson("""{"keywordCount": 30, "titleStyle": "titleCase", "lowercaseKeywords": true}""");

        Assert.Equal(30, rules.EffectiveMinKeywords);
        Assert.Equal(30, rules.EffectiveMaxKeywords);
        Assert.Equal(TitleStyle.TitleCase, rules.TitleStyle);
        Assert.True(rules.LowercaseKeywords);
    }

    [Fact]
    public void Rules_round_trip_through_json()
    {
        var rules = UserRules.FromJson(Example);

        var again = UserRules.FromJson(rules.ToJson());

        Assert.Equal(rules.RequiredKeywords, again.RequiredKeywords);
        Assert.Equal(rules.MaxKeywords, again.MaxKeywords);
        Assert.Equal(rules.TitleStyle, again.TitleStyle);
        Assert.Contains("\"titleStyle\": \"sentenceCase\"", rules.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Comments_and_trailing_commas_are_allowed() =>
        Assert.Equal(40, UserRules.FromJson("{ // my limits\n \"maxKeywords\": 40, }").MaxKeywords);

    [Fact]
    public void Unknown_property_is_named()
    {
        var error = Assert.Throws<UserRulesException>(() => UserRules.FromJson("""{"maxKeyword": 40}"""));

        Assert.StartsWith("The rules file has an unknown property 'maxKeyword'. Known properties: requiredKeywords, ", error.Message, StringComparison.Ordinal);
        Assert.Contains("maxKeywords", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"maxKeywords": "many"}""", "The rules property 'maxKeywords' has a value of the wrong kind: it takes a whole number, or null.")]
    [InlineData("""{"singleWordKeywordsOnly": "yes"}""", "The rules property 'singleWordKeywordsOnly' has a value of the wrong kind: it takes true or false.")]
    [InlineData("""{"titleStyle": "shouting"}""", "The rules property 'titleStyle' has a value of the wrong kind: it takes one of asIs, sentenceCase, titleCase.")]
    [InlineData("""{"bannedWords": "cheap"}""", "The rules property 'bannedWords' has a value of the wrong kind: it takes a list of words, e.g. [\"my studio\"].")]
    [InlineData("""{"bannedWords": null}""", "The rules property 'bannedWords' has a value of the wrong kind: it takes a list of words, e.g. [\"my studio\"].")]
    public void Wrong_kind_of_value_is_named(string json, string message) =>
        Assert.Equal(message, Assert.Throws<UserRulesException>(() => UserRules.FromJson(json)).Message);

    [Theory]
    [InlineData("""{"minKeywords": 50, "maxKeywords": 45}""", "'minKeywords' (50) is more than 'maxKeywords' (45).")]
    [InlineData("""{"titleMinLength": 80, "titleMaxLength": 60}""", "'titleMinLength' (80) is more than 'titleMaxLength' (60).")]
    [InlineData("""{"maxKeywords": 0}""", "'maxKeywords' must be 1 or more; it is 0.")]
    [InlineData("""{"minKeywords": -1}""", "'minKeywords' must be 0 or more; it is -1.")]
    [InlineData("""{"keywordCount": 30, "maxKeywords": 40}""", "Use either 'keywordCount' or 'minKeywords'/'maxKeywords', not both.")]
    [InlineData("""{"requiredKeywords": ["a", "b", "c"], "maxKeywords": 2}""", "'requiredKeywords' lists 3 keywords, more than the 2 your rules allow.")]
    [InlineData("""{"requiredKeywords": ["cheap studio"], "bannedWords": ["cheap"]}""", "'requiredKeywords' has \"cheap studio\", which 'bannedWords' bans (\"cheap\").")]
    [InlineData("""{"requiredKeywords": ["my studio"], "singleWordKeywordsOnly": true}""", "'requiredKeywords' has \"my studio\", several words, but 'singleWordKeywordsOnly' is true.")]
    [InlineData("""{"bannedWords": ["cheap", " "]}""", "'bannedWords' has an empty entry.")]
    public void Contradictions_are_refused_with_the_property_named(string json, string message) =>
        Assert.Equal(message, Assert.Throws<UserRulesException>(() => UserRules.FromJson(json)).Message);

    [Theory]
    [InlineData("{\"maxKeywords\": 40")]
    [InlineData("[1, 2]")]
    [InlineData("not json")]
    public void Broken_json_is_explained(string json) =>
        Assert.StartsWith("The rules file is not valid JSON", Assert.Throws<UserRulesException>(() => UserRules.FromJson(json)).Message, StringComparison.Ordinal);

    [Fact]
    public void Json_null_is_explained() =>
        Assert.StartsWith("The rules file is empty", Assert.Throws<UserRulesException>(() => UserRules.FromJson("null")).Message, StringComparison.Ordinal);
}
