using Spectre.Console;
using Spectre.Console.Cli;
using TagMyStock.Cli.Shared;
using TagMyStock.Core.Preparation;
using TagMyStock.Core.Tagging;
using TagMyStock.Imaging.Embedding;

namespace TagMyStock.Cli.Tag;

/// <summary>
/// <c>tagmystock tag</c>: metadata for every image from what is known offline, validated per agency,
/// written as each agency's CSV and, with <c>--embed</c>, into copies of the files.
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

        var pipeline = new TagPipeline(
            new LocalTextEngine(),
            agencies,
            rules,
            settings.Hint,
            CommandInputs.Categories(settings.Category),
            new OutputNames(agencies, settings.Rename));
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
                TaggedImage tagged;
                try
                {
                    tagged = await pipeline.TagAsync(file, token);
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
            cancellationToken);

        var prepared = outcomes.Select(outcome => outcome.Tagged?.Prepared).OfType<PreparedImage>().ToList();
        var written = PreparedOutput.WriteCsvs(settings.Out, agencies, prepared, withNative: true);
        if (settings.Embed)
        {
            written.Add(embedFolder + Path.DirectorySeparatorChar);
        }

        var report = new BatchReport("tag", outcomes.Select(outcome => outcome.Report).ToList())
        {
            Outputs = written,
            Notices = PreparedOutput.Notices(agencies, prepared),
        };
        output.Write(report);
        return report.ExitCode;
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
            Evidence = image.Result.Evidence.Select(EvidenceReport.From).ToList(),
            Warnings = [.. image.Result.Warnings, .. copy?.Outcome.Warnings ?? []],
            Agencies = image.Prepared.Reports(),
            Output = copy?.Destination,
        };
}
