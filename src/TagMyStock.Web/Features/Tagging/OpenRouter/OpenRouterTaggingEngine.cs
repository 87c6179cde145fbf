using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using TagMyStock.Core.Agencies;
using TagMyStock.Core.Keywords;
using TagMyStock.Core.Metadata;
using TagMyStock.Core.Tagging;
using TagMyStock.Core.Validation;
using TagMyStock.Web.Infrastructure.ExternalServices;

namespace TagMyStock.Web.Features.Tagging.OpenRouter;

/// <summary>
/// Tags one image with a vision model through OpenRouter: the image downscaled, an instruction aimed at the
/// user's agencies, a JSON schema for the answer; the answer then goes through the same keyword hygiene and
/// agency fixes as every engine's. The usage the provider reports travels with the result.
/// </summary>
/// <remarks>
/// One image per request: a batch in one request saves only the instruction's few hundred tokens and lets one
/// image's keywords bleed into another's.
/// </remarks>
public sealed class OpenRouterTaggingEngine(OpenRouterClient client, IOptions<OpenRouterOptions> options) : ITaggingEngine
{
    public const string EngineName = "openrouter";

    private const double Temperature = 0.2;

    private readonly OpenRouterOptions _options = options.Value;

    public string Name => EngineName;

    /// <summary>Whether a key is set; without one <see cref="TagAsync"/> fails with <see cref="ExternalServiceFailure.NotConfigured"/>.</summary>
    public bool IsConfigured => client.IsConfigured;

    /// <exception cref="ExternalServiceException">The service failed; <see cref="ExternalServiceException.IsTransient"/> says whether to try again later.</exception>
    /// <exception cref="ArgumentException">The input has no <see cref="TaggingInput.ImagePath"/>: a vision model needs the pixels.</exception>
    public async Task<TaggingResult> TagAsync(TaggingInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!IsConfigured)
        {
            throw OpenRouterClient.NotConfigured();
        }

        if (input.ImagePath is null)
        {
            throw new ArgumentException("The vision-model engine needs the image itself: set TaggingInput.ImagePath.", nameof(input));
        }

