using System.Collections.Frozen;

namespace TagMyStock.Core.Keywords;

/// <summary>
/// The English words that name nothing but hold a title or keyword together, lowercase: the one list the text tools
/// draw from, each taking the kinds it needs (what a cut must not end on, what does not count as a repeated word,
/// where a phrase begins).
/// </summary>
internal static class FunctionWords
{
    public static readonly FrozenSet<string> Articles = FrozenSet.Create(StringComparer.Ordinal, "a", "an", "the");

    /// <summary>The articles, and the other words that stand before a noun to say which one ("this", "her", "some").</summary>
    public static readonly FrozenSet<string> Determiners = FrozenSet.Create(
        StringComparer.Ordinal,
        [.. Articles, "this", "that", "these", "those", "my", "your", "his", "her", "its", "our", "their", "some"]);

    public static readonly FrozenSet<string> Conjunctions = FrozenSet.Create(StringComparer.Ordinal, "and", "or", "but");

    public static readonly FrozenSet<string> Prepositions = FrozenSet.Create(
        StringComparer.Ordinal,
        "of", "at", "on", "in", "with", "for", "to", "by", "from", "into", "onto", "under", "over", "near", "beside",
        "behind", "above", "below", "against", "among", "across", "along", "around", "inside", "outside", "beneath",
        "between", "through", "during");

    /// <summary>Prepositions and conjunctions: the words that lead into a phrase, and show where the one before ended.</summary>
    public static readonly FrozenSet<string> Connectives = FrozenSet.Create(StringComparer.Ordinal, [.. Conjunctions, .. Prepositions]);

    /// <summary>Articles, conjunctions and prepositions: a text cut after one reads as unfinished ("Family walking on the").</summary>
    public static readonly FrozenSet<string> Joining = FrozenSet.Create(StringComparer.Ordinal, [.. Articles, .. Connectives]);
}
