using TagMyStock.Core.Metadata;
using TagMyStock.Core.Rules;

namespace TagMyStock.Core.Validation;

public sealed class KeywordValidationTests
{
    private static ImageMetadata WithKeywords(params string[] keywords) => new() { Title = "Red fox in snow", Keywords = keywords };

    private static string[] Numbered(int count) => [.. Enumerable.Range(1, count).Select(number => $"word{number}")];

    [Fact]
    public void Too_few_keywords_block_and_say_how_many_more()
    {
        var problem = ValidationAssert.Single(MetadataValidator.Validate(WithKeywords("fox", "snow", "winter", "animal"), TestAgencies.Shutterstock), "keywords.too-few");

        Assert.Equal(Severity.Blocking, problem.Severity);
        Assert.Equal("Shutterstock needs at least 7 keywords; this image has 4 — add 3 more.", problem.Message);
        Assert.Null(problem.Fix);
    }

    [Fact]
    public void Too_few_does_not_count_repeats()
    {
        var problem = ValidationAssert.Single(MetadataValidator.Validate(WithKeywords("fox", "foxes", "snow", "winter", "animal", "cold", "Cold"), TestAgencies.Shutterstock), "keywords.too-few");

        Assert.Equal("Shutterstock needs at least 7 keywords; this image has 5 (not counting empty or repeated ones) — add 2 more.", problem.Message);
    }

    [Fact]
    public void Enough_keywords_pass() =>
        ValidationAssert.None(MetadataValidator.Validate(WithKeywords(Numbered(7)), TestAgencies.Shutterstock), "keywords.too-few");

    [Fact]
    public void Too_many_keywords_keep_the_first_ones()
    {
        var metadata = WithKeywords(Numbered(55));

        var problem = ValidationAssert.Single(MetadataValidator.Validate(metadata, TestAgencies.Adobe), "keywords.too-many");

        Assert.Equal("This image has 55 keywords: Adobe Stock takes 50 at most — the last 5 would be dropped.", problem.Message);
        Assert.Equal(Numbered(50), problem.Fix!.Apply(metadata).Keywords);
    }

    [Fact]
    public void Cutting_to_the_maximum_keeps_required_keywords()
    {
        var keywords = Numbered(54).Append("my studio").ToArray();
        var rules = new UserRules { RequiredKeywords = ["my studio"] };

        var fixedKeywords = ValidationAssert.Single(MetadataValidator.Validate(WithKeywords(keywords), TestAgencies.Adobe, rules), "keywords.too-many").Fix!.Apply(WithKeywords(keywords)).Keywords;

        Assert.Equal(50, fixedKeywords.Count);
        Assert.Equal("my studio", fixedKeywords[^1]);
        Assert.Equal(Numbered(49), fixedKeywords.Take(49));
    }

    [Fact]
    public void Empty_keywords_are_removed()
    {
        var metadata = WithKeywords("fox", " ", "", "snow");

        var problem = ValidationAssert.Single(MetadataValidator.Validate(metadata, TestAgencies.Adobe), "keywords.empty");

        Assert.Equal("2 keywords are empty.", problem.Message);
        Assert.Equal(["fox", "snow"], problem.Fix!.Apply(metadata).Keywords);
    }

    [Fact]
    public void Duplicates_by_case_space_and_plural_are_dropped_keeping_the_first_position()
    {
        var metadata = WithKeywords("cat", "Cats", "dog", "cat ", "box", "boxes");

        var problem = ValidationAssert.Single(MetadataValidator.Validate(metadata, TestAgencies.Pond5), "keywords.duplicate");

        Assert.StartsWith("3 keywords repeat earlier ones: \"Cats\" (same as \"cat\")", problem.Message, StringComparison.Ordinal);
        Assert.Equal(["cat", "dog", "box"], problem.Fix!.Apply(metadata).Keywords);
    }

    [Fact]
    public void Multi_word_duplicates_are_found_word_by_word() =>
        Assert.Equal(
            ["dog park"],
            ValidationAssert.Single(MetadataValidator.Validate(WithKeywords("dog park", "Dogs  Parks"), TestAgencies.Pond5), "keywords.duplicate").Fix!.Apply(WithKeywords("dog park", "Dogs  Parks")).Keywords);

    [Fact]
    public void Uppercase_keywords_are_lowercased_except_acronyms()
    {
        var metadata = WithKeywords("Red Fox", "USA", "snow");

        var problem = ValidationAssert.Single(MetadataValidator.Validate(metadata, TestAgencies.Adobe), "keywords.uppercase");

        Assert.Equal("Adobe Stock wants keywords in lowercase: \"Red Fox\".", problem.Message);
        Assert.Equal(["red fox", "USA", "snow"], problem.Fix!.Apply(metadata).Keywords);
    }

    [Fact]
    public void Uppercase_is_fine_where_the_agency_does_not_lowercase() =>
        ValidationAssert.None(MetadataValidator.Validate(WithKeywords("Red Fox"), TestAgencies.Pond5), "keywords.uppercase");

    [Fact]
    public void Keyword_over_64_bytes_warns()
    {
        var longKeyword = new string('x', 60) + "ééé";

        var problem = ValidationAssert.Single(MetadataValidator.Validate(WithKeywords(longKeyword), TestAgencies.Pond5), "keywords.too-long");

        Assert.Contains("is 66 bytes", problem.Message, StringComparison.Ordinal);
        ValidationAssert.None(MetadataValidator.Validate(WithKeywords(new string('x', 64)), TestAgencies.Pond5), "keywords.too-long");
    }

