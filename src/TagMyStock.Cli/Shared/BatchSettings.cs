using System.ComponentModel;
using Spectre.Console.Cli;

namespace TagMyStock.Cli.Shared;

/// <summary>Options every batch command takes.</summary>
public abstract class BatchSettings : CommandSettings
{
    [CommandOption("--rules <FILE>")]
    [Description("Your own rules as JSON, applied on top of each agency's (required/banned words, keyword count, title style). See README.")]
    public string? Rules { get; init; }

    [CommandOption("--json")]
    [Description("Print one JSON document instead of tables (for scripts).")]
    public bool Json { get; init; }
}
