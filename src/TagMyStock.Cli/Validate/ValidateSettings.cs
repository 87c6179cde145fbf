using System.ComponentModel;
using Spectre.Console.Cli;
using TagMyStock.Cli.Shared;

namespace TagMyStock.Cli.Validate;

public sealed class ValidateSettings : BatchSettings
{
    [CommandArgument(0, "<paths>")]
    [Description("CSV files (TagMyStock's or an agency's) and/or images or folders whose embedded metadata to check.")]
    public string[] Paths { get; init; } = [];

    [CommandOption("-a|--agency <IDS>")]
    [Description("Agencies to check against, comma-separated, or 'all'. Default: the agency whose CSV it is, else all.")]
    public string? Agency { get; init; }
}
