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

    /// <summary>
    /// Every word of grammar: the kinds above, pronouns, auxiliaries, adverbs of degree and time, the other prepositions and
    /// conjunctions. None is a keyword, nor starts a name ("new" is no word of grammar: "New York").
    /// </summary>
    public static readonly FrozenSet<string> All = FrozenSet.Create(
        StringComparer.Ordinal,
        [
            .. Determiners, .. Connectives,
            "about", "after", "again", "all", "am", "any", "are", "as", "be", "because", "been", "before", "being", "both",
            "can", "could", "did", "do", "does", "doing", "down", "each", "few", "further", "had", "has", "have", "having",
            "he", "here", "hers", "herself", "him", "himself", "how", "i", "if", "is", "it", "itself", "just", "me", "more",
            "most", "myself", "no", "nor", "not", "now", "off", "once", "only", "other", "ours", "ourselves", "out", "own",
            "same", "she", "should", "so", "such", "than", "theirs", "them", "themselves", "then", "there", "they", "too",
            "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why",
            "will", "would", "you", "yours", "yourself", "yourselves", "also", "upon", "via", "within", "without",
            "besides", "next", "toward", "towards", "past", "beyond", "throughout", "amid", "amidst", "one's", "it's",
            "there's", "let's",
        ]);
}
