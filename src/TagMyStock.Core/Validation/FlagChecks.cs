using TagMyStock.Core.Agencies;
using TagMyStock.Core.Metadata;

namespace TagMyStock.Core.Validation;

/// <summary>AI-generated content against the agency's AI policy.</summary>
internal static class FlagChecks
{
    public static IEnumerable<Problem> Check(ImageMetadata metadata, ValidationContext context)
    {
        var declaredBySourceType = Metadata.DigitalSourceType.IsGenerativeAi(metadata.DigitalSourceType);
        if (declaredBySourceType && !metadata.Has(ContentFlags.AiGenerated))
        {
            yield return new Problem(
                "flags.ai-flag-missing",
                Severity.Warning,
                MetadataField.Flags,
                "The digital source type says this image was made with generative AI, but it is not flagged AI-generated.")
            {
                Fix = new MetadataFix("Flag the image as AI-generated", fixing => fixing with { Flags = fixing.Flags | ContentFlags.AiGenerated }),
            };
        }

        if (!declaredBySourceType && !metadata.Has(ContentFlags.AiGenerated))
        {
            yield break;
        }

        var name = context.AgencyName;
        var policy = context.Agency.Ai;
        var certainty = context.Certainty(policy);
        var note = context.Agency.AiNote;
        var problem = policy.Value switch
        {
            AiPolicy.Banned => new Problem("flags.ai-banned", Severity.Blocking, MetadataField.Flags, $"{name} does not accept AI-generated images.{certainty}"),
            AiPolicy.AcceptedWithConditions => new Problem(
                "flags.ai-conditions",
                Severity.Warning,
                MetadataField.Flags,
                $"{name} accepts AI-generated images only on its conditions: {note ?? "see its contributor guidelines"}{certainty}"),
            AiPolicy.Accepted when note is not null => new Problem("flags.ai-note", Severity.Info, MetadataField.Flags, $"{name} accepts AI-generated images: {note}{certainty}"),
            AiPolicy.Accepted => null,
            _ => new Problem(
                "flags.ai-unknown",
                Severity.Warning,
                MetadataField.Flags,
                $"We could not confirm {name}'s AI policy; check its contributor guidelines before uploading AI-generated images.{certainty}"),
        };
        if (problem is not null)
        {
            yield return problem;
        }
    }
}
