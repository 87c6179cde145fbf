using System.Text.Json;
using TagMyStock.Core.Metadata;

namespace TagMyStock.Core.Tagging;

/// <summary>
/// The terms <see cref="Evidence"/> is kept under besides keywords: the title's (<see cref="Title"/>), one per flag
/// (<c>flag:people-release-needed</c>) and one per chosen category (<c>category:adobe:20</c>).
/// </summary>
public static class EvidenceTerm
{
    /// <summary>The term of the title's evidence, when the title came from outside the text (a similar image).</summary>
    public const string Title = "field:title";

    private const string FlagPrefix = "flag:";

    private const string CategoryPrefix = "category:";

    /// <summary>"flag:people-release-needed" for <see cref="ContentFlags.PeopleReleaseNeeded"/>.</summary>
    public static string Of(ContentFlags flag) => FlagPrefix + JsonNamingPolicy.KebabCaseLower.ConvertName(flag.ToString());

    public static bool IsFlag(string term) => term.StartsWith(FlagPrefix, StringComparison.Ordinal);

    /// <summary>The flag a <c>flag:</c> term names, or <see cref="ContentFlags.None"/> for any other term.</summary>
    public static ContentFlags Flag(string term) =>
        Enum.GetValues<ContentFlags>().FirstOrDefault(flag => flag != ContentFlags.None && string.Equals(Of(flag), term, StringComparison.Ordinal));

    /// <summary>"category:adobe:20" for Adobe Stock's category 20; a category of several (Shutterstock's two) has a term each.</summary>
    public static string Of(string agencyId, string categoryCode) => $"{CategoryPrefix}{agencyId}:{categoryCode}";

    /// <summary>The agency and category code a <c>category:</c> term names; false for any other term.</summary>
    public static bool IsCategory(string term, out string agencyId, out string categoryCode)
    {
        (agencyId, categoryCode) = ("", "");
        if (!term.StartsWith(CategoryPrefix, StringComparison.Ordinal) || term.IndexOf(':', CategoryPrefix.Length) is var colon && colon < 0)
        {
            return false;
        }

        (agencyId, categoryCode) = (term[CategoryPrefix.Length..colon], term[(colon + 1)..]);
        return true;
    }

    /// <summary>Whether the term is a keyword's: neither the title's, a flag's nor a category's.</summary>
    public static bool IsKeyword(string term) => term != Title && !IsFlag(term) && !term.StartsWith(CategoryPrefix, StringComparison.Ordinal);
}
