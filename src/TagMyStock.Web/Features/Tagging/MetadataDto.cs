using TagMyStock.Core.Agencies;
using TagMyStock.Core.Metadata;
using TagMyStock.Core.Rules;
using TagMyStock.Core.Validation;

namespace TagMyStock.Web.Features.Tagging;

/// <summary>An image's metadata as the API sends and receives it.</summary>
public sealed record MetadataDto(
    string Title,
    string Description,
    IReadOnlyList<string> Keywords,
    IReadOnlyDictionary<string, string> Categories,
    FlagsDto Flags,
    string? DigitalSourceType)
{
    public static MetadataDto From(ImageMetadata metadata) =>
        new(metadata.Title, metadata.Description, metadata.Keywords, metadata.Categories, FlagsDto.From(metadata.Flags), metadata.DigitalSourceType);
}

/// <summary>The yes/no facts of <see cref="ContentFlags"/>, one property each so clients need no bit arithmetic.</summary>
public sealed record FlagsDto(
    bool AiGenerated = false,
    bool Editorial = false,
    bool MatureContent = false,
    bool Illustration = false,
    bool PeopleReleaseNeeded = false,
    bool PropertyReleaseNeeded = false)
{
    public static FlagsDto From(ContentFlags flags) => new(
        flags.HasFlag(ContentFlags.AiGenerated),
        flags.HasFlag(ContentFlags.Editorial),
        flags.HasFlag(ContentFlags.MatureContent),
        flags.HasFlag(ContentFlags.Illustration),
        flags.HasFlag(ContentFlags.PeopleReleaseNeeded),
        flags.HasFlag(ContentFlags.PropertyReleaseNeeded));

    public ContentFlags ToFlags() =>
        (AiGenerated ? ContentFlags.AiGenerated : ContentFlags.None)
        | (Editorial ? ContentFlags.Editorial : ContentFlags.None)
        | (MatureContent ? ContentFlags.MatureContent : ContentFlags.None)
        | (Illustration ? ContentFlags.Illustration : ContentFlags.None)
        | (PeopleReleaseNeeded ? ContentFlags.PeopleReleaseNeeded : ContentFlags.None)
        | (PropertyReleaseNeeded ? ContentFlags.PropertyReleaseNeeded : ContentFlags.None);
}

/// <summary>What is wrong with an image's metadata for one agency.</summary>
/// <param name="Blocked">Whether the agency would refuse the image or its CSV row as it stands.</param>
public sealed record AgencyReportDto(string Agency, string Name, bool Blocked, IReadOnlyList<ProblemDto> Problems)
{
    /// <summary>
    /// Validates <paramref name="metadata"/> against each agency and the account's own rules with Core's
    /// <see cref="MetadataValidator"/>, the image's pixel size included when it is known.
    /// </summary>
    public static IReadOnlyList<AgencyReportDto> For(
        ImageMetadata metadata, IEnumerable<AgencyProfile> agencies, UserRules rules, string fileName, (int Width, int Height)? pixelSize) =>
        [.. agencies.Select(agency => From(agency, MetadataValidator.Validate(metadata, agency, rules, fileName, pixelSize)))];

    public static AgencyReportDto From(AgencyProfile agency, ValidationReport report) =>
        new(agency.Id, agency.Name, report.IsBlocked, [.. report.Problems.Select(ProblemDto.From)]);
}

/// <param name="Fix">What the one-click fix does, or null when the contributor has to decide.</param>
public sealed record ProblemDto(string Code, string Severity, string Field, string Message, string? Fix)
{
    public static ProblemDto From(Problem problem) => new(
        problem.Code,
        problem.Severity.ToString().ToLowerInvariant(),
        problem.Field.ToString().ToLowerInvariant(),
        problem.Message,
        problem.Fix?.Description);
}
