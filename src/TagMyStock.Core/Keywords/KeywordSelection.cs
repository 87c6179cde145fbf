namespace TagMyStock.Core.Keywords;

/// <summary>
/// Shortens a keyword list without losing the keywords a user's rules require: every cut made by a fix
/// goes through here, so an agency fix never undoes a rule fix.
/// </summary>
internal static class KeywordSelection
{
    /// <summary>
    /// The first <paramref name="count"/> keywords (the most relevant), order kept, except that protected
    /// keywords are kept first and the others fill the remaining places.
    /// </summary>
    public static IReadOnlyList<string> KeepFirst(IReadOnlyList<string> keywords, int count, IReadOnlySet<string> protectedKeys)
    {
        if (keywords.Count <= count)
        {
            return keywords;
        }

        var protectedPositions = keywords
            .Select((keyword, position) => (keyword, position))
            .Where(item => protectedKeys.Contains(KeywordHygiene.Key(item.keyword)))
            .Select(item => item.position)
            .Take(count)
            .ToHashSet();
        var others = keywords
            .Select((keyword, position) => position)
            .Where(position => !protectedPositions.Contains(position))
            .Take(count - protectedPositions.Count);
        var kept = protectedPositions.Concat(others).ToHashSet();
        return [.. keywords.Where((keyword, position) => kept.Contains(position))];
    }

    /// <summary>The keywords without those matching <paramref name="remove"/>, protected ones excepted.</summary>
    public static IReadOnlyList<string> RemoveWhere(IReadOnlyList<string> keywords, Func<string, bool> remove, IReadOnlySet<string> protectedKeys) =>
        [.. keywords.Where(keyword => !remove(keyword) || protectedKeys.Contains(KeywordHygiene.Key(keyword)))];
}
