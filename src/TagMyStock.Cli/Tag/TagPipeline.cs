using TagMyStock.Core.Agencies;
using TagMyStock.Core.Metadata;
using TagMyStock.Core.Rules;
using TagMyStock.Core.Tagging;
using TagMyStock.Core.Validation;
using TagMyStock.Imaging.Reading;

namespace TagMyStock.Cli.Tag;

/// <summary>One image after tagging: what the engine said, and the version of it each agency gets.</summary>
/// <param name="OutputName">The file name the agencies see, in the CSVs and for an embedded copy.</param>
public sealed record TaggedImage(string Path, string OutputName, TaggingResult Result, ImageMetadata Metadata, string? Prompt, string? Generator)
{
    /// <summary>Per agency: the metadata with the automatic fixes applied, and what is still wrong with it.</summary>
    public required IReadOnlyList<(AgencyProfile Agency, ImageMetadata Metadata, ValidationReport Report)> ForAgencies { get; init; }

    /// <summary>
    /// The metadata to embed in the file: fixed for every chosen agency in turn. Fixes only cut and clean,
    /// so the result fits the strictest limit of each and one file serves all of them.
    /// </summary>
    public required ImageMetadata ForEmbedding { get; init; }
}

/// <summary>Reads what a file already says, runs the engine, then the user's rules and each agency's fixes.</summary>
public sealed class TagPipeline(
    ITaggingEngine engine,
    IReadOnlyList<AgencyProfile> agencies,
    UserRules? rules,
    string? hint,
    IReadOnlyDictionary<string, string> categories,
    OutputNames names)
{
    /// <summary>A sidecar prompt larger than this is not a prompt.</summary>
    private const int MaxSidecarBytes = 64 * 1024;

    public async Task<TaggedImage> TagAsync(string path, CancellationToken cancellationToken)
    {
        var embedded = EmbeddedMetadataReader.Read(path);
        var prompt = await ReadSidecarPromptAsync(path, cancellationToken) ?? embedded.GenerationPrompt;
        var input = new TaggingInput(System.IO.Path.GetFileName(path), hint, prompt, embedded.Metadata) { GeneratorName = embedded.GeneratorName };
        var result = await engine.TagAsync(input, cancellationToken);
        var categorised = categories.Aggregate(result.Metadata, (current, category) => current.WithCategory(category.Key, category.Value));
        var metadata = rules is null ? categorised : rules.Apply(categorised);
        var outputName = names.Claim(path);

        var forAgencies = agencies
            .Select(agency =>
            {
                var fixedForAgency = MetadataFixer.AutoFix(metadata, agency, rules);
                return (agency, fixedForAgency, MetadataValidator.Validate(fixedForAgency, agency, rules, outputName));
            })
            .ToList();

        return new TaggedImage(path, outputName, result, metadata, prompt, embedded.GeneratorName)
        {
            ForAgencies = forAgencies,
            ForEmbedding = agencies.Aggregate(metadata, (current, agency) => MetadataFixer.AutoFix(current, agency, rules)),
        };
    }

    /// <summary>A <c>.txt</c> file beside the image with the same name holds its generation prompt (how most generators save it).</summary>
    private static async Task<string?> ReadSidecarPromptAsync(string path, CancellationToken cancellationToken)
    {
        var sidecar = System.IO.Path.ChangeExtension(path, ".txt");
        if (!File.Exists(sidecar) || new FileInfo(sidecar).Length > MaxSidecarBytes)
        {
            return null;
        }

        var text = (await File.ReadAllTextAsync(sidecar, cancellationToken)).Trim();
        return text.Length == 0 ? null : text;
    }
}
