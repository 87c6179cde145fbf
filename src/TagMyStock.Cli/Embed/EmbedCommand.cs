using Spectre.Console;
using Spectre.Console.Cli;
using TagMyStock.Cli.Shared;
using TagMyStock.Core.Csv;
using TagMyStock.Core.Metadata;
using TagMyStock.Imaging.Embedding;
using TagMyStock.Imaging.Reading;

namespace TagMyStock.Cli.Embed;

/// <summary>
/// <c>tagmystock embed</c>: writes the metadata of each CSV row into the file it names, losslessly
/// (IPTC + XMP; the image data is not touched), in place or as copies.
/// </summary>
public sealed class EmbedCommand(IAnsiConsole console) : AsyncCommand<EmbedSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, EmbedSettings settings, CancellationToken cancellationToken)
    {
        var csv = CsvInput.Read(settings.Csv);
        if (!Directory.Exists(settings.Folder))
        {
            throw new UsageException($"The folder '{settings.Folder}' does not exist.");
        }

        if (settings.Out is not null)
        {
            Directory.CreateDirectory(settings.Out);
        }

        var filesByName = Directory.EnumerateFiles(settings.Folder)
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key!, group => group.ToList(), StringComparer.OrdinalIgnoreCase);
        // A CSV without an AI column says nothing about AI, so it must not remove an AI declaration the file has.
        var options = new EmbedOptions { KeepExistingDigitalSourceType = !csv.Csv.Fields.Contains(CsvField.AiGenerated) };
        var output = new BatchOutput(console, settings.Json, table: false);
        var reports = await output.RunWithProgressAsync(
            "Embedding",
            csv.Rows,
            (row, _) => Task.FromResult(EmbedRow(row, filesByName, settings.Out, options)),
            cancellationToken,
            parallelism: Environment.ProcessorCount);

        var report = new BatchReport("embed", [.. csv.ErrorReports, .. reports]) { Notices = [csv.Notice] };
        output.Write(report);
        return report.ExitCode;
    }

    private static FileReport EmbedRow(CsvRow row, Dictionary<string, List<string>> filesByName, string? outFolder, EmbedOptions options)
    {
        try
        {
            var source = FindFile(row.FileName, filesByName);
            var destination = outFolder is null ? source : Path.Combine(outFolder, Path.GetFileName(source));
            var metadata = MergeWithFile(row.Metadata, source);
            var outcome = MetadataEmbedder.EmbedFile(source, destination, metadata, options);
            var written = metadata with
            {
                DigitalSourceType = outcome.DigitalSourceType,
                Flags = metadata.Flags | (DigitalSourceType.IsGenerativeAi(outcome.DigitalSourceType) ? ContentFlags.AiGenerated : ContentFlags.None),
            };
            return new FileReport(source) { Metadata = MetadataReport.From(written), Output = destination, Warnings = outcome.Warnings };
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return FileReport.Failed(row.FileName, CommandInputs.Describe(exception, row.FileName));
        }
    }

    private static string FindFile(string fileName, Dictionary<string, List<string>> filesByName)
    {
        var name = Path.GetFileName(fileName);
        if (!filesByName.TryGetValue(name, out var matches))
        {
            throw new FileNotFoundException($"{name} is named in the CSV but is not in the folder.");
        }

        // An exact match wins; a case-only difference is accepted when it is the only candidate.
        return matches.FirstOrDefault(match => string.Equals(Path.GetFileName(match), name, StringComparison.Ordinal))
            ?? (matches.Count == 1 ? matches[0] : throw new IOException($"{name} matches several files that differ only in case: {string.Join(", ", matches.Select(Path.GetFileName))}."));
    }

    /// <summary>
    /// A CSV cell left empty keeps what the file already says (agency CSVs lack some fields: Shutterstock's
    /// has no title). The file is read only then: the AI declaration is kept by the embedder, which parses the
    /// file's XMP anyway.
    /// </summary>
    private static ImageMetadata MergeWithFile(ImageMetadata row, string source)
    {
        if (row.Title.Length > 0 && row.Description.Length > 0 && row.Keywords.Count > 0)
        {
            return row;
        }

        var existing = EmbeddedMetadataReader.Read(source).Metadata;
        return row with
        {
            Title = row.Title.Length > 0 ? row.Title : existing.Title,
            Description = row.Description.Length > 0 ? row.Description : existing.Description,
            Keywords = row.Keywords.Count > 0 ? row.Keywords : existing.Keywords,
        };
    }
}
