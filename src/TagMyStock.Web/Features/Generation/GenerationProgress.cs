using System.Text.Json.Serialization;
using TagMyStock.Web.Features.Gallery;
using TagMyStock.Web.Features.Generation.Fal;

namespace TagMyStock.Web.Features.Generation;

/// <summary>
/// What a generate job must remember to resume without paying twice or storing twice: the FAL request it submitted
/// (saved the moment FAL gave its id), whether FAL finished it, and each output's image id, chosen before the image
/// is stored, with what became of it.
/// </summary>
internal sealed record GenerateCheckpoint(string ModelId, string RequestId, DateTime SubmittedAt)
{
    [JsonIgnore]
    public FalRequest Request => new(ModelId, RequestId, SubmittedAt);

    public bool Completed { get; init; }

    public long? Seed { get; init; }

    /// <summary>One per image FAL returned, in its order; empty until the result has been read once.</summary>
    public IReadOnlyList<GeneratedOutput> Outputs { get; init; } = [];

    /// <summary>The tagging job started for the new images, when the user asked to tag them on arrival.</summary>
    public Guid? TagJobId { get; init; }

    public static GenerateCheckpoint For(FalRequest request) => new(request.ModelId, request.RequestId, request.SubmittedAt);

    public GenerateCheckpoint With(int index, GeneratedOutput output) =>
        this with { Outputs = [.. Outputs.Select((existing, at) => at == index ? output : existing)] };
}

[JsonConverter(typeof(JsonStringEnumConverter<OutputState>))]
internal enum OutputState
{
    Pending,
    Stored,
    Skipped,
}

/// <param name="ImageId">The gallery image this output becomes; fixed before it is stored, so a retry finds it.</param>
/// <param name="Problem">Why it was not stored, in words for the user.</param>
internal sealed record GeneratedOutput(Guid ImageId, int Width, int Height, OutputState State, string? FileName = null, string? Problem = null);

/// <summary>A generate job's <see cref="Jobs.JobResponse.Detail"/>: the run as asked, and the images that arrived.</summary>
/// <param name="Model">The model's label.</param>
/// <param name="Price">The run's price before it was submitted, e.g. "$0.006".</param>
/// <param name="Problems">Why an image FAL made is not in the gallery.</param>
/// <param name="TagJobId">The job tagging the new images, when the user asked to tag them on arrival.</param>
public sealed record GenerationDetail(
    string Model,
    string Prompt,
    int Requested,
    string Price,
    IReadOnlyList<GeneratedImageDetail> Images,
    IReadOnlyList<string> Problems,
    Guid? TagJobId)
{
    internal static GenerationDetail Initial(GenerateInput input, FalModel model) =>
        new(GenerationChoices.Label(model), input.Prompt, input.Images, GenerationChoices.Price(FalPricing.Estimate(model, input.ToRequest())), [], [], null);

    internal static GenerationDetail From(GenerateInput input, FalModel model, GenerateCheckpoint checkpoint) => Initial(input, model) with
    {
        Images = [.. checkpoint.Outputs
            .Where(output => output.State == OutputState.Stored)
            .Select(output => new GeneratedImageDetail(output.ImageId, output.FileName!, output.Width, output.Height, checkpoint.Seed, $"/images/{output.ImageId:D}", ImagesApi.ThumbnailUrl(output.ImageId)))],
        Problems = [.. checkpoint.Outputs.Where(output => output.Problem is not null).Select(output => output.Problem!)],
        TagJobId = checkpoint.TagJobId,
    };
}

/// <summary>A generated image in the gallery.</summary>
/// <param name="Editor">The image's page in the metadata editor.</param>
/// <param name="Thumbnail">Its thumbnail; 404 for a moment, until the derivative worker has made it.</param>
public sealed record GeneratedImageDetail(Guid Id, string FileName, int Width, int Height, long? Seed, string Editor, string Thumbnail);
