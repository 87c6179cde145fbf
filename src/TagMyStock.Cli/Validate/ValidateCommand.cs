using Spectre.Console;
using Spectre.Console.Cli;
using TagMyStock.Cli.Shared;
using TagMyStock.Core.Agencies;
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

        foreach (var csv in csvPaths.Select(CsvInput.Read))
        {
            var agencies = chosen ?? (csv.Csv.AgencyId is { } id && AgencyCatalog.Find(id) is { } own ? [own] : AgencyCatalog.All);
            notices.Add(csv.Notice);
            reports.AddRange(csv.ErrorReports);
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
            var embedded = EmbeddedMetadataReader.Read(path);
            var size = embedded is { Width: > 0 and var width, Height: > 0 and var height } ? (width, height) : ((int, int)?)null;
            return Check(path, embedded.Metadata, agencies, rules, size);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return FileReport.Failed(path, CommandInputs.Describe(exception, path));
        }
    }

    /// <param name="imageSize">The image's pixel size when the file was read (not for CSV rows), checked against agencies' minimums.</param>
    private static FileReport Check(string file, ImageMetadata metadata, IReadOnlyList<AgencyProfile> agencies, UserRules? rules, (int Width, int Height)? imageSize = null) =>
        new(file)
        {
            Metadata = MetadataReport.From(metadata),
            Agencies = agencies
                .Select(agency => AgencyReport.From(agency, MetadataValidator.Validate(metadata, agency, rules, Path.GetFileName(file), imageSize)))
                .ToList(),
        };
}
