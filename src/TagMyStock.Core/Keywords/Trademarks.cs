namespace TagMyStock.Core.Keywords;

/// <summary>
/// Brand names and trademarks, which agencies refuse in keywords, titles and descriptions of commercial
/// images. The list is the embedded <c>trademarks.txt</c>; its header says how to maintain it.
/// </summary>
/// <remarks>
/// Words that are also ordinary English ("apple", "windows", "amazon", "jaguar", "shell") are not listed:
/// without knowing what the image shows we cannot tell the fruit from the company, and removing a good
/// keyword from an honest image is worse than missing a brand the reviewer will point out.
/// </remarks>
public static class Trademarks
{
    private const string ResourceName = "TagMyStock.Core.Keywords.trademarks.txt";

    private static readonly Lazy<PhraseList> List = new(() => new PhraseList(ReadList()));

    /// <summary>Every listed brand, as written in the list.</summary>
    public static IReadOnlyList<string> Brands => List.Value.Phrases;

    /// <summary>Whether a keyword is or contains a listed brand ("nike shoes" → "nike").</summary>
    public static bool IsTrademark(string keyword, out string brand)
    {
        ArgumentNullException.ThrowIfNull(keyword);
        brand = List.Value.FindFirst(keyword) ?? "";
        return brand.Length > 0;
    }

    /// <summary>The brands a text names, each once, in order of appearance.</summary>
    public static IReadOnlyList<string> FindIn(string text) =>
        [.. List.Value.FindAll(text).Select(match => match.Phrase).Distinct(StringComparer.Ordinal)];

    /// <summary>The text with every brand name taken out and the punctuation tidied.</summary>
    public static string RemoveFrom(string text) => List.Value.RemoveAll(text);

    private static IEnumerable<string> ReadList()
    {
        using var stream = typeof(Trademarks).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        var brands = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var brand = line.Trim();
            if (brand.Length > 0 && !brand.StartsWith('#'))
            {
                brands.Add(brand);
            }
        }

        return brands;
    }
}
