using TagMyStock.Core.Agencies;
using TagMyStock.Core.Keywords;
using TagMyStock.Core.Metadata;
using TagMyStock.Web.Features.Tagging;

namespace TagMyStock.Web.Features.Editor;

/// <summary>The body of <c>PUT /api/images/{id}/metadata</c>: the whole metadata, and the version it was edited from.</summary>
public sealed record MetadataUpdate(
    int? Version,
    string? Title,
    string? Description,
    IReadOnlyList<string>? Keywords,
    IReadOnlyDictionary<string, string>? Categories,
    FlagsDto? Flags);

/// <summary>
/// The limits of what may be stored, far above any agency's (those are the validator's business and never
/// refuse a save), and the tidying every save gets.
/// </summary>
public static class MetadataInput
{
    public const int MaxTitleLength = 1000;
    public const int MaxDescriptionLength = 4000;
    public const int MaxKeywords = 200;
    public const int MaxKeywordLength = 100;
    public const int MaxCategoryLength = 200;

    public const string Shape =
        "version is a number; title and description are text; keywords is a list of text; categories maps agency ids to text; flags holds true/false values";

    /// <summary>Messages per field for input no agency could take, or an empty dictionary.</summary>
    public static Dictionary<string, string[]> Problems(MetadataUpdate update)
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (update.Version is null)
        {
            problems["version"] = ["Send the version you loaded, so that a newer save from another tab is not overwritten."];
        }

        if (update.Title is { Length: > MaxTitleLength })
        {
            problems["title"] = [$"The title has {update.Title.Length:N0} characters: keep it under {MaxTitleLength:N0} (agencies take 70 to 200)."];
        }

        if (update.Description is { Length: > MaxDescriptionLength })
        {
            problems["description"] = [$"The description has {update.Description.Length:N0} characters: keep it under {MaxDescriptionLength:N0}."];
        }

        var keywords = update.Keywords ?? [];
        if (keywords.Count > MaxKeywords)
        {
            problems["keywords"] = [$"There are {keywords.Count:N0} keywords: send at most {MaxKeywords} (agencies take 50 at most)."];
        }
        else if (keywords.Any(keyword => keyword is null || keyword.Length > MaxKeywordLength))
        {
            problems["keywords"] = [$"Each keyword is a text of at most {MaxKeywordLength} characters."];
        }

        var categories = update.Categories ?? new Dictionary<string, string>();
        var unknown = categories.Keys.Where(agency => AgencyCatalog.All.All(known => known.Id != agency)).ToList();
        if (unknown.Count > 0)
        {
            problems["categories"] = [$"Unknown agency {string.Join(", ", unknown)}: categories are keyed by {string.Join(", ", AgencyCatalog.All.Select(agency => agency.Id))}."];
        }
        else if (categories.Values.Any(category => category is null || category.Length > MaxCategoryLength))
        {
            problems["categories"] = [$"Each category is a text of at most {MaxCategoryLength} characters."];
        }

        return problems;
    }

    /// <summary>The update as metadata, keeping what the update does not carry (digital source type) from <paramref name="current"/>.</summary>
    public static ImageMetadata ToMetadata(MetadataUpdate update, ImageMetadata current) => Tidy(current with
    {
        Title = update.Title ?? "",
        Description = update.Description ?? "",
        Keywords = update.Keywords ?? [],
        Categories = update.Categories ?? new Dictionary<string, string>(StringComparer.Ordinal),
        Flags = (update.Flags ?? new FlagsDto()).ToFlags(),
    });

    /// <summary>
    /// Keywords with their whitespace normalised and empty ones dropped, empty categories dropped. Nothing else is
    /// changed: duplicates, case and length are for the validator to point out and the contributor to fix.
    /// </summary>
    public static ImageMetadata Tidy(ImageMetadata metadata) => metadata with
    {
        Keywords = [.. metadata.Keywords.Select(KeywordHygiene.Normalize).Where(keyword => keyword.Length > 0)],
        Categories = metadata.Categories
            .Where(pair => !string.IsNullOrWhiteSpace(pair.Value))
            .ToDictionary(pair => pair.Key, pair => pair.Value.Trim(), StringComparer.Ordinal),
    };
}
