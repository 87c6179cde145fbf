using System.Collections.Frozen;

namespace TagMyStock.Core.Tagging;

/// <summary>Words that never make a keyword on their own.</summary>
internal static class StopWords
{
    /// <summary>The words of English grammar: articles, pronouns, prepositions, auxiliaries, conjunctions.</summary>
    private static readonly FrozenSet<string> FunctionWords = new[]
    {
        "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could",
        "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has",
        "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if",
        "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my", "myself", "no", "nor",
        "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out",
        "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs",
        "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too",
        "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who",
        "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself", "yourselves", "also",
        "onto", "upon", "via", "within", "without", "across", "along", "around", "behind", "beside",
        "besides", "near", "next", "among", "toward", "towards", "beneath", "inside", "outside", "past", "beyond",
        "throughout", "amid", "amidst", "one's",
        "it's", "there's", "let's",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Words about the file or the picture as a picture, not what it shows: "showing", "photo", and what cameras and
    /// editors put in file names ("IMG", "final", "new version").
    /// </summary>
    private static readonly FrozenSet<string> AboutTheFile = new[]
    {
        "made", "make", "showing", "shows", "show", "featuring", "depicting",
        "depicts", "seen", "image", "images", "photo", "photos", "photograph", "photography", "picture", "pictures",
        "pic", "shot", "stock", "copy", "final", "edit", "edited", "version", "new", "untitled", "file",
        "img", "dsc", "dscn", "dscf", "pxl", "screenshot", "export", "jpg", "jpeg", "png", "webp", "tif", "tiff",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool Contains(string word) => FunctionWords.Contains(word) || AboutTheFile.Contains(word);

    /// <summary>Whether a lowercase word is a word of grammar ("in", "the"), which starts no name; "new" is not ("New York").</summary>
    public static bool IsFunctionWord(string word) => FunctionWords.Contains(word);
}
