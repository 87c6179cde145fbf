using TagMyStock.Core.Metadata;
using TagMyStock.Core.Rules;

namespace TagMyStock.Core.Validation;

public sealed class RulesValidationTests
{
    private static readonly UserRules Rules = UserRules.FromJson(
        """{"requiredKeywords":["my studio"],"bannedWords":["cheap"],"minKeywords":3,"maxKeywords":4,"titleMinLength":10,"titleMaxLength":30,"titleStyle":"sentenceCase","descriptionMaxLength":40}""");

    [Fact]
    public void Rules_only_report_uses_the_rules_id_and_rules_codes()
    {
        var report = MetadataValidator.ValidateRules(new ImageMetadata { Title = "Cheap Red Fox In Snow", Keywords = ["fox"] }, Rules);

        Assert.Equal("rules", report.AgencyId);
        Assert.NotEmpty(report.Problems);
        Assert.All(report.Problems, problem => Assert.StartsWith("rules.", problem.Code, StringComparison.Ordinal));
        Assert.All(report.Problems, problem => Assert.Contains("rule", problem.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Each_rule_fires_with_its_fix()
    {
        var metadata = new ImageMetadata
        {
            Title = "Cheap Red Fox In The Deep Winter Snow Of Canada",
            Description = "A red fox hunts in the snow. It is looking for mice.",
            Keywords = ["fox", "cheap fox", "snow", "winter", "forest", "animal"],
        };

        var report = MetadataValidator.ValidateRules(metadata, Rules);

        Assert.Equal(["fox", "snow", "winter", "forest", "animal"], ValidationAssert.Single(report, "rules.keywords.banned").Fix!.Apply(metadata).Keywords);
        Assert.Equal("Red Fox In The Deep Winter Snow Of Canada", ValidationAssert.Single(report, "rules.title.banned").Fix!.Apply(metadata).Title);
        Assert.Equal("my studio", ValidationAssert.Single(report, "rules.keywords.required-missing").Fix!.Apply(metadata).Keywords[^1]);
        Assert.Equal("This image has 6 keywords: your rule allows 4 at most.", ValidationAssert.Single(report, "rules.keywords.too-many").Message);
        Assert.Equal("Cheap red fox in the deep winter snow of Canada", ValidationAssert.Single(report, "rules.title.style").Fix!.Apply(metadata).Title);
        Assert.Equal("Cheap Red Fox In The Deep", ValidationAssert.Single(report, "rules.title.too-long").Fix!.Apply(metadata).Title);
        Assert.Equal("A red fox hunts in the snow.", ValidationAssert.Single(report, "rules.description.too-long").Fix!.Apply(metadata).Description);
    }

    [Fact]
    public void Minimums_are_reported_without_a_fix()
    {
        var report = MetadataValidator.ValidateRules(new ImageMetadata { Title = "Red fox", Keywords = ["fox", "my studio"] }, Rules);

        var tooFew = ValidationAssert.Single(report, "rules.keywords.too-few");
        Assert.Equal("Your rule asks for at least 3 keywords; this image has 2 — add 1 more.", tooFew.Message);
        Assert.Null(tooFew.Fix);
        Assert.Equal("Title has 7 characters: your rule asks for at least 10 — add 3 more.", ValidationAssert.Single(report, "rules.title.too-short").Message);
    }

    [Fact]
    public void Single_word_and_lowercase_rules_fire()
    {
        var rules = new UserRules { SingleWordKeywordsOnly = true, LowercaseKeywords = true };
        var metadata = new ImageMetadata { Keywords = ["Red fox", "snow"] };

        var report = MetadataValidator.ValidateRules(metadata, rules);

        Assert.Equal(["Red", "fox", "snow"], ValidationAssert.Single(report, "rules.keywords.multi-word").Fix!.Apply(metadata).Keywords);
        Assert.Equal(["red fox", "snow"], ValidationAssert.Single(report, "rules.keywords.uppercase").Fix!.Apply(metadata).Keywords);
    }

    [Fact]
    public void Metadata_that_follows_the_rules_raises_nothing()
    {
        var metadata = new ImageMetadata { Title = "Red fox in snow", Description = "A red fox in snow.", Keywords = ["fox", "snow", "my studio"] };

        Assert.Empty(MetadataValidator.ValidateRules(metadata, Rules).Problems);
    }

    [Fact]
    public void Agency_validation_includes_the_rules()
    {
        var report = MetadataValidator.Validate(new ImageMetadata { Title = "Red fox in snow", Keywords = ["fox"] }, TestAgencies.Adobe, Rules);

        Assert.Equal("adobe", report.AgencyId);
        ValidationAssert.Single(report, "rules.keywords.required-missing");
        ValidationAssert.Single(report, "rules.keywords.too-few");
    }
}
