using TagMyStock.Core.Agencies;
using TagMyStock.Core.Keywords;
using TagMyStock.Core.Metadata;

namespace TagMyStock.Core.Validation;

/// <summary>The image's category for this agency: present when required, in the agency's list, not too many.</summary>
internal static class CategoryChecks
{
    public static IEnumerable<Problem> Check(ImageMetadata metadata, ValidationContext context)
    {
        var agency = context.Agency;
        var list = agency.Categories.Value;
        var parts = metadata.CategoriesFor(agency.Id);
        if (parts.Count == 0)
        {
            if (agency.CategoryRequired)
            {
                var choices = list.Count == 0 ? "" : $" Choose one of: {ValidationContext.Examples(list.Select(category => category.Name), 8)}.";
                yield return new Problem("category.missing", Severity.Blocking, MetadataField.Category, $"{context.AgencyName} needs a category; this image has none.{choices}");
            }

            yield break;
        }

        if (list.Count > 0)
        {
            var unknown = parts.Where(part => agency.FindCategory(part) is null).ToList();
            if (unknown.Count > 0)
            {
                yield return new Problem(
                    "category.unknown",
                    ValidationContext.LimitSeverity(agency.Categories.Confidence),
                    MetadataField.Category,
                    $"{ValidationContext.Examples(unknown)} {(unknown.Count == 1 ? "is not one" : "are not")} of {context.AgencyName}'s categories; valid ones include {ValidationContext.Examples(Suggestions(list, unknown[0]))}.{context.Certainty(agency.Categories)}");
            }

            var byName = parts.Where(part => agency.FindCategory(part) is { } category && !string.Equals(category.Code, part, StringComparison.OrdinalIgnoreCase)).ToList();
            if (byName.Count > 0)
            {
                yield return new Problem(
                    "category.name-not-code",
                    Severity.Warning,
                    MetadataField.Category,
                    $"{context.AgencyName} wants category codes: {string.Join(", ", byName.Select(name => $"\"{name}\" is {agency.FindCategory(name)!.Code}"))}.")
                {
                    Fix = new MetadataFix("Use the category codes", fixing => fixing.WithCategory(
                        agency.Id,
                        string.Join(",", fixing.CategoriesFor(agency.Id).Select(part => agency.FindCategory(part)?.Code ?? part)))),
                };
            }
        }

        if (parts.Count > agency.MaxCategories)
        {
            yield return new Problem(
                "category.too-many",
                Severity.Blocking,
                MetadataField.Category,
                $"This image has {parts.Count} categories: {context.AgencyName} takes {agency.MaxCategories} at most.")
            {
                Fix = new MetadataFix(
                    agency.MaxCategories == 1 ? "Keep only the first category" : $"Keep the first {agency.MaxCategories} categories",
                    fixing => fixing.WithCategory(agency.Id, string.Join(",", fixing.CategoriesFor(agency.Id).Take(agency.MaxCategories)))),
            };
        }
    }

    /// <summary>Categories sharing a word with what the user wrote ("Animal" → "Animals/Wildlife"), else the first few.</summary>
    private static IEnumerable<string> Suggestions(IReadOnlyList<AgencyCategory> list, string unknown)
    {
        var words = TextWords.Keys(unknown).ToHashSet(StringComparer.Ordinal);
        var related = list.Where(category => TextWords.Keys(category.Name).Any(words.Contains)).Select(category => category.Name).ToList();
        return related.Count > 0 ? related : list.Take(5).Select(category => category.Name);
    }
}
