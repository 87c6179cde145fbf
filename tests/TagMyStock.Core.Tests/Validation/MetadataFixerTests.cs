using TagMyStock.Core.Agencies;
using TagMyStock.Core.Metadata;
using TagMyStock.Core.Rules;

namespace TagMyStock.Core.Validation;

public sealed class MetadataFixerTests
{
    private static readonly UserRules Rules = UserRules.FromJson(
        """{"requiredKeywords":["my studio"],"bannedWords":["cheap"],"maxKeywords":45,"titleMaxLength":60,"titleStyle":"sentenceCase"}""");

    /// <summary>Metadata with something wrong in every field.</summary>
    private static readonly ImageMetadata Messy = new()
    {
        Title = "Cheap Crème Brûlée With Nike Spoon #dessert, Midjourney AI Art, In A Cozy Café In Paris At Night",
        Description = "Crème brûlée. Made with Stable Diffusion. " + string.Concat(Enumerable.Repeat("A sweet dessert on a table. ", 10)),
        Keywords = [.. new[] { "Crème Brûlée", "creme brulee", "dessert", "Desserts", "", "#sweet", "nike", "AI generated", "cheap dessert", "dog dog" }
            .Concat(Enumerable.Range(1, 50).Select(number => $"word{number}"))],
        Categories = new Dictionary<string, string>(StringComparer.Ordinal) { ["shutterstock"] = "food and drink,Nature,Transportation", ["adobe"] = "animals" },
        Flags = ContentFlags.None,
    };

    public static TheoryData<string> Agencies => ["adobe", "shutterstock", "pond5", "unknown"];

    private static AgencyProfile Agency(string id) => id switch
    {
        "adobe" => TestAgencies.Adobe,
        "shutterstock" => TestAgencies.Shutterstock,
        "pond5" => TestAgencies.Pond5,
        _ => TestAgencies.Unknown,
    };

    [Theory]
    [MemberData(nameof(Agencies))]
    public void AutoFix_is_idempotent(string agencyId)
    {
        var agency = Agency(agencyId);

        var once = MetadataFixer.AutoFix(Messy, agency, Rules);

        Assert.Equal(once, MetadataFixer.AutoFix(once, agency, Rules));
        Assert.NotEqual(Messy, once);
    }

    [Theory]
    [MemberData(nameof(Agencies))]
    public void After_AutoFix_no_fixable_problem_remains(string agencyId)
    {
        var agency = Agency(agencyId);

        var report = MetadataValidator.Validate(MetadataFixer.AutoFix(Messy, agency, Rules), agency, Rules);

        Assert.All(report.Problems, problem => Assert.True(problem.Fix is null, $"{problem.Code} still offers a fix: {problem.Message}"));
    }

    [Theory]
    [MemberData(nameof(Agencies))]
    public void AutoFix_without_rules_is_idempotent_too(string agencyId)
    {
        var agency = Agency(agencyId);

        var once = MetadataFixer.AutoFix(Messy, agency);

        Assert.Equal(once, MetadataFixer.AutoFix(once, agency));
        Assert.DoesNotContain(MetadataValidator.Validate(once, agency).Problems, problem => problem.Fix is not null);
    }

