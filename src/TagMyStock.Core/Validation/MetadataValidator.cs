using TagMyStock.Core.Agencies;
using TagMyStock.Core.Metadata;
using TagMyStock.Core.Rules;

namespace TagMyStock.Core.Validation;

/// <summary>
/// Checks an image's metadata against one agency's profile and the user's own rules, returning every
/// problem at once (nothing is thrown for bad metadata). A limit the profile leaves null is not checked.
/// </summary>
public static class MetadataValidator
{
    /// <summary>The agency id of a report that holds only the user's rules.</summary>
    public const string RulesOnlyId = "rules";

    /// <summary>
    /// Every problem, each with a plain message naming the agency and the numbers, and a
    /// <see cref="MetadataFix"/> where one exists. Problems come in the order their fixes are best applied:
    /// the user's rules, clean-ups field by field, and last the cuts to a maximum (too long, too many), so
    /// that <see cref="MetadataFixer"/> cuts what survives the clean-ups rather than cleaning up after a cut.
    /// </summary>
    /// <param name="fileName">The uploaded file's name, checked against <see cref="AgencyProfile.FileName"/> when given.</param>
    /// <param name="imageSize">The image's pixel size, checked against <see cref="AgencyProfile.MinimumSize"/> when given (see <see cref="ImageSizeCheck"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException">A side of <paramref name="imageSize"/> is zero or negative.</exception>
    public static ValidationReport Validate(
        ImageMetadata metadata,
        AgencyProfile agency,
        UserRules? rules = null,
        string? fileName = null,
        (int Width, int Height)? imageSize = null)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(agency);
        var context = new ValidationContext(agency, rules ?? UserRules.None);
        IEnumerable<Problem> problems =
        [
            .. RuleChecks.Check(metadata, context.Rules),
            .. TextChecks.Check(metadata, context),
            .. KeywordChecks.Check(metadata, context),
            .. CategoryChecks.Check(metadata, context),
            .. FlagChecks.Check(metadata, context),
            .. FileNameChecks.Check(fileName, context),
            .. imageSize is (var width, var height) ? ImageSizeCheck.Check(width, height, context) : [],
            .. TextChecks.CheckLengths(metadata, context),
            .. RuleChecks.CheckLimits(metadata, context.Rules),
        ];
        return new ValidationReport(agency.Id, [.. problems]);
    }

    /// <summary>Only the user's rules, for when no agency is chosen; the report's agency id is <see cref="RulesOnlyId"/>.</summary>
    public static ValidationReport ValidateRules(ImageMetadata metadata, UserRules rules)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(rules);
        return new ValidationReport(RulesOnlyId, [.. RuleChecks.Check(metadata, rules), .. RuleChecks.CheckLimits(metadata, rules)]);
    }
}
