using System.ComponentModel;
using Spectre.Console.Cli;
using TagMyStock.Cli.Shared;

namespace TagMyStock.Cli.Export;

public sealed class ExportSettings : BatchSettings
{
    [CommandArgument(0, "<csv>")]
    [Description("A CSV in TagMyStock's format (e.g. the tagmystock.csv that tag wrote, after your edits) or any agency's format.")]
    public string Csv { get; init; } = "";

    [CommandOption("-a|--agency <IDS>")]
    [Description("Agencies to write a CSV for, comma-separated, or 'all' (default).")]
    public string Agency { get; init; } = "all";

    [CommandOption("-o|--out <DIR>")]
    [Description("Folder for the agency CSVs. Default: out")]
    public string Out { get; init; } = "out";
}
