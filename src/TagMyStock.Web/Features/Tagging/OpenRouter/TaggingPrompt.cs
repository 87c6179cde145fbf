using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using TagMyStock.Core.Agencies;
using TagMyStock.Core.Tagging;

namespace TagMyStock.Web.Features.Tagging.OpenRouter;

/// <summary>
/// The instruction and the JSON schema for one image, aimed at the strictest limits of the user's agencies and
/// own rules: asking for what fits spares the fixes that would cut it afterwards. Compact on purpose: every word
/// here is paid for on every image. Required keywords are not asked for: they are added afterwards for free.
/// </summary>
internal sealed class TaggingPrompt
{
    /// <summary>Limits used when no agency is chosen: what the agencies' widest common ground allows.</summary>
    private const int DefaultTitleLength = 100;
    private const int DefaultDescriptionLength = 200;
    private const int MinKeywordsAsked = 25;

    /// <summary>Longest generation prompt or hint passed as context; longer ones say nothing more about the picture.</summary>
    internal const int MaxContextLength = 600;

    /// <summary>Banned words named in the instruction; a longer list is still enforced afterwards, only not paid for on every image.</summary>
    internal const int MaxBannedWordsAsked = 30;

    private TaggingPrompt(string instruction, JsonObject schema, IReadOnlyList<AgencyProfile> categorised)
    {
        Instruction = instruction;
        Schema = schema;
        CategorisedAgencies = categorised;
    }

    public string Instruction { get; }

    public JsonObject Schema { get; }

    /// <summary>The agencies whose category the answer names (by the category's name).</summary>
    public IReadOnlyList<AgencyProfile> CategorisedAgencies { get; }

    public static TaggingPrompt For(TaggingInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var agencies = input.Agencies;
        var rules = input.Rules;
        var keywordMax = Math.Min(
            Math.Min(LocalTextEngine.MaxKeywords, rules.EffectiveMaxKeywords ?? int.MaxValue),
            agencies.Select(a => a.KeywordMax.Value).OfType<int>().DefaultIfEmpty(LocalTextEngine.MaxKeywords).Min());
        var keywordMin = Math.Min(
            keywordMax,
            Math.Max(Math.Max(MinKeywordsAsked, rules.EffectiveMinKeywords ?? 0), agencies.Select(a => a.KeywordMin.Value).OfType<int>().DefaultIfEmpty(0).Max()));
        var titleMax = Math.Min(rules.TitleMaxLength ?? int.MaxValue, agencies.Select(a => a.TitleMaxLength.Value).OfType<int>().DefaultIfEmpty(DefaultTitleLength).Min());
        var descriptionMax = Math.Min(
            rules.DescriptionMaxLength ?? int.MaxValue,
            agencies.Select(a => a.DescriptionMaxLength.Value).OfType<int>().DefaultIfEmpty(DefaultDescriptionLength).Min());
        var categorised = agencies.Where(a => a.Categories.Value.Count > 0).ToList();

        var text = new StringBuilder();
        text.Append("Write stock-image metadata");
        if (agencies.Count > 0)
        {
            text.Append(" for ").AppendJoin(", ", agencies.Select(a => a.Name));
        }

        text.Append(". Describe only what is visible; name no brand, artist, real person or AI tool.\n")
            .Append(CultureInfo.InvariantCulture, $"title: {(rules.TitleMinLength is { } titleMin ? $"{titleMin} to " : "at most ")}{titleMax} characters, a plain descriptive phrase");
        text.Append(agencies.Any(a => a.TitleForbidsCommas.Value) ? ", no commas.\n" : ".\n")
            .Append(CultureInfo.InvariantCulture, $"description: one sentence, at most {descriptionMax} characters, adding setting, mood or use.\n")
            .Append(CultureInfo.InvariantCulture, $"keywords: {(keywordMin < keywordMax ? $"{keywordMin} to " : "")}{keywordMax}, most relevant first (subject, action, setting, concepts, mood, colours, style); {(rules.SingleWordKeywordsOnly ? "lowercase single words only" : "lowercase single words or short phrases")}; no repeats or plural twins.\n")
            .Append("flags: editorial = news, events or visible brands; mature = nudity or violence; illustration = drawn or rendered, not photographed; recognizable_people / recognizable_property = a release would be needed.\n");
        if (categorised.Count > 0)
        {
            text.Append("categories: the closest one for each agency.\n");
        }

        if (rules.BannedWords.Count > 0)
        {
            text.Append("Never use these words: ").AppendJoin(", ", rules.BannedWords.Take(MaxBannedWordsAsked)).Append('\n');
        }

        if (agencies.Any(a => a.EnglishAsciiOnly))
        {
            text.Append("Use English in plain ASCII letters only.\n");
        }

        if (!string.IsNullOrWhiteSpace(input.Hint))
        {
            text.Append("The contributor says: ").Append(Shorten(input.Hint)).Append('\n');
        }

        if (!string.IsNullOrWhiteSpace(input.GenerationPrompt))
        {
            text.Append("The image was AI-generated from this prompt; use it only to name what you see: ").Append(Shorten(input.GenerationPrompt)).Append('\n');
        }

        return new TaggingPrompt(text.ToString().TrimEnd(), SchemaFor(categorised), categorised);
    }

    private static string Shorten(string text)
    {
        var trimmed = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return trimmed.Length <= MaxContextLength ? trimmed : string.Concat(trimmed.AsSpan(0, MaxContextLength - 1), "…");
    }

    private static JsonObject SchemaFor(IReadOnlyList<AgencyProfile> categorised)
    {
        var properties = new JsonObject
        {
            ["title"] = new JsonObject { ["type"] = "string" },
            ["description"] = new JsonObject { ["type"] = "string" },
            ["keywords"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
            ["flags"] = StrictObject(
                ["editorial", "mature", "illustration", "recognizable_people", "recognizable_property"],
                _ => new JsonObject { ["type"] = "boolean" }),
        };
        if (categorised.Count > 0)
        {
            // By name, not by code: a name tells the model what it means, a code ("7") does not.
            properties["categories"] = StrictObject(
                [.. categorised.Select(agency => agency.Id)],
                id => new JsonObject
                {
                    ["type"] = "string",
                    ["enum"] = new JsonArray([.. categorised.Single(agency => agency.Id == id).Categories.Value.Select(category => JsonValue.Create(category.Name))]),
                });
        }

        return StrictObject(properties);
    }

    private static JsonObject StrictObject(IReadOnlyList<string> names, Func<string, JsonObject> property)
    {
        var properties = new JsonObject();
        foreach (var name in names)
        {
            properties[name] = property(name);
        }

        return StrictObject(properties);
    }

    /// <summary>Strict structured output wants every property required and no others allowed.</summary>
    private static JsonObject StrictObject(JsonObject properties) => new()
    {
        ["type"] = "object",
        ["properties"] = properties,
        ["required"] = new JsonArray([.. properties.Select(property => JsonValue.Create(property.Key))]),
        ["additionalProperties"] = false,
    };
}
