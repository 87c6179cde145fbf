using Spectre.Console;
using Spectre.Console.Rendering;

namespace TagMyStock.Cli.Shared;

/// <summary>The whole result of a command: per-file reports, files written and notices.</summary>
public sealed record BatchReport(string Command, IReadOnlyList<FileReport> Files)
{
    /// <summary>Files the command wrote (CSVs, copies), relative to where it was run when possible.</summary>
    public IReadOnlyList<string> Outputs { get; init; } = [];

    /// <summary>Things to tell the user once for the whole batch (unverified CSV layouts, portal-only flags).</summary>
    public IReadOnlyList<string> Notices { get; init; } = [];

    /// <summary>
    /// Groups of files of the batch that look nearly the same (agencies reject such series), each in batch order;
    /// null for commands that do not look at pixels.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>>? NearDuplicates { get; init; }

    public int Succeeded => Files.Count(file => file.Error is null);

    public int Failed => Files.Count(file => file.Error is not null);

    public int Blocked => Files.Count(file => file.Status == "blocked");

    public int ExitCode => Files.Aggregate(ExitCodes.Success, (worst, file) => ExitCodes.Worst(worst, file.ExitCode));
}

/// <summary>Prints a <see cref="BatchReport"/>: tables for people, or one JSON document for machines.</summary>
/// <param name="table">
/// Whether to print a row per file. <c>embed</c> does not: the rows would repeat the user's own CSV, and on
/// a large batch the table costs more than the embedding. Failures and problems are listed either way.
/// </param>
public sealed class BatchOutput(IAnsiConsole console, bool json, bool table = true)
{
    /// <summary>Most agencies shown as a column each in the summary table.</summary>
    private const int MaxAgencyColumns = 4;

    public bool IsJson => json;