    [Fact]
    public void AutoFix_for_adobe_gives_the_expected_metadata()
    {
        var fixedMetadata = MetadataFixer.AutoFix(Messy, TestAgencies.Adobe, Rules);

        Assert.Equal("Crème brûlée with spoon dessert, in a cozy café in Paris", fixedMetadata.Title);
        Assert.Equal(45, fixedMetadata.Keywords.Count);
        Assert.Equal(["crème brûlée", "dessert", "sweet", "dog", "word1"], fixedMetadata.Keywords.Take(5));
        Assert.Equal("my studio", fixedMetadata.Keywords[^1]);
        Assert.Equal("1", fixedMetadata.CategoryFor("adobe"));
        Assert.DoesNotContain("Stable Diffusion", fixedMetadata.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void AutoFix_for_shutterstock_transliterates_and_keeps_two_categories()
    {
        var fixedMetadata = MetadataFixer.AutoFix(Messy, TestAgencies.Shutterstock);

        Assert.Equal(["creme brulee", "dessert", "sweet", "cheap dessert", "dog"], fixedMetadata.Keywords.Take(5));
        Assert.Equal(50, fixedMetadata.Keywords.Count);
        Assert.Equal("food and drink,Nature", fixedMetadata.CategoryFor("shutterstock"));
        Assert.True(fixedMetadata.Description.Length <= 200);
        Assert.True(fixedMetadata.Description.All(char.IsAscii));
    }

    public static TheoryData<int, string, int> Combinations()
    {
        var data = new TheoryData<int, string, int>();
        foreach (var fixture in Enumerable.Range(0, Fixtures.Length))
        {
            foreach (var agency in new[] { "adobe", "shutterstock", "pond5", "unknown" })
            {
                foreach (var rules in Enumerable.Range(0, RuleSets.Length))
                {
                    data.Add(fixture, agency, rules);
                }
            }
        }

        return data;
    }

    private static readonly ImageMetadata[] Fixtures =
    [
        Messy,
        new()
        {
            Title = "AI",
            Description = "AI",
            Keywords = ["T-Shirt", "t shirts", "Red  T-Shirt", "dog", "dogs park", "dog walking", "dog toy", "dog bowl", "dog leash", "ÉTÉ", "猫", "USA flag"],
            Flags = ContentFlags.AiGenerated | ContentFlags.Editorial,
        },
        new()
        {
            Title = "LEGO® Bricks — “Colorful” Toys For Kids… " + new string('x', 90),
            Description = "Lego bricks",
            Keywords = ["lego", "bricks", "#toys", "kids"],
            Categories = new Dictionary<string, string>(StringComparer.Ordinal) { ["adobe"] = "nonsense", ["shutterstock"] = "Nature" },
            DigitalSourceType = DigitalSourceType.CompositeWithTrainedAlgorithmicMedia,
        },
    ];

    private static readonly UserRules[] RuleSets =
    [
        UserRules.None,
        Rules,
        UserRules.FromJson("""{"requiredKeywords":["studio"],"singleWordKeywordsOnly":true,"lowercaseKeywords":true,"keywordCount":6,"titleStyle":"titleCase","titleMaxLength":40,"descriptionMaxLength":30,"requiredKeywordsPosition":0}"""),
    ];

    [Theory]
    [MemberData(nameof(Combinations))]
    public void AutoFix_converges_for_every_fixture_agency_and_rule_set(int fixture, string agencyId, int ruleSet)
    {
        var agency = Agency(agencyId);
        var rules = RuleSets[ruleSet];

        var once = MetadataFixer.AutoFix(Fixtures[fixture], agency, rules);

        Assert.Equal(once, MetadataFixer.AutoFix(once, agency, rules));
        var report = MetadataValidator.Validate(once, agency, rules);
        Assert.All(report.Problems, problem => Assert.True(problem.Fix is null, $"{problem.Code} still offers a fix: {problem.Message}"));
    }

    [Fact]
    public void Clean_metadata_is_returned_unchanged()
    {
        var clean = new ImageMetadata { Title = "Red fox in snow", Keywords = ["fox", "snow", "my studio"] };

        Assert.Equal(clean, MetadataFixer.AutoFix(clean, TestAgencies.Adobe, Rules));
    }

    [Fact]
    public void AutoFixRules_applies_the_rules_alone()
    {
        var fixedMetadata = MetadataFixer.AutoFixRules(new ImageMetadata { Title = "Cheap Red Fox In Snow", Keywords = ["fox", "cheap fox"] }, Rules);

        Assert.Equal("Red fox in snow", fixedMetadata.Title);
        Assert.Equal(["fox", "my studio"], fixedMetadata.Keywords);
    }
}
