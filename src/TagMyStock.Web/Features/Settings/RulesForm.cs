using System.Globalization;
using TagMyStock.Core.Rules;

namespace TagMyStock.Web.Features.Settings;

/// <summary>
/// The rules page's fields: <see cref="UserRules"/> as a person fills it in, lists as comma-separated text and the
/// position of required keywords counted from 1. What Core says is wrong is told with these fields' labels.
/// </summary>
public sealed class RulesForm
{
    /// <summary>The label of each field that Core's messages name, by that name (the rules file's property).</summary>
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["requiredKeywords"] = "Required keywords",
        ["requiredKeywordsPosition"] = "Place them at keyword number",
        ["bannedWords"] = "Banned words",
        ["singleWordKeywordsOnly"] = "Single-word keywords only",
        ["minKeywords"] = "Fewest keywords",
        ["maxKeywords"] = "Most keywords",
        ["titleMinLength"] = "Shortest title",
        ["titleMaxLength"] = "Longest title",
        ["descriptionMaxLength"] = "Longest description",
    };

    private static readonly char[] ListSeparators = [',', '\n', '\r'];

    public string? RequiredKeywords { get; set; }

    // The numbers are kept as typed: a value that is not a whole number is named in the message, where the form
    // binder would quietly leave the field empty.

    /// <summary>From 1 (first); empty puts missing required keywords at the end.</summary>
    public string? RequiredKeywordsPosition { get; set; }

    public string? BannedWords { get; set; }

    public bool SingleWordKeywordsOnly { get; set; }

    public bool LowercaseKeywords { get; set; }

    public string? MinKeywords { get; set; }

    public string? MaxKeywords { get; set; }

    public string? TitleMinLength { get; set; }

    public string? TitleMaxLength { get; set; }

    public TitleStyle TitleStyle { get; set; }

    public string? DescriptionMaxLength { get; set; }

    /// <summary>The form showing <paramref name="rules"/>; an exact keyword count shows as the same fewest and most.</summary>
    public static RulesForm From(UserRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return new RulesForm
        {
            RequiredKeywords = string.Join(", ", rules.RequiredKeywords),
            RequiredKeywordsPosition = Text(rules.RequiredKeywordsPosition + 1),
            BannedWords = string.Join(", ", rules.BannedWords),
            SingleWordKeywordsOnly = rules.SingleWordKeywordsOnly,
            LowercaseKeywords = rules.LowercaseKeywords,
            MinKeywords = Text(rules.EffectiveMinKeywords),
            MaxKeywords = Text(rules.EffectiveMaxKeywords),
            TitleMinLength = Text(rules.TitleMinLength),
            TitleMaxLength = Text(rules.TitleMaxLength),
            TitleStyle = rules.TitleStyle,
            DescriptionMaxLength = Text(rules.DescriptionMaxLength),
        };
    }

    /// <summary>The rules these fields describe, checked as a rules file is.</summary>
    /// <exception cref="UserRulesException">
    /// A number is not a whole number or is impossible, or the rules contradict each other; the message uses the form's labels.
    /// </exception>
    public UserRules ToRules()
    {
        var position = Number(RequiredKeywordsPosition, "requiredKeywordsPosition");
        if (position < 1)
        {
            throw new UserRulesException($"“{Labels["requiredKeywordsPosition"]}” counts from 1 (the first keyword); leave it empty to put them at the end.");
        }

        var rules = new UserRules
        {
            RequiredKeywords = List(RequiredKeywords),
            RequiredKeywordsPosition = position - 1,
            BannedWords = List(BannedWords),
            SingleWordKeywordsOnly = SingleWordKeywordsOnly,
            LowercaseKeywords = LowercaseKeywords,
            MinKeywords = Number(MinKeywords, "minKeywords"),
            MaxKeywords = Number(MaxKeywords, "maxKeywords"),
            TitleMinLength = Number(TitleMinLength, "titleMinLength"),
            TitleMaxLength = Number(TitleMaxLength, "titleMaxLength"),
            TitleStyle = TitleStyle,
            DescriptionMaxLength = Number(DescriptionMaxLength, "descriptionMaxLength"),
        };
        try
        {
            rules.ThrowIfInconsistent();
        }
        catch (UserRulesException problem)
        {
            throw new UserRulesException(WithLabels(problem.Message), problem);
        }

        return rules;
    }

    private static string? Text(int? number) => number?.ToString(CultureInfo.InvariantCulture);

    /// <summary>The whole number typed into the field Core calls <paramref name="property"/>; null when it is left empty.</summary>
    private static int? Number(string? text, string property) =>
        string.IsNullOrWhiteSpace(text) ? null
        : int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number
        : throw new UserRulesException($"“{Labels[property]}” takes a whole number, such as 40; “{text.Trim()}” is not one.");

    /// <summary>Core's message with each quoted property name ('maxKeywords') replaced by its field's label.</summary>
    private static string WithLabels(string message) =>
        Labels.Aggregate(message, (text, label) => text.Replace($"'{label.Key}'", $"“{label.Value}”", StringComparison.Ordinal));

    /// <summary>The entries of a comma-separated field; a field left empty arrives as null.</summary>
    private static List<string> List(string? text) =>
        [.. (text ?? "").Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
