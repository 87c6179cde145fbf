using System.ComponentModel;
using Spectre.Console.Cli;

namespace TagMyStock.Cli.Embed;

public sealed class EmbedSettings : CommandSettings
{
    [CommandArgument(0, "<csv>")]
    [Description("A CSV in TagMyStock's format or any agency's format, one row per file.")]
    public string Csv { get; init; } = "";

    [CommandArgument(1, "<folder>")]
    [Description("The folder holding the files the CSV names.")]
    public string Folder { get; init; } = "";

    [CommandOption("-o|--out <DIR>")]
    [Description("Write copies into this folder instead of updating the files in place.")]
    public string? Out { get; init; }

    [CommandOption("--json")]
    [Description("Print one JSON document instead of tables (for scripts).")]
    public bool Json { get; init; }
}
