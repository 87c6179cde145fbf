using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using TagMyStock.Core.Keywords;
using TagMyStock.Core.Metadata;

namespace TagMyStock.Core.Rules;

/// <summary>
/// The contributor's own rules, applied on top of every agency's to whatever an engine wrote.
/// Stored as JSON with camelCase names, for example:
/// <code>
/// {"requiredKeywords":["my studio"],"bannedWords":["cheap"],"singleWordKeywordsOnly":false,
///  "minKeywords":25,"maxKeywords":45,"titleMaxLength":60,"titleStyle":"sentenceCase"}
/// </code>
/// Every property is optional. <see cref="FromJson"/> refuses unknown properties and contradictions
/// (min above max, a required keyword that is banned) with a message naming the property.
/// </summary>
/// <remarks>
/// <see cref="Apply"/> enforces what can be enforced without inventing content, in this order: banned
/// keywords removed, keywords split into single words, lowercased, required keywords added, duplicates
/// removed, the list cut to the maximum; banned words taken out of title and description, the title
/// restyled and cut, the description cut. It never pads keywords or a title to reach a minimum:
/// validation reports those instead.
/// </remarks>
public sealed record UserRules
{
    /// <summary>Keywords every image must carry (e.g. the studio's name); matched ignoring case and plurals.</summary>
    public IReadOnlyList<string> RequiredKeywords { get; init; } = [];

    /// <summary>
    /// Where missing required keywords go (0 = first). Null appends them at the end: the first ten keywords
    /// weigh most with agencies, and a studio name rarely describes the image. Cutting to a maximum never
    /// drops a required keyword.
    /// </summary>
    public int? RequiredKeywordsPosition { get; init; }

    /// <summary>
    /// Words or phrases never to use, matched as whole words ignoring case and plurals. A keyword holding one
    /// is removed whole ("cheap flights" goes, rather than leaving "flights"); in title and description the
    /// word alone is taken out.
    /// </summary>
    public IReadOnlyList<string> BannedWords { get; init; } = [];

    /// <summary>Split "red fox" into "red" and "fox" (some contributors' workflows want single words).</summary>
    public bool SingleWordKeywordsOnly { get; init; }

    /// <summary>An exact keyword count; shorthand for the same <see cref="MinKeywords"/> and <see cref="MaxKeywords"/>.</summary>
    public int? KeywordCount { get; init; }

    public int? MinKeywords { get; init; }

    public int? MaxKeywords { get; init; }

    public int? TitleMinLength { get; init; }

    public int? TitleMaxLength { get; init; }

    public TitleStyle TitleStyle { get; init; }

    public int? DescriptionMaxLength { get; init; }

    /// <summary>Lowercase every keyword (acronyms such as "USA" kept), whatever the agency wants.</summary>
    public bool LowercaseKeywords { get; init; }

    public static UserRules None { get; } = new();

    private static readonly ConditionalWeakTable<IReadOnlyList<string>, PhraseList> BannedLists = [];

    [JsonIgnore]
    public int? EffectiveMinKeywords => KeywordCount ?? MinKeywords;

    [JsonIgnore]
    public int? EffectiveMaxKeywords => KeywordCount ?? MaxKeywords;

    /// <summary>Comparison keys (<see cref="KeywordHygiene.Key"/>) of the required keywords.</summary>
    [JsonIgnore]
    public IReadOnlySet<string> RequiredKeys => RequiredKeywords.Select(KeywordHygiene.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>Reads rules from JSON, or throws <see cref="UserRulesException"/> saying what is wrong.</summary>
    public static UserRules FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var rules = UserRulesJson.Read(json);
        rules.ThrowIfInconsistent();
        return rules;
    }

    /// <summary>
    /// Throws <see cref="UserRulesException"/> when the rules contradict themselves (min above max, a required keyword
    /// that is banned) or hold an impossible number; for rules built in code, as <see cref="FromJson"/> checks what it reads.
    /// </summary>
    public void ThrowIfInconsistent() => UserRulesJson.ThrowIfInconsistent(this);

    public string ToJson() => JsonSerializer.Serialize(this, UserRulesJson.Options);

