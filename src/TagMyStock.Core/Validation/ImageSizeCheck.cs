using System.Globalization;
using TagMyStock.Core.Agencies;
using TagMyStock.Core.Rules;

namespace TagMyStock.Core.Validation;

/// <summary>An image under one agency's <see cref="AgencyProfile.MinimumSize"/>, and whether upscaling can fix it.</summary>
/// <param name="Minimum">The agency's minimum, with how sure we are of it.</param>
/// <param name="UpscaleFactor">The smallest of <see cref="ImageSizeCheck.UpscaleFactors"/> whose upscale reaches the minimum; null when even the largest does not.</param>
/// <param name="Message">A sentence a contributor understands: the image's size, the agency's minimum and what upscaling can do.</param>
public sealed record ImageSizeShortfall(AgencyProfile Agency, Sourced<ImageSizeRule> Minimum, int? UpscaleFactor, string Message)
{
    /// <summary>Whether an upscaled copy would do: a factor reaches the minimum and the agency takes upsampled files.</summary>
    public bool UpscalingHelps => UpscaleFactor is not null && !Agency.ForbidsUpsampling.Value;
}

/// <summary>An image's pixel size against agencies' minimums; pure, so the web app and the command line share it.</summary>
public static class ImageSizeCheck
{
    /// <summary>The upscale factors TagMyStock offers, smallest first.</summary>
    public static IReadOnlyList<int> UpscaleFactors { get; } = [2, 4];

    /// <summary>One shortfall per agency whose known minimum a <paramref name="width"/> × <paramref name="height"/> image misses, in the agencies' order.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A side is zero or negative.</exception>
    public static IReadOnlyList<ImageSizeShortfall> Check(int width, int height, IEnumerable<AgencyProfile> agencies)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentNullException.ThrowIfNull(agencies);
        return [.. agencies.Select(agency => Shortfall(width, height, agency)).OfType<ImageSizeShortfall>()];
    }

    /// <summary>The shortfall as a validation problem, for reports that list everything an agency will refuse.</summary>
    internal static IReadOnlyList<Problem> Check(int width, int height, ValidationContext context) =>
        Check(width, height, [context.Agency]) is [var shortfall]
            ? [new Problem("image.too-small", ValidationContext.LimitSeverity(shortfall.Minimum.Confidence), MetadataField.ImageSize, shortfall.Message)]
            : [];

    private static ImageSizeShortfall? Shortfall(int width, int height, AgencyProfile agency)
    {
        if (agency.MinimumSize is not { Value: { } rule } minimum || rule.IsMetBy(width, height))
        {
            return null;
        }

        var factor = UpscaleFactors.Where(factor => rule.IsMetBy((long)width * factor, (long)height * factor)).Select(factor => (int?)factor).FirstOrDefault();
        var context = new ValidationContext(agency, UserRules.None);
        var size = string.Create(CultureInfo.InvariantCulture, $"{ImageSizeRule.FormatMegapixels((long)width * height, roundUp: false)} MP ({width} × {height})");
        var under = rule.IsPixelCountOnly ? $"under {agency.Name}'s {rule} minimum" : $"under {agency.Name}'s minimum of {rule}";
        var remedy = (agency.ForbidsUpsampling.Value, factor) switch
        {
            (true, _) => $"{agency.Name} refuses upsampled files, so only a larger original will do.",
            (false, { } reaching) => string.Create(CultureInfo.InvariantCulture, $"Upscaling {reaching}× ({(long)width * reaching} × {(long)height * reaching}) reaches it."),
            (false, null) => string.Create(CultureInfo.InvariantCulture, $"Even upscaling {UpscaleFactors[^1]}× does not reach it."),
        };
        return new ImageSizeShortfall(
            agency,
            new Sourced<ImageSizeRule>(rule, minimum.Confidence, minimum.Source),
            factor,
            $"{size}: {under}. {remedy}{context.Certainty(minimum)}");
    }
}