        var prompt = TaggingPrompt.For(input);
        var image = VisionImage.DataUrl(input.ImagePath, _options.MaxImageSide);
        var (message, response) = await client.CompleteAsync(Request(prompt, image), cancellationToken);
        var billed = client.Billed(response);
        var answer = ReadAnswer(message.Content!, billed);
        var model = client.AnsweringModel(response);
        return Result(input, prompt, answer, model) with { Usage = billed ?? new EngineUsage(model, 0, 0, Cost: null) };
    }

    private ChatRequest Request(TaggingPrompt prompt, string imageDataUrl) => new(
        _options.Model,
        [new ChatMessage("user", [new TextPart(prompt.Instruction), new ImagePart(new ImageUrl(imageDataUrl))])],
        new ResponseFormat("json_schema", new JsonSchemaFormat("stock_metadata", Strict: true, prompt.Schema)),
        _options.MaxAnswerTokens,
        Temperature,
        // Only endpoints that honour response_format may serve: an endpoint that ignores it answers in prose.
        new ProviderPreferences(RequireParameters: true, DataCollection: _options.AllowProviderDataCollection ? "allow" : "deny"))
    {
        Models = _options.Fallbacks.Count > 0 ? [_options.Model, .. _options.Fallbacks] : null,
    };

    private static TaggingAnswer ReadAnswer(string content, EngineUsage? billed)
    {
        // Strictness varies by provider: some wrap the JSON in a code fence, and the schema is checked here again.
        var json = content.Trim();
        if (json.StartsWith("```", StringComparison.Ordinal))
        {
            json = json.Trim('`').Trim();
            json = json.StartsWith("json", StringComparison.OrdinalIgnoreCase) ? json[4..] : json;
        }

        TaggingAnswer? answer;
        try
        {
            answer = JsonSerializer.Deserialize(json, OpenRouterJson.Default.TaggingAnswer);
        }
        catch (JsonException exception)
        {
            throw OpenRouterClient.Malformed("the metadata was not valid JSON", billed, exception);
        }

        return answer is { Title: not null, Keywords.Count: > 0 } ? answer : throw OpenRouterClient.Malformed("the metadata had no title or no keywords", billed);
    }

    private TaggingResult Result(TaggingInput input, TaggingPrompt prompt, TaggingAnswer answer, string model)
    {
        var keywords = KeywordHygiene.Deduplicate(answer.Keywords!
                .Select(keyword => KeywordHygiene.Lowercase(KeywordHygiene.RemoveSpecialCharacters(KeywordHygiene.Normalize(keyword))))
                .Where(keyword => !KeywordHygiene.IsEmpty(keyword)))
            .Take(LocalTextEngine.MaxKeywords)
            .ToList();
        var categories = input.Existing;
        foreach (var agency in prompt.CategorisedAgencies)
        {
            var name = answer.Categories?.GetValueOrDefault(agency.Id);
            var category = agency.Categories.Value.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
            if (category is not null)
            {
                categories = categories.WithCategory(agency.Id, category.Code);
            }
        }

        var flags = Flags(input, answer.Flags);
        var metadata = categories with
        {
            Title = KeywordHygiene.Normalize(answer.Title!),
            Description = KeywordHygiene.Normalize(answer.Description ?? ""),
            Keywords = keywords,
            Flags = flags,
        };
        var reason = $"named by the vision model {model}";
        var fixedForAgencies = input.Agencies.Aggregate(metadata, (current, agency) => MetadataFixer.AutoFix(current, agency));
        return new TaggingResult(fixedForAgencies, Name)
        {
            Evidence = [.. fixedForAgencies.Keywords.Select((keyword, rank) => new Evidence(keyword, [EvidenceSource.Pixels], Score(rank, fixedForAgencies.Keywords.Count)) { Reasons = [reason] })],
            Warnings = Warnings(input.Agencies, fixedForAgencies),
        };
    }

    private static double Score(int rank, int count) => Math.Round(1.0 - ((double)rank / Math.Max(1, count)), 3);

    private static ContentFlags Flags(TaggingInput input, TaggingAnswerFlags? seen)
    {
        var flags = input.Existing.Flags;
        var generated = !string.IsNullOrWhiteSpace(input.GenerationPrompt) || Generators.IsNamedIn(input.GeneratorName)
            || input.Existing.Has(ContentFlags.AiGenerated) || DigitalSourceType.IsGenerativeAi(input.Existing.DigitalSourceType);
        flags |= generated ? ContentFlags.AiGenerated : ContentFlags.None;
        if (seen is null)
        {
            return flags;
        }

        flags |= seen.Editorial ? ContentFlags.Editorial : ContentFlags.None;
        flags |= seen.Mature ? ContentFlags.MatureContent : ContentFlags.None;
        flags |= seen.Illustration ? ContentFlags.Illustration : ContentFlags.None;
        flags |= seen.RecognizableProperty ? ContentFlags.PropertyReleaseNeeded : ContentFlags.None;
        // Generated people are fictional: a model release is needed only for real ones.
        flags |= seen.RecognizablePeople && !generated ? ContentFlags.PeopleReleaseNeeded : ContentFlags.None;
        return flags;
    }

    private static List<string> Warnings(IReadOnlyList<AgencyProfile> agencies, ImageMetadata metadata)
    {
        var warnings = new List<string> { "Written by a vision model: check that every keyword matches the image before sending it." };
        var wanted = agencies.Select(agency => agency.KeywordMin.Value).OfType<int>().DefaultIfEmpty(LocalTextEngine.ThinEvidenceKeywords).Max();
        if (metadata.Keywords.Count < wanted)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"Only {metadata.Keywords.Count} keyword(s) are left after clean-up; your agencies want at least {wanted}."));
        }

        return warnings;
    }
}
