using TagMyStock.Core.Agencies;
using TagMyStock.Core.Metadata;
using TagMyStock.Core.Rules;

namespace TagMyStock.Core.Validation;

/// <summary>Applies every fix validation offers, as one click "fix all" does.</summary>
public static class MetadataFixer
{
    /// <summary>
    /// Enough for any chain of fixes (a cut title that then shows a brand, a split keyword that then repeats
    /// another); the passes stop as soon as one changes nothing.
    /// </summary>
    public const int MaxPasses = 8;

    /// <summary>
    /// Validates, applies every fix in report order, and repeats until a pass changes nothing (at most
    /// <see cref="MaxPasses"/>). Deterministic; fixing fixed metadata returns it unchanged. Problems without a
    /// fix (too few keywords, keyword spam) are left for the user: nothing is invented.
    /// </summary>
    public static ImageMetadata AutoFix(ImageMetadata metadata, AgencyProfile agency, UserRules? rules = null) =>
        FixUntilStable(metadata, current => MetadataValidator.Validate(current, agency, rules));

    /// <summary>The same for the user's rules alone.</summary>
    public static ImageMetadata AutoFixRules(ImageMetadata metadata, UserRules rules) =>
        FixUntilStable(metadata, current => MetadataValidator.ValidateRules(current, rules));

    private static ImageMetadata FixUntilStable(ImageMetadata metadata, Func<ImageMetadata, ValidationReport> validate)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var current = metadata;
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var fixedMetadata = validate(current).Fixes.Aggregate(current, (state, fix) => fix.Apply(state));
            if (fixedMetadata.Equals(current))
            {
                break;
            }

            current = fixedMetadata;
        }

        return current;
    }
}
