using TagMyStock.Core.Agencies;
using TagMyStock.Core.Rules;

namespace TagMyStock.Cli.Shared;

/// <summary>Turns command-line values into the core's types, with usage errors a person can act on.</summary>
public static class CommandInputs
{
    public static IReadOnlyList<AgencyProfile> Agencies(string list)
    {
        try
        {
            return AgencyCatalog.ParseList(list);
        }
        catch (ArgumentException exception)
        {
            throw new UsageException(exception.Message);
        }
    }

    public static async Task<UserRules?> RulesAsync(string? path, CancellationToken cancellationToken)
    {
        if (path is null)
        {
            return null;
        }

        if (!File.Exists(path))
        {
            throw new UsageException($"The rules file '{path}' does not exist.");
        }

        try
        {
            return UserRules.FromJson(await File.ReadAllTextAsync(path, cancellationToken));
        }
        catch (UserRulesException exception)
        {
            throw new UsageException($"The rules file '{path}' is not valid: {exception.Message}");
        }
    }

    /// <summary>The reason a file failed, in words: the exception's own message for the errors we raise on purpose.</summary>
    public static string Describe(Exception exception, string file) =>
        exception switch
        {
            UnauthorizedAccessException => $"{Path.GetFileName(file)} cannot be read or written here (permission denied).",
            FileNotFoundException => $"{Path.GetFileName(file)} does not exist.",
            _ => exception.Message,
        };
}
