using TagMyStock.Core.Metadata;

namespace TagMyStock.Core.Validation;

public sealed class TextValidationTests
{
    private static readonly string[] SevenKeywords = ["fox", "snow", "winter", "wildlife", "animal", "forest", "cold"];

    [Fact]
    public void Commas_in_a_title_block_where_the_agency_forbids_them_and_the_fix_takes_them_out()
    {
        var adobe = TestAgencies.Adobe with { TitleForbidsCommas = Agencies.Fact.Verified(true, "csv page") };
        var metadata = new ImageMetadata { Title = "Fox in snow, winter forest", Keywords = SevenKeywords };

        var problem = ValidationAssert.Single(MetadataValidator.Validate(metadata, adobe), "title.comma");

        Assert.Equal(Severity.Blocking, problem.Severity);
        Assert.Equal("Adobe Stock wants titles without commas.", problem.Message);
        Assert.Equal("Fox in snow winter forest", problem.Fix!.Apply(metadata).Title);
        Assert.DoesNotContain(MetadataValidator.Validate(metadata, TestAgencies.Shutterstock).Problems, p => p.Code == "title.comma");
    }

    [Fact]
    public void Missing_title_blocks_where_required()
    {
        var report = MetadataValidator.Validate(new ImageMetadata { Title = "  " }, TestAgencies.Adobe);

        var problem = ValidationAssert.Single(report, "title.missing");
        Assert.Equal(Severity.Blocking, problem.Severity);
        Assert.Equal("Adobe Stock needs a title; this image has none.", problem.Message);
        Assert.Null(problem.Fix);
    }

    [Fact]
    public void Missing_title_is_fine_where_not_required() =>
        ValidationAssert.None(MetadataValidator.Validate(ImageMetadata.Empty, TestAgencies.Shutterstock), "title.missing");

    [Fact]
    public void Too_long_title_names_agency_and_numbers_and_cuts_at_a_word()
    {
        var title = "Red fox hunting for mice in deep fresh snow on a cold winter morning in the forest";
        var metadata = new ImageMetadata { Title = title };

        var problem = ValidationAssert.Single(MetadataValidator.Validate(metadata, TestAgencies.Adobe), "title.too-long");

        Assert.Equal(Severity.Blocking, problem.Severity);
        Assert.Equal($"Title has {title.Length} characters: Adobe Stock takes 70 at most.", problem.Message);
        Assert.Equal("Red fox hunting for mice in deep fresh snow on a cold winter morning", problem.Fix!.Apply(metadata).Title);
    }

    [Fact]
    public void Title_at_the_limit_passes() =>
        ValidationAssert.None(MetadataValidator.Validate(new ImageMetadata { Title = new string('a', 70) }, TestAgencies.Adobe), "title.too-long");

    [Fact]
    public void Short_title_says_how_many_more_characters()
    {
        var problem = ValidationAssert.Single(MetadataValidator.Validate(new ImageMetadata { Title = "Red fox in snow" }, TestAgencies.Pond5), "title.too-short");

        Assert.Equal("Title has 15 characters: Pond5 needs at least 40 — add 25 more.", problem.Message);
        Assert.Null(problem.Fix);
    }

    [Fact]
    public void Accented_title_blocks_on_an_ascii_agency_and_is_transliterated()
    {
        var metadata = new ImageMetadata { Title = "Crème brûlée in a café" };

        var problem = ValidationAssert.Single(MetadataValidator.Validate(metadata, TestAgencies.Shutterstock), "title.non-ascii");

        Assert.Equal(Severity.Blocking, problem.Severity);
        Assert.Contains("Shutterstock", problem.Message, StringComparison.Ordinal);
        Assert.Equal("Creme brulee in a cafe", problem.Fix!.Apply(metadata).Title);
        ValidationAssert.None(MetadataValidator.Validate(metadata, TestAgencies.Adobe), "title.non-ascii");
    }

    [Fact]
    public void Title_in_another_script_has_no_automatic_fix() =>
        Assert.Null(ValidationAssert.Single(MetadataValidator.Validate(new ImageMetadata { Title = "猫" }, TestAgencies.Shutterstock), "title.non-ascii").Fix);