    /// <summary>The metadata with every rule that can be enforced enforced (see the type's remarks for the order).</summary>
    public ImageMetadata Apply(ImageMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return new Func<ImageMetadata, ImageMetadata>[]
        {
            RemoveBannedKeywords, SplitKeywords, LowercaseAll, AddRequiredKeywords, RemoveDuplicates, CutKeywords,
            RemoveBannedWordsFromText, StyleTitle, CutTitle, CutDescription,
        }.Aggregate(metadata, (current, step) => step(current));
    }

    /// <summary>
    /// <see cref="BannedWords"/> ready to search text with, built once per list: validation asks for it for every keyword
    /// of every image. Kept beside the rules rather than in them, so that <c>with</c> never carries one list's search into
    /// rules with another list, and rules compare as their values.
    /// </summary>
    internal PhraseList BannedList() => BannedLists.GetValue(BannedWords, words => new PhraseList(words));

    internal bool IsBanned(string keyword) => BannedWords.Count > 0 && BannedList().FindFirst(keyword) is not null;

    internal ImageMetadata RemoveBannedKeywords(ImageMetadata metadata) =>
        BannedWords.Count == 0 ? metadata : metadata with { Keywords = [.. metadata.Keywords.Where(keyword => !IsBanned(keyword))] };

    internal ImageMetadata SplitKeywords(ImageMetadata metadata) =>
        !SingleWordKeywordsOnly ? metadata : metadata with
        {
            Keywords = KeywordHygiene.Deduplicate(metadata.Keywords.SelectMany(SplitAtSpaces)),
        };

    /// <summary>Whether a keyword has several space-separated words; "t-shirt" is one word here.</summary>
    internal static bool IsMultiWord(string keyword) => SplitAtSpaces(keyword).Length > 1;

    private static string[] SplitAtSpaces(string keyword) => keyword.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    internal ImageMetadata LowercaseAll(ImageMetadata metadata) =>
        !LowercaseKeywords ? metadata : metadata with { Keywords = [.. metadata.Keywords.Select(KeywordHygiene.Lowercase)] };

    /// <summary>The required keywords the metadata lacks, in the order the rules list them.</summary>
    internal IReadOnlyList<string> MissingRequiredKeywords(ImageMetadata metadata)
    {
        var present = metadata.Keywords.Select(KeywordHygiene.Key).ToHashSet(StringComparer.Ordinal);
        return [.. RequiredKeywords.Where(required => present.Add(KeywordHygiene.Key(required)))];
    }

    internal ImageMetadata AddRequiredKeywords(ImageMetadata metadata)
    {
        var missing = MissingRequiredKeywords(metadata);
        if (missing.Count == 0)
        {
            return metadata;
        }

        var keywords = metadata.Keywords.ToList();
        keywords.InsertRange(Math.Min(RequiredKeywordsPosition ?? keywords.Count, keywords.Count), missing);
        return metadata with { Keywords = keywords };
    }

    internal ImageMetadata RemoveDuplicates(ImageMetadata metadata) =>
        metadata with { Keywords = KeywordHygiene.Deduplicate(metadata.Keywords) };

    internal ImageMetadata CutKeywords(ImageMetadata metadata) =>
        EffectiveMaxKeywords is not { } max ? metadata : metadata with { Keywords = KeywordSelection.KeepFirst(metadata.Keywords, max, RequiredKeys) };

    internal ImageMetadata RemoveBannedWordsFromText(ImageMetadata metadata)
    {
        if (BannedWords.Count == 0)
        {
            return metadata;
        }

        var banned = BannedList();
        return metadata with { Title = banned.RemoveAll(metadata.Title), Description = banned.RemoveAll(metadata.Description) };
    }

    internal ImageMetadata StyleTitle(ImageMetadata metadata) => metadata with { Title = TitleCasing.Apply(metadata.Title, TitleStyle) };

    internal ImageMetadata CutTitle(ImageMetadata metadata) =>
        TitleMaxLength is not { } max ? metadata : metadata with { Title = TextTruncation.AtWord(metadata.Title, max) };

    internal ImageMetadata CutDescription(ImageMetadata metadata) =>
        DescriptionMaxLength is not { } max ? metadata : metadata with { Description = TextTruncation.AtSentence(metadata.Description, max) };
}
