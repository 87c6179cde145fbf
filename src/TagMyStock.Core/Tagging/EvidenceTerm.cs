using System.Text.Json;
using TagMyStock.Core.Metadata;

namespace TagMyStock.Core.Tagging;

/// <summary>
/// The terms <see cref="Evidence"/> is kept under besides keywords: the title's (<see cref="Title"/>) and one per flag
/// (<c>flag:people-release-needed</c>).
/// </summary>
public static class EvidenceTerm
{
    /// <summary>The term of the title's evidence, when the title came from outside the text (a similar image).</summary>
    public const string Title = "field:title";

    private const string FlagPrefix = "flag:";

    /// <summary>"flag:people-release-needed" for <see cref="ContentFlags.PeopleReleaseNeeded"/>.</summary>
    public static string Of(ContentFlags flag) => FlagPrefix + JsonNamingPolicy.KebabCaseLower.ConvertName(flag.ToString());

    public static bool IsFlag(string term) => term.StartsWith(FlagPrefix, StringComparison.Ordinal);

    /// <summary>The flag a <c>flag:</c> term names, or <see cref="ContentFlags.None"/> for any other term.</summary>
    public static ContentFlags Flag(string term) =>
        Enum.GetValues<ContentFlags>().FirstOrDefault(flag => flag != ContentFlags.None && string.Equals(Of(flag), term, StringComparison.Ordinal));

    /// <summary>Whether the term is a keyword's: neither the title's nor a flag's.</summary>
    public static bool IsKeyword(string term) => term != Title && !IsFlag(term);
}
