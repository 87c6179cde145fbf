using TagMyStock.Core.Agencies;

namespace TagMyStock.Core.Validation;

/// <summary>Profiles built inline so these tests do not depend on the shipped agency files.</summary>
internal static class TestAgencies
{
    /// <summary>Shaped like Adobe Stock: title ≤ 70, ≤ 50 keywords, AI accepted with a portal checkbox, no AI tool names.</summary>
    public static AgencyProfile Adobe { get; } = new()
    {
        Id = "adobe",
        Name = "Adobe Stock",
        TitleRequired = true,
        TitleMaxLength = Fact.Verified<int?>(70, "test"),
        KeywordMax = Fact.Verified<int?>(50, "test"),
        Categories = Fact.Verified<IReadOnlyList<AgencyCategory>>([new("1", "Animals"), new("2", "Buildings and Architecture"), new("3", "Business")], "test"),
        Ai = Fact.Verified(AiPolicy.Accepted, "test"),
        AiNote = "tick \"Created using generative AI tools\" when you submit.",
        ForbidsAiToolNames = true,
    };

    /// <summary>Shaped like Shutterstock: 7–50 keywords, 1–2 categories required, AI banned, English ASCII only.</summary>
    public static AgencyProfile Shutterstock { get; } = new()
    {
        Id = "shutterstock",
        Name = "Shutterstock",
        DescriptionRequired = true,
        DescriptionMaxLength = Fact.Unverified<int?>(200, "a third-party blog"),
        KeywordMin = Fact.Verified<int?>(7, "test"),
        KeywordMax = Fact.Verified<int?>(50, "test"),
        Categories = Fact.Verified<IReadOnlyList<AgencyCategory>>(
            [new("Animals/Wildlife", "Animals/Wildlife"), new("Nature", "Nature"), new("Food and Drink", "Food and Drink"), new("Transportation", "Transportation")],
            "test"),
        CategoryRequired = true,
        MaxCategories = 2,
        Ai = Fact.Verified(AiPolicy.Banned, "test"),
        EnglishAsciiOnly = true,
    };

    /// <summary>Shaped like Pond5: title 40–80, file names of letters and digits only.</summary>
    public static AgencyProfile Pond5 { get; } = new()
    {
        Id = "pond5",
        Name = "Pond5",
        TitleRequired = true,
        TitleMinLength = Fact.Verified<int?>(40, "test"),
        TitleMaxLength = Fact.Verified<int?>(80, "test"),
        KeywordMin = Fact.Verified<int?>(5, "test"),
        KeywordMax = Fact.Verified<int?>(50, "test"),
        Ai = Fact.Peer(AiPolicy.AcceptedWithConditions, "a peer tool"),
        AiNote = "only with full rights to the prompt and model.",
        FileName = new FileNameRule(20, "A-Za-z0-9", Confidence.Verified, "test"),
        LowercaseKeywords = false,
    };

    /// <summary>An agency we know nothing about: no limits, unknown AI policy.</summary>
    public static AgencyProfile Unknown { get; } = new()
    {
        Id = "unknown",
        Name = "Some Agency",
        Ai = Fact.Unverified(AiPolicy.Unknown, "not found"),
    };
}
