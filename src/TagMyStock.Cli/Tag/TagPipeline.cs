using TagMyStock.Cli.Shared;
using TagMyStock.Core.Agencies;
using TagMyStock.Core.Preparation;
using TagMyStock.Core.Rules;
using TagMyStock.Core.Similarity;
using TagMyStock.Core.Tagging;
using TagMyStock.Imaging.Reading;

namespace TagMyStock.Cli.Tag;

/// <summary>One image after tagging: what the engine said, and its metadata made ready for each agency.</summary>
/// <param name="Evidence">Why each keyword, flag and title of <see cref="PreparedImage.Metadata"/> is there (<see cref="KeptEvidence"/>).</param>
public sealed record TaggedImage(string Path, TaggingResult Result, PreparedImage Prepared, IReadOnlyList<Evidence> Evidence);

/// <summary>Reads what a file already says, runs the engine, then the user's rules and each agency's fixes.</summary>
/// <param name="library">The images of <c>--learn-from</c>, by full path, or null.</param>
public sealed class TagPipeline(
    ITaggingEngine engine,
    IReadOnlyList<AgencyProfile> agencies,
    UserRules? rules,
    string? hint,
    IReadOnlyDictionary<string, string> categories,
    SimilarImageIndex? library = null)
{
    /// <summary>A sidecar prompt larger than this is not a prompt.</summary>
    private const int MaxSidecarBytes = 64 * 1024;

    /// <param name="outputName">The name the image goes to the agencies under (see <see cref="OutputNames"/>).</param>
    public async Task<TaggedImage> TagAsync(string path, string outputName, CancellationToken cancellationToken)
    {
        var embedded = EmbeddedMetadataReader.Read(path);
        var prompt = await ReadSidecarPromptAsync(path, cancellationToken) ?? embedded.GenerationPrompt;
        var input = new TaggingInput(System.IO.Path.GetFileName(path), hint, prompt, embedded.Metadata)
        {
            GeneratorName = embedded.GeneratorName,
            ImagePath = path,
            Library = library,
            // A file that is itself in the library must not teach itself.
            LibraryId = System.IO.Path.GetFullPath(path),
            Agencies = agencies,
        };
        var result = await engine.TagAsync(input, cancellationToken);
        var categorised = categories.Aggregate(result.Metadata, (current, category) => current.WithCategory(category.Key, category.Value));
        var prepared = AgencyPreparation.Prepare(outputName, categorised, agencies, rules) with { Prompt = prompt, Model = embedded.GeneratorName };
        return new TaggedImage(path, result, prepared, KeptEvidence.For(prepared.Metadata, result.Evidence, result.Metadata.Title, rules));
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