    [Fact]
    public void Sentence_keyword_warns_above_five_words()
    {
        ValidationAssert.Single(MetadataValidator.Validate(WithKeywords("a fox jumps over the lazy dog"), TestAgencies.Pond5), "keywords.sentence");
        ValidationAssert.None(MetadataValidator.Validate(WithKeywords("fox in the deep snow"), TestAgencies.Pond5), "keywords.sentence");
    }

    [Fact]
    public void Keyword_spam_warns_when_one_word_is_in_more_than_four_keywords()
    {
        var metadata = WithKeywords("dog", "dogs park", "dog walking", "dog toy", "dog bowl", "dog leash");

        var problem = ValidationAssert.Single(MetadataValidator.Validate(metadata, TestAgencies.Pond5), "keywords.spam");

        Assert.StartsWith("The word \"dog\" is in 6 keywords (", problem.Message, StringComparison.Ordinal);
        Assert.Null(problem.Fix);
        ValidationAssert.None(MetadataValidator.Validate(WithKeywords("dog", "dog park", "dog toy", "dog bowl", "leash"), TestAgencies.Pond5), "keywords.spam");
    }

    [Fact]
    public void Repeated_word_inside_a_keyword_is_collapsed()
    {
        var metadata = WithKeywords("happy happy dog", "cat");

        var problem = ValidationAssert.Single(MetadataValidator.Validate(metadata, TestAgencies.Pond5), "keywords.repeated-word");

        Assert.Equal(["happy dog", "cat"], problem.Fix!.Apply(metadata).Keywords);
    }

    [Fact]
    public void Special_characters_are_stripped_and_keywords_left_empty_removed()
    {
        var metadata = WithKeywords("#dog", "###", "cute_puppy");

        var problem = ValidationAssert.Single(MetadataValidator.Validate(metadata, TestAgencies.Pond5), "keywords.special-characters");

        Assert.Equal(["dog", "cute puppy"], problem.Fix!.Apply(metadata).Keywords);
    }

    [Fact]
    public void Accented_keywords_block_on_an_ascii_agency_and_are_transliterated()
    {
        var metadata = WithKeywords("café", "snow");

        var problem = ValidationAssert.Single(MetadataValidator.Validate(metadata, TestAgencies.Shutterstock), "keywords.non-ascii");

        Assert.Equal(Severity.Blocking, problem.Severity);
        Assert.Equal(["cafe", "snow"], problem.Fix!.Apply(metadata).Keywords);
    }

    [Fact]
    public void Brand_keywords_warn_and_are_removed()
    {
        var metadata = WithKeywords("running", "nike shoes", "pineapple", "Coca-Cola");

        var problem = ValidationAssert.Single(MetadataValidator.Validate(metadata, TestAgencies.Adobe), "keywords.trademark");

        Assert.Equal(Severity.Warning, problem.Severity);
        Assert.Contains("\"nike shoes\", \"Coca-Cola\"", problem.Message, StringComparison.Ordinal);
        Assert.Contains("Adobe Stock refuses brand names", problem.Message, StringComparison.Ordinal);
        Assert.Equal(["running", "pineapple"], problem.Fix!.Apply(metadata).Keywords);
    }

    [Fact]
    public void Brand_keywords_are_fine_on_editorial_images() =>
        ValidationAssert.None(MetadataValidator.Validate(WithKeywords("nike") with { Flags = ContentFlags.Editorial }, TestAgencies.Adobe), "keywords.trademark");

    [Fact]
    public void Required_brand_keyword_is_reported_but_not_removed()
    {
        var rules = new UserRules { RequiredKeywords = ["lego"] };

        var problem = ValidationAssert.Single(MetadataValidator.Validate(WithKeywords("lego", "toy"), TestAgencies.Adobe, rules), "keywords.trademark");

        Assert.Contains("\"lego\" stays because your rules require it.", problem.Message, StringComparison.Ordinal);
        Assert.Null(problem.Fix);
    }

    [Fact]
    public void Ai_tool_keywords_block_at_adobe_and_warn_elsewhere()
    {
        var metadata = WithKeywords("castle", "AI generated", "Midjourney", "firefly", "generative ai");

        var adobe = ValidationAssert.Single(MetadataValidator.Validate(metadata, TestAgencies.Adobe), "keywords.ai-tool");
        var pond5 = ValidationAssert.Single(MetadataValidator.Validate(metadata, TestAgencies.Pond5), "keywords.ai-tool");

        Assert.Equal(Severity.Blocking, adobe.Severity);
        Assert.Equal(Severity.Warning, pond5.Severity);
        Assert.Equal(["castle", "firefly"], adobe.Fix!.Apply(metadata).Keywords);
    }

    [Fact]
    public void Clean_keywords_raise_nothing()
    {
        var report = MetadataValidator.Validate(WithKeywords("red fox", "snow", "winter", "wildlife", "animal", "forest", "cold", "USA"), TestAgencies.Shutterstock);

        ValidationAssert.NoneStartingWith(report, "keywords.");
    }
}
