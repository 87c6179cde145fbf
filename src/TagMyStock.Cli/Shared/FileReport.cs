using System.Text.Json;
using TagMyStock.Core.Agencies;
using TagMyStock.Core.Metadata;
using TagMyStock.Core.Tagging;
using TagMyStock.Core.Validation;

namespace TagMyStock.Cli.Shared;

/// <summary>What happened to one file, as printed in the summary and in <c>--json</c> output.</summary>
public sealed record FileReport(string File)
{
    /// <summary>Why the file could not be processed; null when it was.</summary>
    public string? Error { get; init; }

    public MetadataReport? Metadata { get; init; }

    public IReadOnlyList<EvidenceReport> Evidence { get; init; } = [];

    public IReadOnlyList<string> Warnings { get; init; } = [];

    public IReadOnlyList<AgencyReport> Agencies { get; init; } = [];

    /// <summary>Where a copy with embedded metadata was written, if one was.</summary>
    public string? Output { get; init; }

    public string Status => Error is not null ? "failed" : Agencies.Any(agency => agency.Blocked) ? "blocked" : "ok";

    public int ExitCode => Error is not null ? ExitCodes.FilesFailed : Agencies.Any(agency => agency.Blocked) ? ExitCodes.BlockingProblems : ExitCodes.Success;

    public static FileReport Failed(string file, string error) => new(file) { Error = error };
}

public sealed record MetadataReport(
    string Title,
    string Description,
    IReadOnlyList<string> Keywords,
    IReadOnlyDictionary<string, string> Categories,
    IReadOnlyList<string> Flags,
    string? DigitalSourceType)
{
    public static MetadataReport From(ImageMetadata metadata) =>
        new(
            metadata.Title,
            metadata.Description,
            metadata.Keywords,
            metadata.Categories,
            FlagNames(metadata.Flags),
            metadata.EffectiveDigitalSourceType);

    /// <summary>Flags as kebab-case words ("ai-generated"), the same words the summary table shows.</summary>
    public static IReadOnlyList<string> FlagNames(ContentFlags flags) =>
        Enum.GetValues<ContentFlags>()
            .Where(flag => flag != ContentFlags.None && (flags & flag) == flag)
            .Select(flag => flag switch
            {
                ContentFlags.AiGenerated => "ai-generated",
                ContentFlags.Editorial => "editorial",
                ContentFlags.MatureContent => "mature",
                ContentFlags.Illustration => "illustration",
                ContentFlags.PeopleReleaseNeeded => "people-release",
                ContentFlags.PropertyReleaseNeeded => "property-release",
                _ => flag.ToString(),
            })
            .ToList();
}

/// <param name="Reasons">What was measured or matched outside text, e.g. "1 face, 18 % of the frame".</param>
public sealed record EvidenceReport(string Term, IReadOnlyList<string> Sources, double Score, IReadOnlyList<string> Reasons)
{
    public static EvidenceReport From(Evidence evidence) =>
        new(evidence.Term, evidence.Sources.Select(source => JsonNamingPolicy.KebabCaseLower.ConvertName(source.ToString())).ToList(), evidence.Score, evidence.Reasons);
}

/// <summary>The problems left for one agency after the automatic fixes were applied.</summary>
public sealed record AgencyReport(string Agency, string Name, bool Blocked, IReadOnlyList<ProblemReport> Problems)
{
    public static AgencyReport From(AgencyProfile agency, ValidationReport report) =>
        new(agency.Id, agency.Name, report.IsBlocked, report.Problems.Select(ProblemReport.From).ToList());
}

public sealed record ProblemReport(string Code, string Severity, string Field, string Message, string? Fix)
{
    public static ProblemReport From(Problem problem) =>
        new(problem.Code, problem.Severity.ToString().ToLowerInvariant(), problem.Field.ToString().ToLowerInvariant(), problem.Message, problem.Fix?.Description);
}
