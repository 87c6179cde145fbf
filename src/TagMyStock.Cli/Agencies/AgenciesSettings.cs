using System.ComponentModel;
using Spectre.Console.Cli;

namespace TagMyStock.Cli.Agencies;

public sealed class AgenciesSettings : CommandSettings
{
    [CommandOption("--json")]
    [Description("Print the profiles as JSON, every fact with its confidence and source.")]
    public bool Json { get; init; }
}
