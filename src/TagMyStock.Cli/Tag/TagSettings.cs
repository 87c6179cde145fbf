using System.ComponentModel;
using Spectre.Console.Cli;
using TagMyStock.Cli.Shared;

namespace TagMyStock.Cli.Tag;

public sealed class TagSettings : BatchSettings
{
    [CommandArgument(0, "<paths>")]
    [Description("Image files or folders (searched recursively for .jpg, .jpeg, .png, .webp).")]
    public string[] Paths { get; init; } = [];

    [CommandOption("-a|--agency <IDS>")]
    [Description("Agencies to prepare for, comma-separated, or 'all' (default): adobe, shutterstock, getty, pond5, dreamstime, 123rf, alamy, freepik, vecteezy, depositphotos.")]
    public string Agency { get; init; } = "all";

    [CommandOption("--hint <TEXT>")]
    [Description("What the images show, in your words (e.g. \"cat resting on a blanket\"): the strongest source of keywords.")]
    public string? Hint { get; init; }

    [CommandOption("--learn-from <DIR>")]
    [Description("A folder of images you already tagged (keywords embedded in the files): images that look like them get their keywords suggested. Only that folder's own metadata is read.")]
    public string? LearnFrom { get; init; }

    [CommandOption("-c|--category <AGENCY=CATEGORY>")]
    [Description("A category for all the images, per agency, by code or name; repeat for each agency (e.g. -c adobe=Landscapes -c shutterstock=Nature,Parks/Outdoor). 'tagmystock agencies --json' lists each agency's categories.")]
    public string[] Category { get; init; } = [];

    [CommandOption("-o|--out <DIR>")]
    [Description("Folder for the CSVs (and the embedded copies with --embed). Default: out")]
    public string Out { get; init; } = "out";

    [CommandOption("--embed")]
    [Description("Also write copies of the images with the metadata embedded (IPTC + XMP) into <out>/embedded.")]
    public bool Embed { get; init; }

    [CommandOption("--rename")]
    [Description("With --embed: name the copies so every chosen agency accepts them (e.g. EspressoCupOnTable.jpg: letters and digits, within the shortest length limit). The CSVs use the new names; your files keep theirs.")]
    public bool Rename { get; init; }
}
