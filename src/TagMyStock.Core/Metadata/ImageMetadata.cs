namespace TagMyStock.Core.Metadata;

/// <summary>
/// What a contributor sends an agency with an image: the same model whichever engine wrote it
/// and whichever agency receives it.
/// </summary>
public sealed record ImageMetadata
{
    public string Title { get; init; } = "";

    public string Description { get; init; } = "";

    /// <summary>Ordered by relevance: agencies weigh the first ten most.</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>Category per agency id (<see cref="Agencies.AgencyProfile.Id"/>), in the agency's own notation.</summary>
    public IReadOnlyDictionary<string, string> Categories { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public ContentFlags Flags { get; init; }

    /// <summary>
    /// The IPTC digital source type to embed. When null and <see cref="ContentFlags.AiGenerated"/> is set,
    /// writers use <see cref="DigitalSourceType.TrainedAlgorithmicMedia"/>.
    /// </summary>
    public string? DigitalSourceType { get; init; }

    /// <summary>BCP 47 language of title, description and keywords.</summary>
    public string Language { get; init; } = "en";

    public static ImageMetadata Empty { get; } = new();

    public bool Has(ContentFlags flag) => (Flags & flag) == flag;

    /// <summary>The digital source type a writer should embed, or null for none.</summary>
    public string? EffectiveDigitalSourceType =>
        DigitalSourceType ?? (Has(ContentFlags.AiGenerated) ? Metadata.DigitalSourceType.TrainedAlgorithmicMedia : null);

    public string? CategoryFor(string agencyId) => Categories.TryGetValue(agencyId, out var category) ? category : null;

    /// <summary>The agency's categories one by one (several are written comma-separated); empty when it has none.</summary>
    public IReadOnlyList<string> CategoriesFor(string agencyId) => SplitCategories(CategoryFor(agencyId));

    /// <summary>One agency's categories as <see cref="Categories"/> writes them, one by one.</summary>
    public static IReadOnlyList<string> SplitCategories(string? value) =>
        value is null ? [] : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public ImageMetadata WithCategory(string agencyId, string? category)
    {
        var categories = new Dictionary<string, string>(Categories, StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(category))
        {
            categories.Remove(agencyId);
        }
        else
        {
            categories[agencyId] = category;
        }

        return this with { Categories = categories };
    }

    public bool Equals(ImageMetadata? other) =>
        other is not null
        && string.Equals(Title, other.Title, StringComparison.Ordinal)
        && string.Equals(Description, other.Description, StringComparison.Ordinal)
        && Keywords.SequenceEqual(other.Keywords, StringComparer.Ordinal)
        && Categories.Count == other.Categories.Count
        && Categories.All(pair => other.Categories.TryGetValue(pair.Key, out var value) && string.Equals(value, pair.Value, StringComparison.Ordinal))
        && Flags == other.Flags
        && string.Equals(DigitalSourceType, other.DigitalSourceType, StringComparison.Ordinal)
        && string.Equals(Language, other.Language, StringComparison.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Title, Description, Keywords.Count, Flags);
}
