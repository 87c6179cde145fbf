using TagMyStock.Core.Agencies;
using TagMyStock.Core.Csv;
using TagMyStock.Core.Metadata;
using TagMyStock.Core.Rules;
using TagMyStock.Core.Validation;

namespace TagMyStock.Cli.Shared;

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

    public IReadOnlyList<AgencyReport> Reports => [.. ForAgencies.Select(version => AgencyReport.From(version.Agency, version.Report))];

    public CsvRow RowFor(ImageMetadata metadata) => new(OutputName, metadata) { Prompt = Prompt, Model = Model };
}

/// <summary>What <c>tag</c> and <c>export</c> share: the user's rules, each agency's fixes and checks, the CSVs and notices.</summary>
public static class AgencyPreparation
{
    /// <summary>TagMyStock's own CSV, which <c>embed</c> and <c>export</c> read back after the user edits it.</summary>
    public const string NativeCsvFileName = "tagmystock.csv";

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

    /// <summary>
    /// Writes each agency's CSV (those that have one) into <paramref name="folder"/>, and TagMyStock's own when
    /// <paramref name="withNative"/>; returns the paths.
    /// </summary>
    public static List<string> WriteCsvs(string folder, IReadOnlyList<AgencyProfile> agencies, IReadOnlyList<PreparedImage> images, bool withNative)
    {
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        foreach (var agency in agencies.Where(agency => agency.Csv is not null))
        {
            written.AddRange(CsvFiles.Write(folder, agency, images.Select(image => image.RowFor(image.ForAgencies.Single(version => version.Agency == agency).Metadata))));
        }

        if (withNative)
        {
            written.Add(CsvFiles.WriteNative(Path.Combine(folder, NativeCsvFileName), images.Select(image => image.RowFor(image.Metadata))));
        }

        return written;
    }

    /// <summary>Things to say once per batch: how sure each CSV layout is, and what AI images need per agency.</summary>
    public static List<string> Notices(IReadOnlyList<AgencyProfile> agencies, IReadOnlyList<PreparedImage> images)
    {
        var notices = agencies.Select(agency => agency.CsvConfidenceNotice).OfType<string>().ToList();
        if (images.Any(image => image.Metadata.Has(ContentFlags.AiGenerated)))
        {
            notices.AddRange(agencies
                .Where(agency => agency.Ai.Value is AiPolicy.Accepted or AiPolicy.AcceptedWithConditions && agency.AiNote is not null)
                .Select(agency => $"{agency.Name}, AI-generated images: {agency.AiNote}"));
        }

        return notices;
    }
}