    /// <summary>
    /// Runs <paramref name="work"/> for each item, <paramref name="parallelism"/> at a time, with a progress bar
    /// (none in JSON mode or when output is redirected). Results keep the order of the items.
    /// </summary>
    public async Task<TResult[]> RunWithProgressAsync<TItem, TResult>(
        string label,
        IReadOnlyList<TItem> items,
        Func<TItem, CancellationToken, Task<TResult>> work,
        CancellationToken cancellationToken,
        int parallelism = 1)
    {
        var results = new TResult[items.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };
        if (json || !console.Profile.Capabilities.Interactive)
        {
            await Parallel.ForAsync(0, items.Count, options, async (index, token) => results[index] = await work(items[index], token));
            return results;
        }

        await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(label, maxValue: items.Count);
                await Parallel.ForAsync(0, items.Count, options, async (index, token) =>
                {
                    results[index] = await work(items[index], token);
                    task.Increment(1);
                });
            });
        return results;
    }

    public void Write(BatchReport report)
    {
        if (json)
        {
            CliJson.Write(console, report);
            return;
        }

        if (table)
        {
            WriteSummaryTable(report);
        }

        WriteProblems(report);
        foreach (var notice in report.Notices)
        {
            console.MarkupLineInterpolated($"[yellow]Note:[/] {notice}");
        }

        foreach (var output in report.Outputs)
        {
            console.MarkupLineInterpolated($"[green]Wrote[/] {output}");
        }

        console.MarkupLineInterpolated(
            $"[bold]{report.Files.Count}[/] file(s): [green]{report.Succeeded - report.Blocked} ready[/], [yellow]{report.Blocked} with blocking problems[/], [red]{report.Failed} failed[/].");
    }

    private void WriteSummaryTable(BatchReport report)
    {
        if (report.Files.Count == 0)
        {
            return;
        }

        var agencies = report.Files.SelectMany(file => file.Agencies).Select(agency => agency.Agency).Distinct(StringComparer.Ordinal).ToList();
        var showFlags = report.Files.Any(file => file.Metadata?.Flags.Count > 0);
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("File")
            .AddColumn("Title")
            .AddColumn(new TableColumn("Keywords").RightAligned());
        if (showFlags)
        {
            table.AddColumn("Flags");
        }

        // A column per agency reads well for a few; beyond that the table would not fit a terminal, so one
        // column counts them and the problems listed below name the agencies.
        var agencyColumns = agencies.Count <= MaxAgencyColumns;
        if (agencyColumns)
        {
            foreach (var agency in agencies)
            {
                table.AddColumn(new TableColumn(agency).Centered());
            }
        }
        else if (agencies.Count > 0)
        {
            table.AddColumn(new TableColumn($"{agencies.Count} agencies").Centered());
        }

        foreach (var file in report.Files)
        {
            var cells = new List<IRenderable>
            {
                new Text(ShortenMiddle(Path.GetFileName(file.File), 28)),
                file.Error is not null ? new Markup("[red]failed (see below)[/]") : new Text(Shorten(file.Metadata?.Title ?? "", 40)),
                new Text(file.Metadata?.Keywords.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""),
            };
            if (showFlags)
            {
                cells.Add(new Text(string.Join(' ', (file.Metadata?.Flags ?? []).Select(ShortFlag))));
            }

            if (agencyColumns)
            {
                cells.AddRange(agencies.Select(agency => AgencyCell(file.Agencies.FirstOrDefault(candidate => candidate.Agency == agency))));
            }
            else if (agencies.Count > 0)
            {
                cells.Add(AgencyCounts(file.Agencies));
            }

            table.AddRow(cells);
        }

        console.Write(table);
    }

    /// <summary>"[green]6 ✓[/] [yellow]1 ![/] [red]3 ✗[/]": how many agencies take the file as it is, with warnings, or not.</summary>
    private static Markup AgencyCounts(IReadOnlyList<AgencyReport> agencies)
    {
        var blocked = agencies.Count(agency => agency.Blocked);
        var warned = agencies.Count(agency => !agency.Blocked && agency.Problems.Any(problem => problem.Severity == "warning"));
        var ready = agencies.Count - blocked - warned;
        return new Markup($"[green]{ready} ✓[/] [yellow]{warned} ![/] [red]{blocked} ✗[/]");
    }

    private static Markup AgencyCell(AgencyReport? agency) =>
        agency switch
        {
            null => new Markup(""),
            { Blocked: true } => new Markup("[red]✗[/]"),
            _ when agency.Problems.Any(problem => problem.Severity == "warning") => new Markup("[yellow]![/]"),
            _ => new Markup("[green]✓[/]"),
        };

    private void WriteProblems(BatchReport report)
    {
        foreach (var file in report.Files.Where(file => file.Error is not null || file.Warnings.Count > 0 || file.Agencies.Any(agency => agency.Problems.Count > 0)))
        {
            console.MarkupLineInterpolated($"[bold]{Path.GetFileName(file.File)}[/]");
            if (file.Error is not null)
            {
                console.MarkupLineInterpolated($"  [red]failed[/] {file.Error}");
            }

            foreach (var warning in file.Warnings)
            {
                console.MarkupLineInterpolated($"  [yellow]warning[/] {warning}");
            }

            foreach (var agency in file.Agencies)
            {
                foreach (var problem in agency.Problems)
                {
                    var colour = problem.Severity switch { "blocking" => "red", "warning" => "yellow", _ => "grey" };
                    console.MarkupLine($"  [{colour}]{problem.Severity}[/] {Markup.Escape(agency.Name)}: {Markup.Escape(problem.Message)}");
                }
            }
        }
    }

    /// <summary>File names keep their start and their extension: "ladybird-on-gras…-nots.jpg".</summary>
    private static string ShortenMiddle(string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }

        var tail = (length - 1) / 3;
        return string.Concat(text.AsSpan(0, length - 1 - tail), "…", text.AsSpan(text.Length - tail));
    }

    /// <summary>Flags as short words for the table; JSON keeps the full names.</summary>
    private static string ShortFlag(string flag) =>
        flag switch
        {
            "ai-generated" => "AI",
            "illustration" => "illus.",
            "people-release" => "people",
            "property-release" => "property",
            _ => flag,
        };

    private static string Shorten(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");
}
