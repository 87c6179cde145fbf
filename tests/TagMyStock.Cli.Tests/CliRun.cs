using System.Text.Json;
using Spectre.Console;

namespace TagMyStock.Cli;

/// <summary>The outcome of one in-process run of the command line.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Errors)
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, Console(output), Console(errors), TestContext.Current.CancellationToken);
        return new CliRun(exitCode, output.ToString(), errors.ToString());
    }

    public JsonElement Json => JsonDocument.Parse(Output).RootElement;

    public JsonElement File(string name) =>
        Json.GetProperty("files").EnumerateArray().Single(file => Path.GetFileName(file.GetProperty("file").GetString()) == name);

    private static IAnsiConsole Console(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 200;
        return console;
    }
}

/// <summary>A scratch folder per test, removed afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tagmystock-cli-" + Guid.NewGuid().ToString("N"));

    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    /// <summary>Copies a file from the shipped samples folder into this folder, optionally renamed.</summary>
    public string CopySample(string sample, string? asName = null)
    {
        var destination = this[asName ?? sample];
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(destination)!);
        File.Copy(System.IO.Path.Combine(AppContext.BaseDirectory, "samples", sample), destination);
        return destination;
    }

    public void Dispose()
    {
        foreach (var file in Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        Directory.Delete(Path, recursive: true);
    }
}
