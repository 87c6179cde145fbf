using TagMyStock.Core.Metadata;

namespace TagMyStock.Core.Validation;

public sealed class FlagValidationTests
{
    private static readonly ImageMetadata AiImage = new() { Flags = ContentFlags.AiGenerated };

    [Fact]
    public void Ai_image_blocks_where_banned()
    {
        var problem = ValidationAssert.Single(MetadataValidator.Validate(AiImage, TestAgencies.Shutterstock), "flags.ai-banned");

        Assert.Equal(Severity.Blocking, problem.Severity);
        Assert.Equal("Shutterstock does not accept AI-generated images.", problem.Message);
    }

    [Fact]
    public void Ai_image_gets_the_note_where_accepted_with_one()
    {
        var problem = ValidationAssert.Single(MetadataValidator.Validate(AiImage, TestAgencies.Adobe), "flags.ai-note");

        Assert.Equal(Severity.Info, problem.Severity);
        Assert.Equal("Adobe Stock accepts AI-generated images: tick \"Created using generative AI tools\" when you submit.", problem.Message);
    }

    [Fact]
    public void Conditional_policy_warns_with_the_note_and_its_certainty()
    {
        var problem = ValidationAssert.Single(MetadataValidator.Validate(AiImage, TestAgencies.Pond5), "flags.ai-conditions");

        Assert.Equal(Severity.Warning, problem.Severity);
        Assert.Equal(
            "Pond5 accepts AI-generated images only on its conditions: only with full rights to the prompt and model. (other tools apply this; Pond5 has not confirmed it: a peer tool)",
            problem.Message);
    }

    [Fact]
    public void Unknown_policy_warns_that_we_could_not_confirm_it()
    {
        var problem = ValidationAssert.Single(MetadataValidator.Validate(AiImage, TestAgencies.Unknown), "flags.ai-unknown");

        Assert.Equal(Severity.Warning, problem.Severity);
        Assert.StartsWith("We could not confirm Some Agency's AI policy", problem.Message, StringComparison.Ordinal);
        Assert.Contains("not confirmed by Some Agency", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unverified_ban_says_so()
    {
        var agency = TestAgencies.Shutterstock with { Ai = Agencies.Fact.Unverified(Agencies.AiPolicy.Banned, "a forum post") };

        Assert.Equal(
            "Shutterstock does not accept AI-generated images. (not confirmed by Shutterstock; source: a forum post)",
            ValidationAssert.Single(MetadataValidator.Validate(AiImage, agency), "flags.ai-banned").Message);
    }

    [Fact]
    public void Photos_raise_no_ai_problem()
    {
        foreach (var agency in new[] { TestAgencies.Adobe, TestAgencies.Shutterstock, TestAgencies.Pond5, TestAgencies.Unknown })
        {
            ValidationAssert.NoneStartingWith(MetadataValidator.Validate(ImageMetadata.Empty, agency), "flags.");
        }
    }

    [Fact]
    public void Ai_source_type_without_the_flag_is_flagged_and_fixed()
    {
        var metadata = new ImageMetadata { DigitalSourceType = DigitalSourceType.TrainedAlgorithmicMedia };

        var report = MetadataValidator.Validate(metadata, TestAgencies.Shutterstock);

        var problem = ValidationAssert.Single(report, "flags.ai-flag-missing");
        Assert.True(problem.Fix!.Apply(metadata).Has(ContentFlags.AiGenerated));
        ValidationAssert.Single(report, "flags.ai-banned");
    }
}
