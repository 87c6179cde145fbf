using TagMyStock.Core.Keywords;
using TagMyStock.Core.Metadata;

namespace TagMyStock.Core.Validation;

/// <summary>What single keywords say: letters, special characters, size, repeats, spam, brands, AI tool names.</summary>
internal static class KeywordContentChecks
{
    public static IEnumerable<Problem> Check(ImageMetadata metadata, ValidationContext context)
    {
        var keywords = metadata.Keywords;
        var agency = context.Agency;

        if (agency.EnglishAsciiOnly && keywords.Where(keyword => !AsciiFolding.IsAscii(keyword)).ToList() is { Count: > 0 } nonAscii)
        {
            var foldable = nonAscii.All(AsciiFolding.CanFold);
            yield return new Problem(
                "keywords.non-ascii",
                Severity.Blocking,
                MetadataField.Keywords,
                $"{context.AgencyName} takes plain English letters only; these keywords have others: {ValidationContext.Examples(nonAscii)}.")
            {
                Fix = foldable
                    ? new MetadataFix("Replace accented letters with plain ones (é → e)", fixing => fixing with { Keywords = [.. fixing.Keywords.Select(AsciiFolding.Fold)] })
                    : null,
            };
        }

        if (keywords.Where(keyword => KeywordHygiene.SpecialCharacters(keyword).Count > 0).ToList() is { Count: > 0 } special)
        {
            yield return new Problem(
                "keywords.special-characters",
                Severity.Warning,
                MetadataField.Keywords,
                $"Some keywords have special characters that agencies reject or strip: {ValidationContext.Examples(special)}.")
            {
                Fix = new MetadataFix("Remove the special characters (\"#dog\" → \"dog\")", fixing => fixing with
                {
                    Keywords = [.. fixing.Keywords.Select(KeywordHygiene.RemoveSpecialCharacters).Where(keyword => !KeywordHygiene.IsEmpty(keyword))],
                }),
            };
        }

        foreach (var keyword in keywords.Where(keyword => KeywordHygiene.Utf8Length(keyword) > KeywordHygiene.IptcMaxBytes))
        {
            yield return new Problem(
                "keywords.too-long",
                Severity.Warning,
                MetadataField.Keywords,
                $"Keyword \"{keyword}\" is {KeywordHygiene.Utf8Length(keyword)} bytes: an IPTC keyword holds {KeywordHygiene.IptcMaxBytes} at most, so embedded copies are cut. Shorten it.");
        }

        foreach (var keyword in keywords.Where(keyword => KeywordHygiene.WordCount(keyword) > KeywordHygiene.MaxWordsPerKeyword))
        {
            yield return new Problem(
                "keywords.sentence",
                Severity.Warning,
                MetadataField.Keywords,
                $"Keyword \"{keyword}\" has {KeywordHygiene.WordCount(keyword)} words: buyers search with short terms; use {KeywordHygiene.MaxWordsPerKeyword} words or fewer, or split it.");
        }

        if (keywords.Where(keyword => KeywordHygiene.HasRepeatedWord(keyword, out _)).ToList() is { Count: > 0 } repeating)
        {
            yield return new Problem(
                "keywords.repeated-word",
                Severity.Warning,
                MetadataField.Keywords,
                $"Some keywords say the same word twice: {ValidationContext.Examples(repeating)}.")
            {
                Fix = new MetadataFix("Remove the repeated words", fixing => fixing with { Keywords = [.. fixing.Keywords.Select(KeywordHygiene.RemoveRepeatedWords)] }),
            };
        }

        foreach (var spam in KeywordHygiene.FindSpam(keywords))
        {
            yield return new Problem(
                "keywords.spam",
                Severity.Warning,
                MetadataField.Keywords,
                $"The word \"{spam.Word}\" is in {spam.Keywords.Count} keywords ({ValidationContext.Examples(spam.Keywords)}): agencies treat this as keyword spam. Keep the two or three most relevant.");
        }

        if (!metadata.Has(ContentFlags.Editorial))
        {
            var brand = new Offence("keywords.trademark", Severity.Warning, static keyword => Trademarks.IsTrademark(keyword, out _), "name brands");
            if (Removal(keywords, brand, $"{context.AgencyName} refuses brand names in commercial (non-editorial) images.", "Remove the keywords that name brands", context) is { } problem)
            {
                yield return problem;
            }
        }

        var aiTool = new Offence("keywords.ai-tool", agency.ForbidsAiToolNames ? Severity.Blocking : Severity.Warning, static keyword => AiToolNames.IsAiToolName(keyword, out _), "name AI tools");
        if (Removal(keywords, aiTool, TextChecks.AiToolNamesReason(context), "Remove the keywords that name AI tools", context) is { } aiProblem)
        {
            yield return aiProblem;
        }
    }

    /// <summary>A problem whose fix removes the offending keywords, except those the user's rules require.</summary>
    private static Problem? Removal(IReadOnlyList<string> keywords, Offence offence, string why, string fixDescription, ValidationContext context)
    {
        var offending = keywords.Where(offence.Applies).ToList();
        if (offending.Count == 0)
        {
            return null;
        }

        var required = offending.Where(keyword => context.ProtectedKeys.Contains(KeywordHygiene.Key(keyword))).ToList();
        var kept = required.Count == 0
            ? ""
            : $" {ValidationContext.Examples(required)} stay{(required.Count == 1 ? "s" : "")} because your rules require {(required.Count == 1 ? "it" : "them")}.";
        return new Problem(offence.Code, offence.Severity, MetadataField.Keywords, $"Keywords that {offence.What}: {ValidationContext.Examples(offending)}. {why}{kept}")
        {
            Fix = required.Count == offending.Count
                ? null
                : new MetadataFix(fixDescription, fixing => fixing with { Keywords = KeywordSelection.RemoveWhere(fixing.Keywords, offence.Applies, context.ProtectedKeys) }),
        };
    }

    private sealed record Offence(string Code, Severity Severity, Func<string, bool> Applies, string What);
}
