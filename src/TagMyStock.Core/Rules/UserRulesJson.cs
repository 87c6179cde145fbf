using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using TagMyStock.Core.Keywords;

namespace TagMyStock.Core.Rules;

/// <summary>Reading <see cref="UserRules"/> from JSON and explaining, property by property, what is wrong.</summary>
internal static class UserRulesJson
{
    private const string ObjectExample = "it should hold one JSON object, e.g. {\"maxKeywords\": 45, \"titleStyle\": \"sentenceCase\"}.";

    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonTypeInfo<UserRules> TypeInfo => (JsonTypeInfo<UserRules>)Options.GetTypeInfo(typeof(UserRules));

    /// <summary>
    /// Parses first, so a syntax error is told apart from a property with a value of the wrong kind, then
    /// binds to <see cref="UserRules"/>.
    /// </summary>
    public static UserRules Read(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException exception)
        {
            var line = exception.LineNumber is { } number ? $" near line {number + 1}" : "";
            throw new UserRulesException($"The rules file is not valid JSON{line}: {ObjectExample}", exception);
        }

        using (document)
        {
            switch (document.RootElement.ValueKind)
            {
                case JsonValueKind.Null:
                    throw new UserRulesException($"The rules file is empty: {ObjectExample}");
                case not JsonValueKind.Object:
                    throw new UserRulesException($"The rules file is not valid JSON for rules: {ObjectExample}");
            }

            UserRules rules;
            try
            {
                rules = document.Deserialize(TypeInfo)!;
            }
            catch (JsonException exception)
            {
                throw new UserRulesException(DescribeBindingError(exception), exception);
            }

            // The generated serializer sets every init-only property, so a list absent from the file arrives as null
            // instead of keeping its empty default.
            return rules with { RequiredKeywords = rules.RequiredKeywords ?? [], BannedWords = rules.BannedWords ?? [] };
        }
    }

    /// <summary>Turns a binding error into a sentence naming the property.</summary>
    private static string DescribeBindingError(JsonException exception)
    {
        var name = exception.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal)
            ? path[2..].Split('[', '.')[0]
            : null;
        var property = name is null
            ? null
            : TypeInfo.Properties.FirstOrDefault(candidate => string.Equals(candidate.Name, name, StringComparison.OrdinalIgnoreCase));

        if (property is not null)
        {
            return $"The rules property '{property.Name}' has a value of the wrong kind: it takes {Expected(property.PropertyType)}.";
        }

        return name is null
            ? $"The rules file could not be read: {exception.Message}"
            : $"The rules file has an unknown property '{name}'. Known properties: {string.Join(", ", TypeInfo.Properties.Select(known => known.Name))}.";
    }

    /// <summary>Refuses rules that contradict themselves or hold impossible numbers.</summary>
    public static void ThrowIfInconsistent(UserRules rules)
    {
        ThrowIfBadList(rules.RequiredKeywords, "requiredKeywords");
        ThrowIfBadList(rules.BannedWords, "bannedWords");
        ThrowIfBelow(rules.RequiredKeywordsPosition, 0, "requiredKeywordsPosition");
        ThrowIfBelow(rules.KeywordCount, 1, "keywordCount");
        ThrowIfBelow(rules.MinKeywords, 0, "minKeywords");
        ThrowIfBelow(rules.MaxKeywords, 1, "maxKeywords");
        ThrowIfBelow(rules.TitleMinLength, 0, "titleMinLength");
        ThrowIfBelow(rules.TitleMaxLength, 1, "titleMaxLength");
        ThrowIfBelow(rules.DescriptionMaxLength, 1, "descriptionMaxLength");

        if (rules.KeywordCount is not null && (rules.MinKeywords is not null || rules.MaxKeywords is not null))
        {
            throw new UserRulesException("Use either 'keywordCount' or 'minKeywords'/'maxKeywords', not both.");
        }

        ThrowIfAbove(rules.MinKeywords, "minKeywords", rules.MaxKeywords, "maxKeywords");
        ThrowIfAbove(rules.TitleMinLength, "titleMinLength", rules.TitleMaxLength, "titleMaxLength");

        if (rules.EffectiveMaxKeywords is { } max && rules.RequiredKeys.Count > max)
        {
            throw new UserRulesException($"'requiredKeywords' lists {rules.RequiredKeys.Count} keywords, more than the {max} your rules allow.");
        }

        var banned = rules.BannedList();
        foreach (var required in rules.RequiredKeywords)
        {
            if (banned.FindFirst(required) is { } word)
            {
                throw new UserRulesException($"'requiredKeywords' has \"{required}\", which 'bannedWords' bans (\"{word}\").");
            }

            if (rules.SingleWordKeywordsOnly && UserRules.IsMultiWord(required))
            {
                throw new UserRulesException($"'requiredKeywords' has \"{required}\", several words, but 'singleWordKeywordsOnly' is true.");
            }
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            WriteIndented = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            TypeInfoResolver = UserRulesJsonContext.Default,
            Converters = { new JsonStringEnumConverter<TitleStyle>(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        };
        options.MakeReadOnly();
        return options;
    }

    private static string Expected(Type type) =>
        type == typeof(bool) ? "true or false"
        : type == typeof(int?) ? "a whole number, or null"
        : type == typeof(TitleStyle) ? $"one of {string.Join(", ", Enum.GetNames<TitleStyle>().Select(JsonNamingPolicy.CamelCase.ConvertName))}"
        : "a list of words, e.g. [\"my studio\"]";

    private static void ThrowIfBadList(IReadOnlyList<string> list, string name)
    {
        if (list.Any(entry => string.IsNullOrWhiteSpace(entry) || KeywordHygiene.IsEmpty(entry)))
        {
            throw new UserRulesException($"'{name}' has an empty entry.");
        }
    }

    private static void ThrowIfBelow(int? value, int minimum, string name)
    {
        if (value < minimum)
        {
            throw new UserRulesException($"'{name}' must be {minimum} or more; it is {value}.");
        }
    }

    private static void ThrowIfAbove(int? low, string lowName, int? high, string highName)
    {
        if (low > high)
        {
            throw new UserRulesException($"'{lowName}' ({low}) is more than '{highName}' ({high}).");
        }
    }
}

/// <summary>The rules' serializer, generated at compile time so that reading rules needs no reflection (Native AOT).</summary>
[JsonSerializable(typeof(UserRules))]
internal sealed partial class UserRulesJsonContext : JsonSerializerContext;
