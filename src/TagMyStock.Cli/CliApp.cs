using System.Diagnostics.CodeAnalysis;
using Spectre.Console;
using Spectre.Console.Cli;
using TagMyStock.Cli.Agencies;
using TagMyStock.Cli.Embed;
using TagMyStock.Cli.Export;
using TagMyStock.Cli.Shared;
using TagMyStock.Cli.Tag;
using TagMyStock.Cli.Validate;

namespace TagMyStock.Cli;

/// <summary>The <c>tagmystock</c> command line: its commands, their help and examples, and its exit codes.</summary>
public static class CliApp
{
    /// <param name="console">Where results go (tables, or JSON with <c>--json</c>).</param>
    /// <param name="errors">Where errors go, so a script reading JSON from standard output never gets prose.</param>
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "The native build keeps the command and settings types whole (see the csproj); its output is compared with the JIT build's.")]
    public static Task<int> RunAsync(string[] args, IAnsiConsole console, IAnsiConsole errors, CancellationToken cancellationToken)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("tagmystock");
            config.UseAssemblyInformationalVersion();
            config.UseStrictParsing();
            config.ConfigureConsole(console);
            config.CancellationExitCode(ExitCodes.Cancelled);
            config.SetExceptionHandler((exception, _) => HandleError(errors, exception));

            config.AddCommand<TagCommand>("tag")
                .WithDescription("Write titles, descriptions and keywords for images from what is known offline, validate them per agency, and write each agency's CSV.")
                .WithExample("tag", "samples/", "--out", "out/")
                // Spectre prints an example's arguments as given: the quotes make it one a shell can run.
                .WithExample("tag", "shoot/", "--agency", "adobe,shutterstock", "--hint", "\"cat resting on a blanket\"", "--embed")
                .WithExample("tag", "ai-art/", "--agency", "adobe,freepik", "--rules", "my-rules.json", "--json");
            config.AddCommand<ValidateCommand>("validate")
                .WithDescription("Report every problem per file: CSV rows (ours or an agency's) or metadata embedded in images.")
                .WithExample("validate", "out/adobe-stock.csv")
                .WithExample("validate", "shoot/", "--agency", "shutterstock");
            config.AddCommand<EmbedCommand>("embed")
                .WithDescription("Embed metadata from a CSV into the matching files (IPTC + XMP, image data untouched).")
                .WithExample("embed", "out/tagmystock.csv", "samples/", "--out", "ready/")
                .WithExample("embed", "shutterstock.csv", "shoot/");
            config.AddCommand<ExportCommand>("export")
                .WithDescription("Write each agency's CSV from one CSV (TagMyStock's own after your edits, or an agency's), with the same fixes and checks as tag.")
                .WithExample("export", "out/tagmystock.csv", "--agency", "adobe,shutterstock", "--out", "out/")
                .WithExample("export", "adobe-stock.csv", "--agency", "pond5");
            config.AddCommand<AgenciesCommand>("agencies")
                .WithDescription("List the agencies TagMyStock knows, with their limits, CSV and AI rules, and how sure each fact is.")
                .WithExample("agencies")
                .WithExample("agencies", "--json");
        });
        return app.RunAsync(args, cancellationToken);
    }

    private static int HandleError(IAnsiConsole console, Exception exception)
    {
        switch (exception)
        {
            case UsageException or CommandAppException:
                console.MarkupLineInterpolated($"[red]Error:[/] {exception.Message}");
                return ExitCodes.UsageError;
            case OperationCanceledException:
                console.MarkupLine("[yellow]Cancelled.[/]");
                return ExitCodes.Cancelled;
            default:
                console.MarkupLineInterpolated($"[red]Unexpected error:[/] {exception.Message}");
                return ExitCodes.InternalError;
        }
    }
}
