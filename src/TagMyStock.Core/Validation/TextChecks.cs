using TagMyStock.Core.Agencies;
using TagMyStock.Core.Keywords;
using TagMyStock.Core.Metadata;

namespace TagMyStock.Core.Validation;

/// <summary>Title and description: presence, length, letters, special characters, brands and AI tool names.</summary>
internal static class TextChecks
{
    private static readonly TextField Title = new(MetadataField.Title, "Title", "title", metadata => metadata.Title, (metadata, text) => metadata with { Title = text });

    private static readonly TextField Description = new(MetadataField.Description, "Description", "description", metadata => metadata.Description, (metadata, text) => metadata with { Description = text });

    public static IEnumerable<Problem> Check(ImageMetadata metadata, ValidationContext context)
    {
        var agency = context.Agency;
        if (Missing(metadata, Title, agency.TitleRequired, context) is { } missingTitle)
        {
            yield return missingTitle;
        }
        else if (!string.IsNullOrWhiteSpace(metadata.Title))
        {
            if (agency.TitleMinLength is { Value: { } min } minFact && metadata.Title.Trim().Length < min)
            {
                var length = metadata.Title.Trim().Length;
                yield return new Problem(
                    "title.too-short",
                    ValidationContext.LimitSeverity(minFact.Confidence),
                    MetadataField.Title,
                    $"Title has {ValidationContext.Count(length, "character")}: {context.AgencyName} needs at least {min} — add {min - length} more.{context.Certainty(minFact)}");
            }

            if (agency.TitleForbidsCommas is { Value: true } commaRule && metadata.Title.Contains(',', StringComparison.Ordinal))
            {
                yield return new Problem(
                    "title.comma",
                    ValidationContext.LimitSeverity(commaRule.Confidence),
                    MetadataField.Title,
                    $"{context.AgencyName} wants titles without commas.{context.Certainty(commaRule)}")
                {
                    Fix = new MetadataFix("Take the commas out of the title", fixing => fixing with { Title = TextTidy.Tidy(fixing.Title.Replace(',', ' ')) }),
                };
            }

            foreach (var problem in Content(metadata, Title, context))
            {
                yield return problem;
            }
        }

        if (Missing(metadata, Description, agency.DescriptionRequired, context) is { } missingDescription)
        {
            yield return missingDescription;
        }
        else if (!string.IsNullOrWhiteSpace(metadata.Description))
        {
            foreach (var problem in Content(metadata, Description, context))
            {
                yield return problem;
            }

            if (string.Equals(metadata.Description.Trim(), metadata.Title.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                yield return new Problem(
                    "description.same-as-title",
                    Severity.Info,
                    MetadataField.Description,
                    "The description repeats the title word for word: a sentence saying more (who, where, what is happening) helps buyers find the image.");
            }
        }
    }

    /// <summary>Title and description over the agency's limits; reported after every clean-up (see <see cref="MetadataValidator"/>).</summary>
    public static IEnumerable<Problem> CheckLengths(ImageMetadata metadata, ValidationContext context)
    {
        if (TooLong(metadata, Title, context.Agency.TitleMaxLength, TextTruncation.AtWord, "at a word boundary", context) is { } title)
        {
            yield return title;
        }

        if (TooLong(metadata, Description, context.Agency.DescriptionMaxLength, TextTruncation.AtSentence, "at the end of a sentence or word", context) is { } description)
        {
            yield return description;
        }
    }

    private static Problem? Missing(ImageMetadata metadata, TextField field, bool required, ValidationContext context) =>
        required && string.IsNullOrWhiteSpace(field.Get(metadata))
            ? new Problem($"{field.Code}.missing", Severity.Blocking, field.Field, $"{context.AgencyName} needs a {field.Label.ToLowerInvariant()}; this image has none.")
            : null;

    private static Problem? TooLong(ImageMetadata metadata, TextField field, Sourced<int?> limit, Func<string, int, string> cut, string how, ValidationContext context)
    {
        var length = field.Get(metadata).Trim().Length;
        if (limit.Value is not { } max || length <= max)
        {
            return null;
        }

        return new Problem(
            $"{field.Code}.too-long",
            ValidationContext.LimitSeverity(limit.Confidence),
            field.Field,
            $"{field.Label} has {length} characters: {context.AgencyName} takes {max} at most.{context.Certainty(limit)}")
        {
            Fix = new MetadataFix($"Cut the {field.Label.ToLowerInvariant()} to {max} characters {how}", fixing => field.With(fixing, cut(field.Get(fixing), max))),
        };
    }

    private static IEnumerable<Problem> Content(ImageMetadata metadata, TextField field, ValidationContext context)
    {
        var text = field.Get(metadata);
        var label = field.Label;
        if (context.Agency.EnglishAsciiOnly && !AsciiFolding.IsAscii(text))
        {
            var characters = ValidationContext.Examples(AsciiFolding.NonAsciiCharacters(text).Select(character => character.ToString()), 8);
            yield return new Problem(
                $"{field.Code}.non-ascii",
                Severity.Blocking,
                field.Field,
                $"{context.AgencyName} takes plain English letters only; the {label.ToLowerInvariant()} has {characters}.")
            {
                Fix = AsciiFolding.CanFold(text)
                    ? new MetadataFix("Replace accented letters and typographic quotes with plain ones (é → e)", fixing => field.With(fixing, AsciiFolding.Fold(field.Get(fixing))))
                    : null,
            };
        }

        if (KeywordHygiene.SpecialCharacters(text) is { Count: > 0 } special)
        {
            yield return new Problem(
                $"{field.Code}.special-characters",
                Severity.Warning,
                field.Field,
                $"{label} has special characters ({string.Join(" ", special)}) that agencies reject or strip.")
            {
                Fix = new MetadataFix("Remove the special characters", fixing => field.With(fixing, KeywordHygiene.RemoveSpecialCharacters(field.Get(fixing)))),
            };
        }

        if (!metadata.Has(ContentFlags.Editorial) && Trademarks.FindIn(text) is { Count: > 0 } brands)
        {
            yield return new Problem(
                $"{field.Code}.trademark",
                Severity.Warning,
                field.Field,
                $"{label} names {ValidationContext.Examples(brands)}: {context.AgencyName} refuses brand names in commercial (non-editorial) images.")
            {
                Fix = new MetadataFix("Take the brand names out", fixing => field.With(fixing, Trademarks.RemoveFrom(field.Get(fixing)))),
            };
        }

        if (AiToolNames.FindIn(text) is { Count: > 0 } names)
        {
            yield return new Problem(
                $"{field.Code}.ai-tool",
                context.Agency.ForbidsAiToolNames ? Severity.Blocking : Severity.Warning,
                field.Field,
                $"{label} says {ValidationContext.Examples(names)}: {AiToolNamesReason(context)}")
            {
                Fix = new MetadataFix("Take the AI tool names out", fixing => field.With(fixing, AiToolNames.RemoveFrom(field.Get(fixing)))),
            };
        }
    }

    /// <summary>Why AI tool names are a problem at this agency, shared with the keyword check.</summary>
    public static string AiToolNamesReason(ValidationContext context) => context.Agency.ForbidsAiToolNames
        ? $"{context.AgencyName} refuses AI tool names and \"AI generated\" in titles and keywords; declare AI content with its AI setting instead."
        : "the AI-generated flag already says so, and buyers do not search for tool names.";

    private sealed record TextField(MetadataField Field, string Label, string Code, Func<ImageMetadata, string> Get, Func<ImageMetadata, string, ImageMetadata> With);
}
