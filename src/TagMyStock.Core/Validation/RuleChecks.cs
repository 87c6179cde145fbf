using TagMyStock.Core.Keywords;
using TagMyStock.Core.Metadata;
using TagMyStock.Core.Rules;

namespace TagMyStock.Core.Validation;

/// <summary>
/// The user's own rules, as problems with codes prefixed <c>rules.</c> and messages saying "your rule".
/// Each fix is the matching step of <see cref="UserRules.Apply"/>, so the two never disagree.
/// </summary>
internal static class RuleChecks
{
    public static IEnumerable<Problem> Check(ImageMetadata metadata, UserRules rules)
    {
        var keywords = metadata.Keywords;

        if (rules.BannedWords.Count > 0 && keywords.Where(rules.IsBanned).ToList() is { Count: > 0 } bannedKeywords)
        {
            yield return Keywords("rules.keywords.banned", $"Keywords with words your rules ban: {ValidationContext.Examples(bannedKeywords)}.", new("Remove the keywords with banned words", rules.RemoveBannedKeywords));
        }

        if (rules.BannedWords.Count > 0)
        {
            var banned = rules.BannedList();
            foreach (var (field, label, text) in new[] { (MetadataField.Title, "Title", metadata.Title), (MetadataField.Description, "Description", metadata.Description) })
            {
                if (banned.FindAll(text) is { Count: > 0 } found)
                {
                    var words = ValidationContext.Examples(found.Select(match => match.Phrase).Distinct(StringComparer.Ordinal));
                    yield return new Problem($"rules.{label.ToLowerInvariant()}.banned", Severity.Warning, field, $"{label} uses {words}, which your rules ban.")
                    {
                        Fix = new MetadataFix("Take the banned words out of title and description", rules.RemoveBannedWordsFromText),
                    };
                }
            }
        }

        if (rules.SingleWordKeywordsOnly && keywords.Where(UserRules.IsMultiWord).ToList() is { Count: > 0 } phrases)
        {
            yield return Keywords("rules.keywords.multi-word", $"Your rule wants single-word keywords; these have several: {ValidationContext.Examples(phrases)}.", new("Split keywords into single words", rules.SplitKeywords));
        }

        if (rules.LowercaseKeywords && keywords.Where(keyword => !string.Equals(KeywordHygiene.Lowercase(keyword), keyword, StringComparison.Ordinal)).ToList() is { Count: > 0 } uppercase)
        {
            yield return Keywords("rules.keywords.uppercase", $"Your rule wants lowercase keywords: {ValidationContext.Examples(uppercase)}.", new("Lowercase the keywords", rules.LowercaseAll));
        }

        if (rules.MissingRequiredKeywords(metadata) is { Count: > 0 } missing)
        {
            var where = rules.RequiredKeywordsPosition is { } position ? $"at position {position + 1}" : "at the end";
            yield return Keywords("rules.keywords.required-missing", $"Your rule requires {ValidationContext.Examples(missing)}, missing here.", new($"Add the required keywords {where}", rules.AddRequiredKeywords));
        }

        foreach (var problem in TitleRules(metadata, rules))
        {
            yield return problem;
        }
    }

    /// <summary>
    /// The count and length rules, kept apart so they come after every clean-up: a cut then keeps the
    /// most relevant keywords and words that survive.
    /// </summary>
    public static IEnumerable<Problem> CheckLimits(ImageMetadata metadata, UserRules rules)
    {
        var count = metadata.Keywords.Count(keyword => !KeywordHygiene.IsEmpty(keyword));
        if (rules.EffectiveMinKeywords is { } min && count < min)
        {
            yield return new Problem("rules.keywords.too-few", Severity.Warning, MetadataField.Keywords, $"Your rule asks for at least {min} keywords; this image has {count} — add {min - count} more.");
        }

        if (rules.EffectiveMaxKeywords is { } max && count > max)
        {
            yield return Keywords("rules.keywords.too-many", $"This image has {count} keywords: your rule allows {max} at most.", new($"Keep the first {max} keywords (your required keywords stay)", rules.CutKeywords));
        }

        var title = metadata.Title.Trim();
        if (rules.TitleMaxLength is { } titleMax && title.Length > titleMax)
        {
            yield return new Problem("rules.title.too-long", Severity.Warning, MetadataField.Title, $"Title has {title.Length} characters: your rule allows {titleMax} at most.")
            {
                Fix = new MetadataFix($"Cut the title to {titleMax} characters at a word boundary", rules.CutTitle),
            };
        }

        var description = metadata.Description.Trim();
        if (rules.DescriptionMaxLength is { } descriptionMax && description.Length > descriptionMax)
        {
            yield return new Problem("rules.description.too-long", Severity.Warning, MetadataField.Description, $"Description has {description.Length} characters: your rule allows {descriptionMax} at most.")
            {
                Fix = new MetadataFix($"Cut the description to {descriptionMax} characters at the end of a sentence or word", rules.CutDescription),
            };
        }
    }

    private static IEnumerable<Problem> TitleRules(ImageMetadata metadata, UserRules rules)
    {
        var title = metadata.Title.Trim();
        if (title.Length > 0 && !string.Equals(TitleCasing.Apply(metadata.Title, rules.TitleStyle), metadata.Title, StringComparison.Ordinal))
        {
            var style = rules.TitleStyle == TitleStyle.TitleCase ? "title case" : "sentence case";
            yield return new Problem("rules.title.style", Severity.Warning, MetadataField.Title, $"Your rule wants titles in {style}.")
            {
                Fix = new MetadataFix($"Write the title in {style}", rules.StyleTitle),
            };
        }

        if (rules.TitleMinLength is { } titleMin && title.Length < titleMin)
        {
            yield return new Problem("rules.title.too-short", Severity.Warning, MetadataField.Title, $"Title has {title.Length} characters: your rule asks for at least {titleMin} — add {titleMin - title.Length} more.");
        }
    }

    private static Problem Keywords(string code, string message, MetadataFix fix) =>
        new(code, Severity.Warning, MetadataField.Keywords, message) { Fix = fix };
}