    [Fact]
    public void Special_characters_in_title_are_removed()
    {
        var metadata = new ImageMetadata { Title = "Happy dog #pets @home" };

        var problem = ValidationAssert.Single(MetadataValidator.Validate(metadata, TestAgencies.Adobe), "title.special-characters");

        Assert.Equal("Happy dog pets home", problem.Fix!.Apply(metadata).Title);
    }

    [Fact]
    public void Brand_in_title_is_a_warning_with_a_fix_removing_it()
    {
        var metadata = new ImageMetadata { Title = "Runner tying Nike shoes before a race" };

        var problem = ValidationAssert.Single(MetadataValidator.Validate(metadata, TestAgencies.Adobe), "title.trademark");

        Assert.Equal(Severity.Warning, problem.Severity);
        Assert.Contains("\"nike\"", problem.Message, StringComparison.Ordinal);
        Assert.Equal("Runner tying shoes before a race", problem.Fix!.Apply(metadata).Title);
    }

    [Fact]
    public void Brand_in_an_editorial_title_is_allowed() =>
        ValidationAssert.None(
            MetadataValidator.Validate(new ImageMetadata { Title = "Nike store in Paris", Flags = ContentFlags.Editorial }, TestAgencies.Adobe),
            "title.trademark");

    [Fact]
    public void Ai_tool_name_in_title_blocks_at_adobe_and_warns_elsewhere()
    {
        var metadata = new ImageMetadata { Title = "Castle at dusk, Midjourney art" };

        var adobe = ValidationAssert.Single(MetadataValidator.Validate(metadata, TestAgencies.Adobe), "title.ai-tool");
        var pond5 = ValidationAssert.Single(MetadataValidator.Validate(metadata, TestAgencies.Pond5), "title.ai-tool");

        Assert.Equal(Severity.Blocking, adobe.Severity);
        Assert.Contains("Adobe Stock refuses AI tool names", adobe.Message, StringComparison.Ordinal);
        Assert.Equal(Severity.Warning, pond5.Severity);
        Assert.Equal("Castle at dusk, art", adobe.Fix!.Apply(metadata).Title);
    }

    [Fact]
    public void Missing_description_blocks_where_required() =>
        Assert.Equal(
            "Shutterstock needs a description; this image has none.",
            ValidationAssert.Single(MetadataValidator.Validate(new ImageMetadata { Keywords = SevenKeywords }, TestAgencies.Shutterstock), "description.missing").Message);

    [Fact]
    public void Long_description_against_an_unconfirmed_limit_warns_and_cuts_at_a_sentence()
    {
        var description = "A red fox hunts in deep snow. " + string.Concat(Enumerable.Repeat("It listens for mice under the white surface. ", 5));
        var metadata = new ImageMetadata { Description = description.Trim() };

        var problem = ValidationAssert.Single(MetadataValidator.Validate(metadata, TestAgencies.Shutterstock), "description.too-long");

        Assert.Equal(Severity.Warning, problem.Severity);
        Assert.StartsWith($"Description has {description.Trim().Length} characters: Shutterstock takes 200 at most. (not confirmed by Shutterstock; source: a third-party blog)", problem.Message, StringComparison.Ordinal);
        var cut = problem.Fix!.Apply(metadata).Description;
        Assert.True(cut.Length <= 200);
        Assert.EndsWith("surface.", cut, StringComparison.Ordinal);
    }

    [Fact]
    public void Description_equal_to_title_is_info()
    {
        var report = MetadataValidator.Validate(new ImageMetadata { Title = "Red fox in snow", Description = "red fox in snow " }, TestAgencies.Adobe);

        Assert.Equal(Severity.Info, ValidationAssert.Single(report, "description.same-as-title").Severity);
    }

    [Fact]
    public void Clean_title_and_description_raise_nothing()
    {
        var metadata = new ImageMetadata { Title = "Red fox hunting in deep snow on a winter morning", Description = "A red fox listens for mice under fresh snow in a quiet forest." };

        var report = MetadataValidator.Validate(metadata, TestAgencies.Pond5);

        ValidationAssert.NoneStartingWith(report, "title.");
        ValidationAssert.NoneStartingWith(report, "description.");
    }
}
