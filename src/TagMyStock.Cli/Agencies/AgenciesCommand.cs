using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using TagMyStock.Cli.Shared;
using TagMyStock.Core.Agencies;

namespace TagMyStock.Cli.Agencies;

/// <summary>
/// <c>tagmystock agencies</c>: what TagMyStock knows of each agency's rules and how sure it is, so a
/// contributor can judge a warning before trusting or ignoring it.
/// </summary>
public sealed class AgenciesCommand(IAnsiConsole console) : Command<AgenciesSettings>
{
    public override int Execute(CommandContext context, AgenciesSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Json)
        {
            CliJson.Write(console, AgencyCatalog.All);
            return 0;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Id").AddColumn("Agency").AddColumn("CSV").AddColumn("AI images")
            .AddColumn(new TableColumn("Title ≤").RightAligned()).AddColumn(new TableColumn("Keywords").RightAligned());
        foreach (var agency in AgencyCatalog.All)
        {
            table.AddRow(
                agency.Id,
                agency.Name,
                agency.Csv is null ? "none" : Describe(agency.Csv.Confidence),
                $"{Describe(agency.Ai.Value)}, {Describe(agency.Ai.Confidence)}",
                Limit(agency.TitleMaxLength),
                agency.KeywordMin.Value is null && agency.KeywordMax.Value is null ? "?" : $"{Limit(agency.KeywordMin)}–{Limit(agency.KeywordMax)}");
        }

        console.Write(table);
        console.MarkupLine("[grey]verified: the agency's own page or sample · peer: other tools' code · unverified: third parties only · *: limit not confirmed (a warning, not a block) · ?: not found · agencies --json: every fact with its source[/]");
        return 0;
    }

    private static string Limit(Sourced<int?> limit) =>
        limit.Value is { } value
            ? value.ToString(CultureInfo.InvariantCulture) + (limit.Confidence == Confidence.Unverified ? "*" : "")
            : "?";

    private static string Describe(Confidence confidence) => confidence.ToString().ToLowerInvariant();

    private static string Describe(AiPolicy policy) =>
        policy switch
        {
            AiPolicy.Accepted => "accepted",
            AiPolicy.AcceptedWithConditions => "with conditions",
            AiPolicy.Banned => "refused",
            _ => "unknown",
        };
}
