using TagMyStock.Core.Metadata;

namespace TagMyStock.Core.Validation;

public sealed class FileNameValidationTests
{
    [Fact]
    public void Long_file_name_blocks_with_the_numbers()
    {
        var problem = ValidationAssert.Single(MetadataValidator.Validate(ImageMetadata.Empty, TestAgencies.Pond5, fileName: "/photos/RedFoxInDeepSnow2024.jpg"), "file-name.too-long");

        Assert.Equal(Severity.Blocking, problem.Severity);
        Assert.Equal("File name \"RedFoxInDeepSnow2024.jpg\" has 24 characters: Pond5 takes 20 at most. Rename the file, or let TagMyStock do it: the web app's ZIP export and the command line's tag --embed --rename write copies under names every chosen agency takes.", problem.Message);
    }

    [Fact]
    public void Refused_characters_are_named_with_the_rule()
    {
        var problem = ValidationAssert.Single(MetadataValidator.Validate(ImageMetadata.Empty, TestAgencies.Pond5, fileName: "red fox_1.jpg"), "file-name.characters");

        Assert.Equal("File name \"red fox_1.jpg\" has characters Pond5 does not allow (space, \"_\"): its rule is [A-Za-z0-9] before the extension. Rename the file, or let TagMyStock do it: the web app's ZIP export and the command line's tag --embed --rename write copies under names every chosen agency takes.", problem.Message);
    }

    [Fact]
    public void Good_file_name_passes() =>
        ValidationAssert.NoneStartingWith(MetadataValidator.Validate(ImageMetadata.Empty, TestAgencies.Pond5, fileName: "RedFox01.jpg"), "file-name.");

    [Fact]
    public void File_name_is_not_checked_without_a_rule_or_a_name()
    {
        ValidationAssert.NoneStartingWith(MetadataValidator.Validate(ImageMetadata.Empty, TestAgencies.Adobe, fileName: "any name at all, really long_indeed.jpg"), "file-name.");
        ValidationAssert.NoneStartingWith(MetadataValidator.Validate(ImageMetadata.Empty, TestAgencies.Pond5), "file-name.");
    }
}
