using TagMyStock.Core.Metadata;

namespace TagMyStock.Core.Validation;

public sealed class CategoryValidationTests
{
    [Fact]
    public void Missing_required_category_blocks_and_lists_choices()
    {
        var problem = ValidationAssert.Single(MetadataValidator.Validate(ImageMetadata.Empty, TestAgencies.Shutterstock), "category.missing");

        Assert.Equal(Severity.Blocking, problem.Severity);
        Assert.Equal("Shutterstock needs a category; this image has none. Choose one of: \"Animals/Wildlife\", \"Nature\", \"Food and Drink\", \"Transportation\".", problem.Message);
    }

    [Fact]
    public void Missing_optional_category_is_fine() =>
        ValidationAssert.NoneStartingWith(MetadataValidator.Validate(ImageMetadata.Empty, TestAgencies.Adobe), "category.");

    [Fact]
    public void Unknown_category_blocks_and_suggests_related_names()
    {
        var metadata = ImageMetadata.Empty.WithCategory("shutterstock", "Wildlife");

        var problem = ValidationAssert.Single(MetadataValidator.Validate(metadata, TestAgencies.Shutterstock), "category.unknown");

        Assert.Equal(Severity.Blocking, problem.Severity);
        Assert.Equal("\"Wildlife\" is not one of Shutterstock's categories; valid ones include \"Animals/Wildlife\".", problem.Message);
    }

    [Fact]
    public void Unknown_category_without_a_related_name_lists_the_first_few() =>
        Assert.EndsWith(
            "valid ones include \"Animals\", \"Buildings and Architecture\", \"Business\".",
            ValidationAssert.Single(MetadataValidator.Validate(ImageMetadata.Empty.WithCategory("adobe", "99"), TestAgencies.Adobe), "category.unknown").Message,
            StringComparison.Ordinal);

    [Fact]
    public void Known_categories_by_code_pass_in_any_case()
    {
        var report = MetadataValidator.Validate(ImageMetadata.Empty.WithCategory("shutterstock", "nature, Animals/Wildlife"), TestAgencies.Shutterstock);

        ValidationAssert.NoneStartingWith(report, "category.");
    }

    [Fact]
    public void Category_given_by_name_is_replaced_by_its_code()
    {
        var metadata = ImageMetadata.Empty.WithCategory("adobe", "animals");

        var problem = ValidationAssert.Single(MetadataValidator.Validate(metadata, TestAgencies.Adobe), "category.name-not-code");

        Assert.Equal("Adobe Stock wants category codes: \"animals\" is 1.", problem.Message);
        Assert.Equal("1", problem.Fix!.Apply(metadata).CategoryFor("adobe"));
    }

    [Fact]
    public void Too_many_categories_keep_the_first()
    {
        var metadata = ImageMetadata.Empty.WithCategory("shutterstock", "Nature,Animals/Wildlife,Transportation");

        var problem = ValidationAssert.Single(MetadataValidator.Validate(metadata, TestAgencies.Shutterstock), "category.too-many");

        Assert.Equal("This image has 3 categories: Shutterstock takes 2 at most.", problem.Message);
        Assert.Equal("Nature,Animals/Wildlife", problem.Fix!.Apply(metadata).CategoryFor("shutterstock"));
    }

    [Fact]
    public void Another_agencys_category_is_not_read() =>
        ValidationAssert.Single(MetadataValidator.Validate(ImageMetadata.Empty.WithCategory("adobe", "1"), TestAgencies.Shutterstock), "category.missing");
}
