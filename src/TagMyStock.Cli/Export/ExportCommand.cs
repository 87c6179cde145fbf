using Spectre.Console;
using Spectre.Console.Cli;
using TagMyStock.Cli.Shared;
using TagMyStock.Core.Preparation;

namespace TagMyStock.Cli.Export;

/// <summary>
/// <c>tagmystock export</c>: turns one CSV (usually TagMyStock's own, after the user edited it) into each
/// agency's CSV, with the same rules, fixes and checks as <c>tag</c>. No image is read or written.
/// </summary>
public sealed class ExportCommand(IAnsiConsole console) : AsyncCommand<ExportSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ExportSettings settings, CancellationToken cancellationToken)
    {
        var agencies = CommandInputs.Agencies(settings.Agency);
        var rules = await CommandInputs.RulesAsync(settings.Rules, cancellationToken);
        var csv = CsvInput.Read(settings.Csv);
        var names = new OutputNames(agencies, rename: false);

        var reports = new List<FileReport>(csv.ErrorReports);
        var prepared = new List<PreparedImage>();
        foreach (var row in csv.Rows)
        {
            try
            {
                var image = AgencyPreparation.Prepare(names.Claim(row.FileName), row.Metadata, agencies, rules) with { Prompt = row.Prompt, Model = row.Model };
                prepared.Add(image);
                reports.Add(new FileReport(row.FileName) { Metadata = MetadataReport.From(image.Metadata), Agencies = image.Reports() });
            }
            catch (IOException exception)
            {
                reports.Add(FileReport.Failed(row.FileName, exception.Message));
            }
        }

        var report = new BatchReport("export", reports)
        {
            Outputs = PreparedOutput.WriteCsvs(settings.Out, agencies, prepared, withNative: false),
            Notices = [csv.Notice, .. PreparedOutput.Notices(agencies, prepared)],
        };
        new BatchOutput(console, settings.Json).Write(report);
        return report.ExitCode;
    }
}
