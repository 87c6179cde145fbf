using TagMyStock.Core.Keywords;

namespace TagMyStock.Evaluation;

/// <summary>
/// Judges keywords and titles against one image's hand-written truth. Words are compared as the engine
/// compares keywords (<see cref="KeywordHygiene.Key"/>: case, spacing and plurals do not matter).
/// </summary>
internal sealed class Judgement
{
    /// <summary>Adobe Stock's title limit, the strictest of the agencies TagMyStock writes for.</summary>
    public const int MaxTitleLength = 70;

    /// <summary>Fewer words name no subject ("Flower"); a reviewer wants a phrase.</summary>
    public const int MinTitleWords = 3;

    /// <summary>Words that carry no content in a title; they may repeat and need not be true.</summary>
    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "in", "on", "at", "with", "and", "by", "from", "to", "into", "over", "under",
        "through", "for", "its", "their", "his", "her", "out", "among", "below", "above", "against", "after",
        "before", "seen", "is", "are", "as", "or", "up", "down",
    };

    private readonly HashSet<string> _references;
    private readonly HashSet<string> _true;
    private readonly HashSet<string> _referenceWords;
    private readonly HashSet<string> _trueWords;

    public Judgement(EvaluationImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        _references = Keys(image.Keywords);
        _true = [.. _references, .. Keys(image.AlsoTrue)];
        _referenceWords = [.. _references.SelectMany(key => key.Split(' '))];
        _trueWords = [.. _true.SelectMany(key => key.Split(' '))];
    }

    /// <summary>A keyword is correct when it is true of the image: a reference keyword or another true word.</summary>
    public bool IsTrue(string keyword) => _true.Contains(KeywordHygiene.Key(keyword));

    /// <summary>The share of the reference keywords that <paramref name="keywords"/> holds.</summary>
    public double Recall(IEnumerable<string> keywords) =>
        keywords.Select(KeywordHygiene.Key).Where(_references.Contains).Distinct(StringComparer.Ordinal).Count() / (double)_references.Count;

    /// <summary>
    /// Whether a reviewer would accept the title, by a fixed rule (tests/evaluation/README.md): within
    /// <see cref="MaxTitleLength"/> characters, a phrase of at least <see cref="MinTitleWords"/> words and not a
    /// list (at most one comma), no content word twice, at least one word of a reference keyword (it names the
    /// subject), and every content word true of the image (it says nothing false).
    /// </summary>
    public TitleVerdict ReviewTitle(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        if (title.Trim().Length == 0)
        {
            return TitleVerdict.Rejected("no title");
        }

        if (title.Length > MaxTitleLength)
        {
            return TitleVerdict.Rejected($"{title.Length} characters");
        }

        var words = title.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < MinTitleWords || title.Count(character => character == ',') > 1)
        {
            return TitleVerdict.Rejected(words.Length < MinTitleWords ? "too short to name a subject" : "a list, not a phrase");
        }

        var content = KeywordHygiene.Key(title).Split(' ').Where(word => word.Length > 0 && !FunctionWords.Contains(word)).ToList();
        if (content.GroupBy(word => word, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1) is { } repeated)
        {
            return TitleVerdict.Rejected($"\"{repeated.Key}\" twice");
        }

        if (!content.Any(_referenceWords.Contains))
        {
            return TitleVerdict.Rejected("names no reference subject");
        }

        var untrue = content.Where(word => !_trueWords.Contains(word)).ToList();
        return untrue.Count > 0 ? TitleVerdict.Rejected($"unjudged or untrue: {string.Join(", ", untrue)}") : TitleVerdict.Accepted;
    }

    private static HashSet<string> Keys(IEnumerable<string> keywords) =>
        [.. keywords.Select(KeywordHygiene.Key).Where(key => key.Length > 0)];
}

/// <summary>Whether a title passes <see cref="Judgement.ReviewTitle"/>, and why not.</summary>
internal sealed record TitleVerdict(bool IsAccepted, string Reason)
{
    public static readonly TitleVerdict Accepted = new(true, "");

    public static TitleVerdict Rejected(string reason) => new(false, reason);
}
