using TagMyStock.Core.Agencies;
using TagMyStock.Core.Csv;
using TagMyStock.Core.Metadata;
using TagMyStock.Core.Rules;
using TagMyStock.Core.Validation;

namespace TagMyStock.Core.Preparation;

/// <summary>One agency's version of an image's metadata: the automatic fixes applied, and what is still wrong.</summary>
public sealed record AgencyVersion(AgencyProfile Agency, ImageMetadata Metadata, ValidationReport Report);

/// <summary>One image's metadata made ready for every chosen agency.</summary>
/// <param name="OutputName">The file name the agencies see, in the CSVs and for an embedded copy.</param>
/// <param name="Metadata">After the user's rules, before any agency's fixes: what TagMyStock's own CSV keeps.</param>
public sealed record PreparedImage(string OutputName, ImageMetadata Metadata, IReadOnlyList<AgencyVersion> ForAgencies)
{
    /// <summary>
    /// The metadata to embed in the file: fixed for every chosen agency in turn. Fixes only cut and clean,
    /// so the result fits the strictest limit of each and one file serves all of them.
    /// </summary>
    public required ImageMetadata ForEmbedding { get; init; }

    public string? Prompt { get; init; }

    public string? Model { get; init; }

    /// <summary>The version made for <paramref name="agency"/>, which must be one of the agencies prepared for.</summary>
    public AgencyVersion For(AgencyProfile agency) => ForAgencies.Single(version => version.Agency == agency);

    public CsvRow RowFor(ImageMetadata metadata) => new(OutputName, metadata) { Prompt = Prompt, Model = Model };
}

/// <summary>
/// What every way of producing metadata shares before it reaches an agency: the user's rules, each agency's
/// automatic fixes and checks, and the notices to show once per batch. The command line and the web app both
/// go through it, so an image gets the same CSV row and the same embedded fields from either.
/// </summary>
public static class AgencyPreparation
{
    public static PreparedImage Prepare(string outputName, ImageMetadata metadata, IReadOnlyList<AgencyProfile> agencies, UserRules? rules)
    {
        var ruled = rules is null ? metadata : rules.Apply(metadata);
        var versions = agencies
            .Select(agency =>
            {
                var fixedForAgency = MetadataFixer.AutoFix(ruled, agency, rules);
                return new AgencyVersion(agency, fixedForAgency, MetadataValidator.Validate(fixedForAgency, agency, rules, outputName));
            })
            .ToList();

        return new PreparedImage(outputName, ruled, versions)
        {
            ForEmbedding = agencies.Aggregate(ruled, (current, agency) => MetadataFixer.AutoFix(current, agency, rules)),
        };
    }

    /// <summary>Things to say once per batch: how sure each CSV layout is, and what AI images need per agency.</summary>
    public static List<string> Notices(IReadOnlyList<AgencyProfile> agencies, IEnumerable<ImageMetadata> images)
    {
        var notices = agencies.Select(agency => agency.CsvConfidenceNotice).OfType<string>().ToList();
        if (images.Any(image => image.Has(ContentFlags.AiGenerated)))
        {
            notices.AddRange(agencies
                .Where(agency => agency.Ai.Value is AiPolicy.Accepted or AiPolicy.AcceptedWithConditions && agency.AiNote is not null)
                .Select(agency => $"{agency.Name}, AI-generated images: {agency.AiNote}"));
        }

        return notices;
    }
}
