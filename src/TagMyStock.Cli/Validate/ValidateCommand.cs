using Spectre.Console;
using Spectre.Console.Cli;
using TagMyStock.Cli.Shared;
using TagMyStock.Core.Agencies;
using TagMyStock.Core.Csv;
using TagMyStock.Core.Metadata;
using TagMyStock.Core.Rules;
using TagMyStock.Core.Validation;
using TagMyStock.Imaging.Reading;

namespace TagMyStock.Cli.Validate;

/// <summary><c>tagmystock validate</c>: every problem per file, for CSV rows and for metadata embedded in images.</summary>
public sealed class ValidateCommand(IAnsiConsole console) : AsyncCommand<ValidateSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ValidateSettings settings, CancellationToken cancellationToken)
    {
        var chosen = settings.Agency is null ? null : CommandInputs.Agencies(settings.Agency);
        var rules = await CommandInputs.RulesAsync(settings.Rules, cancellationToken);
        var csvPaths = settings.Paths.Where(IsCsv).ToList();
        var images = ImageFiles.Find(settings.Paths.Where(path => !IsCsv(path)));
        var reports = new List<FileReport>();
        var notices = new List<string>();

        foreach (var csvPath in csvPaths)
        {
            if (!File.Exists(csvPath))
            {
                throw new UsageException($"The CSV file '{csvPath}' does not exist.");
            }

            using var reader = new StreamReader(csvPath, detectEncodingFromByteOrderMarks: true);
            var csv = MetadataCsvReader.Read(reader);
            var agencies = chosen ?? (csv.AgencyId is { } id && AgencyCatalog.Find(id) is { } own ? [own] : AgencyCatalog.All);
            notices.Add($"{csvPath}: read as {csv.FormatName}, {csv.Rows.Count} row(s).");
            reports.AddRange(csv.Errors.Select(error => FileReport.Failed($"{csvPath}:{error.Line}", error.Message)));
            reports.AddRange(csv.Rows.Select(row => Check(row.FileName, row.Metadata, agencies, rules)));
        }

        var output = new BatchOutput(console, settings.Json);
        reports.AddRange(await output.RunWithProgressAsync(
            "Validating",
            images,
            (image, _) => Task.FromResult(CheckImage(image, chosen ?? AgencyCatalog.All, rules)),
            cancellationToken));

        var report = new BatchReport("validate", reports) { Notices = notices };
        output.Write(report);
        return report.ExitCode;
    }

    private static bool IsCsv(string path) => path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    private static FileReport CheckImage(string path, IReadOnlyList<AgencyProfile> agencies, UserRules? rules)
    {
        try
        {
            return Check(path, EmbeddedMetadataReader.Read(path).Metadata, agencies, rules);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return FileReport.Failed(path, CommandInputs.Describe(exception, path));
        }
    }

    private static FileReport Check(string file, ImageMetadata metadata, IReadOnlyList<AgencyProfile> agencies, UserRules? rules) =>
        new(file)
        {
            Metadata = MetadataReport.From(metadata),
            Agencies = agencies
                .Select(agency => AgencyReport.From(agency, MetadataValidator.Validate(metadata, agency, rules, Path.GetFileName(file))))
                .ToList(),
        };
}
