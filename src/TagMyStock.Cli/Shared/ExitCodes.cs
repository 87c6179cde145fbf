namespace TagMyStock.Cli.Shared;

/// <summary>What the process exit code tells a script. The worst outcome of a batch wins.</summary>
public static class ExitCodes
{
    /// <summary>Every file processed, no blocking problem.</summary>
    public const int Success = 0;

    /// <summary>Every file processed, and at least one has a problem an agency would refuse.</summary>
    public const int BlockingProblems = 1;

    /// <summary>At least one file could not be read or written (the others were processed).</summary>
    public const int FilesFailed = 2;

    /// <summary>The command line itself is wrong (unknown option, unknown agency, missing file).</summary>
    public const int UsageError = 64;

    /// <summary>A fault in TagMyStock itself, not in the input: please report it.</summary>
    public const int InternalError = 70;

    /// <summary>Stopped by Ctrl+C.</summary>
    public const int Cancelled = 130;

    public static int Worst(int first, int second) =>
        (first, second) switch
        {
            (FilesFailed, _) or (_, FilesFailed) => FilesFailed,
            (BlockingProblems, _) or (_, BlockingProblems) => BlockingProblems,
            _ => Success,
        };
}
