using Spectre.Console;
using Spectre.Console.Cli;
using TagMyStock.Cli.Shared;
using TagMyStock.Core.Preparation;
using TagMyStock.Core.Similarity;
using TagMyStock.Imaging.Embedding;
using TagMyStock.Vision;

namespace TagMyStock.Cli.Tag;

/// <summary>
/// <c>tagmystock tag</c>: metadata for every image from what is known offline (its pixels, its text, and with
/// <c>--learn-from</c> similar images the user tagged), validated per agency, written as each agency's CSV and,
/// with <c>--embed</c>, into copies of the files. Images are tagged one per core.
/// </summary>
public sealed class TagCommand(IAnsiConsole console) : AsyncCommand<TagSettings>
{
    public const string EmbeddedFolderName = "embedded";

    public override async Task<int> ExecuteAsync(CommandContext context, TagSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Rename && !settings.Embed)
        {
            throw new UsageException("--rename names the embedded copies, so it needs --embed (your own files are never renamed).");
        }

        var agencies = CommandInputs.Agencies(settings.Agency);
        var rules = await CommandInputs.RulesAsync(settings.Rules, cancellationToken);
        var files = ImageFiles.Find(settings.Paths, exclude: settings.Out);
        var output = new BatchOutput(console, settings.Json);

        // Every file is decoded once: libvips' operation cache would only hold up to 100 MB of decoded images.
        NetVips.Cache.Max = 0;
        using var engine = LocalEngine.Create();
        var notices = new List<string>();
        SimilarImageIndex? library = null;
        if (settings.LearnFrom is not null)
        {
            (library, var skipped) = await TaggedLibrary.LoadAsync(settings.LearnFrom, engine, cancellationToken);
            notices.Add($"Learned from {library.Count} tagged image(s) in {settings.LearnFrom}" + (skipped > 0 ? $"; {skipped} without keywords or unreadable were left out." : "."));
        }

        var pipeline = new TagPipeline(
            engine,
            agencies,
            rules,
            settings.Hint,
            CommandInputs.Categories(settings.Category),
            library);
        // Names are claimed in file order before the images are tagged in parallel, so that --rename numbers
        // clashing names the same way on every run.
        var names = new OutputNames(agencies, settings.Rename);
        var claims = files.ToDictionary(file => file, file => Claim(names, file), StringComparer.Ordinal);
        var embedFolder = Path.Combine(settings.Out, EmbeddedFolderName);
        if (settings.Embed)
        {
            Directory.CreateDirectory(embedFolder);
        }

        var outcomes = await output.RunWithProgressAsync(
            "Tagging",
            files,
            async (file, token) =>
            {
                var (outputName, clash) = claims[file];
                if (outputName is null)
                {
                    return (Tagged: (TaggedImage?)null, Report: FileReport.Failed(file, clash!));
                }

                TaggedImage tagged;
                try
                {
                    tagged = await pipeline.TagAsync(file, outputName, token);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    return (Tagged: (TaggedImage?)null, Report: FileReport.Failed(file, CommandInputs.Describe(exception, file)));
                }

                // The metadata stands even when the copy cannot be written (WebP, a full disk): its CSV rows are kept.
                try
                {
                    return (Tagged: tagged, Report: Report(tagged, settings.Embed ? EmbedCopy(tagged, embedFolder) : null));
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    return (Tagged: tagged, Report: Report(tagged, null) with { Error = $"tagged, but no embedded copy: {CommandInputs.Describe(exception, file)}" });
                }
            },
            cancellationToken,
            parallelism: Environment.ProcessorCount);

        var prepared = outcomes.Select(outcome => outcome.Tagged?.Prepared).OfType<PreparedImage>().ToList();
        var written = PreparedOutput.WriteCsvs(settings.Out, agencies, prepared, withNative: true);
        if (settings.Embed)
        {
            written.Add(embedFolder + Path.DirectorySeparatorChar);
        }

        var nearDuplicates = NearDuplicateGroups(outcomes.Select(outcome => outcome.Tagged));
        var report = new BatchReport("tag", outcomes.Select(outcome => outcome.Report).ToList())
        {
            Outputs = written,
            Notices = [.. notices, .. PreparedOutput.Notices(agencies, prepared), .. nearDuplicates.Select(NearDuplicateNotice)],
            NearDuplicates = nearDuplicates,
        };
        output.Write(report);
        return report.ExitCode;
    }

    /// <summary>The batch's near-identical images by their embeddings, as the web gallery marks them.</summary>
    private static List<IReadOnlyList<string>> NearDuplicateGroups(IEnumerable<TaggedImage?> tagged)
    {
        var embedded = tagged
            .Where(image => image?.Result.Embedding is not null)
            .Select(image => new EmbeddedImage(image!.Path, image.Result.Embedding!))
            .ToList();
        return [.. NearDuplicates.Find(embedded).Select(group => group.ImageIds)];
    }

    private static string NearDuplicateNotice(IReadOnlyList<string> group) =>
        $"Near duplicates (agencies reject series of near-identical images; submit the best one): {string.Join(", ", group.Select(Path.GetFileName))}.";

    private static (string? Name, string? Error) Claim(OutputNames names, string file)
    {
        try
        {
            return (names.Claim(file), null);
        }
        catch (IOException exception)
        {
            return (null, CommandInputs.Describe(exception, file));
        }
    }

    private static (string Destination, EmbedOutcome Outcome) EmbedCopy(TaggedImage image, string folder)
    {
        var destination = Path.Combine(folder, image.Prepared.OutputName);
        return (destination, MetadataEmbedder.EmbedFile(image.Path, destination, image.Prepared.ForEmbedding));
    }

    private static FileReport Report(TaggedImage image, (string Destination, EmbedOutcome Outcome)? copy) =>
        new(image.Path)
        {
            Metadata = MetadataReport.From(image.Prepared.Metadata),
            Evidence = image.Evidence.Select(EvidenceReport.From).ToList(),
            Warnings = [.. image.Result.Warnings, .. copy?.Outcome.Warnings ?? []],
            Agencies = image.Prepared.Reports(),
            Output = copy?.Destination,
        };
}
