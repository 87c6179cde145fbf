using TagMyStock.Core.Agencies;

namespace TagMyStock.Core.Validation;

/// <summary>The uploaded file's name against the agency's <see cref="Agencies.FileNameRule"/>.</summary>
internal static class FileNameChecks
{
    public static IEnumerable<Problem> Check(string? fileName, ValidationContext context)
    {
        if (context.Agency.FileName is not { } rule || string.IsNullOrEmpty(fileName))
        {
            yield break;
        }

        var name = Path.GetFileName(fileName);
        var severity = ValidationContext.LimitSeverity(rule.Confidence);
        var certainty = context.Certainty(rule.Confidence, rule.Source);

        // The whole name, extension included, is what the agency's upload form and CSV column see.
        if (rule.MaxLength is { } max && name.Length > max)
        {
            yield return new Problem(
                "file-name.too-long",
                severity,
                MetadataField.FileName,
                $"File name \"{name}\" has {name.Length} characters: {context.AgencyName} takes {max} at most. Rename the file, or let TagMyStock do it: the web app's ZIP export and the command line's tag --embed --rename write copies under names every chosen agency takes.{certainty}");
        }

        if (rule.AllowedCharacters is { } allowed)
        {
            var refused = Path.GetFileNameWithoutExtension(name)
                .Where(character => !AgencyFileNames.Allows(rule, character))
                .Select(character => character.ToString())
                .Distinct(StringComparer.Ordinal)
                .Select(character => character == " " ? "space" : $"\"{character}\"")
                .ToList();
            if (refused.Count > 0)
            {
                yield return new Problem(
                    "file-name.characters",
                    severity,
                    MetadataField.FileName,
                    $"File name \"{name}\" has characters {context.AgencyName} does not allow ({string.Join(", ", refused)}): its rule is [{allowed}] before the extension. Rename the file, or let TagMyStock do it: the web app's ZIP export and the command line's tag --embed --rename write copies under names every chosen agency takes.{certainty}");
            }
        }
    }
}
