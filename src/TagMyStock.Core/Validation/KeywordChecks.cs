using TagMyStock.Core.Keywords;
using TagMyStock.Core.Metadata;

namespace TagMyStock.Core.Validation;

/// <summary>
/// The keyword list against the agency: empties, case, duplicates, count. Problems come in the order
/// <see cref="MetadataFixer"/> should apply their fixes: clean-ups first, the cut to the maximum last, so the
/// cut keeps the most relevant of the keywords that survive.
/// </summary>
internal static class KeywordChecks
{
    public static IEnumerable<Problem> Check(ImageMetadata metadata, ValidationContext context)
    {
        var keywords = metadata.Keywords;
        var agency = context.Agency;

        var empty = keywords.Count(KeywordHygiene.IsEmpty);
        if (empty > 0)
        {
            yield return new Problem("keywords.empty", Severity.Warning, MetadataField.Keywords, $"{ValidationContext.Count(empty, "keyword")} {(empty == 1 ? "is" : "are")} empty.")
            {
                Fix = new MetadataFix("Remove the empty keywords", fixing => fixing with { Keywords = [.. fixing.Keywords.Where(keyword => !KeywordHygiene.IsEmpty(keyword))] }),
            };
        }

        foreach (var problem in KeywordContentChecks.Check(metadata, context))
        {
            yield return problem;
        }

        if (agency.LowercaseKeywords && keywords.Where(keyword => !string.Equals(KeywordHygiene.Lowercase(keyword), keyword, StringComparison.Ordinal)).ToList() is { Count: > 0 } uppercase)
        {
            yield return new Problem(
                "keywords.uppercase",
                Severity.Warning,
                MetadataField.Keywords,
                $"{context.AgencyName} wants keywords in lowercase: {ValidationContext.Examples(uppercase)}.")
            {
                Fix = new MetadataFix("Lowercase the keywords (acronyms such as USA are kept)", fixing => fixing with { Keywords = [.. fixing.Keywords.Select(KeywordHygiene.Lowercase)] }),
            };
        }

        if (KeywordHygiene.FindDuplicates(keywords) is { Count: > 0 } duplicates)
        {
            var examples = string.Join(", ", duplicates.Take(5).Select(duplicate => $"\"{duplicate.Keyword}\" (same as \"{duplicate.SameAs}\")"));
            yield return new Problem(
                "keywords.duplicate",
                Severity.Warning,
                MetadataField.Keywords,
                $"{ValidationContext.Count(duplicates.Count, "keyword")} repeat{(duplicates.Count == 1 ? "s an earlier one" : " earlier ones")}: {examples}. Repeats waste keyword places.")
            {
                Fix = new MetadataFix("Remove repeated keywords, keeping the first of each", fixing => fixing with { Keywords = KeywordHygiene.Deduplicate(fixing.Keywords) }),
            };
        }

        var words = keywords.Where(keyword => !KeywordHygiene.IsEmpty(keyword)).ToList();
        var distinct = words.Select(KeywordHygiene.Key).Distinct(StringComparer.Ordinal).Count();
        if (agency.KeywordMin is { Value: { } min } minFact && distinct < min)
        {
            var notCounted = distinct < keywords.Count ? " (not counting empty or repeated ones)" : "";
            yield return new Problem(
                "keywords.too-few",
                ValidationContext.LimitSeverity(minFact.Confidence),
                MetadataField.Keywords,
                $"{context.AgencyName} needs at least {min} keywords; this image has {distinct}{notCounted} — add {min - distinct} more.{context.Certainty(minFact)}");
        }

        if (agency.KeywordMax is { Value: { } max } maxFact && words.Count > max)
        {
            yield return new Problem(
                "keywords.too-many",
                ValidationContext.LimitSeverity(maxFact.Confidence),
                MetadataField.Keywords,
                $"This image has {words.Count} keywords: {context.AgencyName} takes {max} at most — the last {words.Count - max} would be dropped.{context.Certainty(maxFact)}")
            {
                Fix = new MetadataFix($"Keep the first {max} keywords (the most relevant)", fixing => fixing with { Keywords = KeywordSelection.KeepFirst(fixing.Keywords, max, context.ProtectedKeys) }),
            };
        }
    }
}
