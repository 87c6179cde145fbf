using Microsoft.Extensions.Options;
using TagMyStock.Core.Metadata;
using TagMyStock.Web.Features.Gallery.Upload;
using TagMyStock.Web.Features.Generation.Fal;
using TagMyStock.Web.Features.Jobs;
using TagMyStock.Web.Features.Tagging;
using TagMyStock.Web.Features.Usage;
using TagMyStock.Web.Infrastructure;
using TagMyStock.Web.Infrastructure.Storage;

namespace TagMyStock.Web.Features.Generation;

/// <summary>
/// Generates images through FAL.ai's queue and stores them in the owner's gallery: submit and follow the request
/// (<see cref="FalRequestRunner"/>: the request id is saved at once), read the result, download and store each image, record the usage, and
/// start tagging when asked. A resumed job follows the request its checkpoint names and never submits again; images
/// already stored are not stored twice.
/// </summary>
internal sealed class GenerateJob(
    FalRequestRunner fal,
    IImageIntake intake,
    IJobQueue jobs,
    IOptions<FalOptions> falOptions,
    IOptions<TagMyStockOptions> app) : IJobHandler
{
    public const string Kind = "generate";

    /// <summary>The usage log's engine name for FAL.ai.</summary>
    public const string Engine = FalRequestRunner.Engine;

    public async Task RunAsync(JobContext job, CancellationToken cancellationToken)
    {
        var input = job.Input<GenerateInput>();
        var model = falOptions.Value.Models.TryGetValue(input.Model, out var found) && found.Kind == FalModelKind.TextToImage
            ? found
            : throw new JobFailedException($"The model \"{input.Model}\" is no longer offered; generate again with another.", transient: false);
        var checkpoint = job.Checkpoint<GenerateCheckpoint>();
        if (checkpoint is null)
        {
            await job.ReportAsync(2, "Sending the request to FAL.ai", GenerationDetail.Initial(input, model), cancellationToken);
            checkpoint = await fal.SubmitAsync(job, model.Id, FalInputs.TextToImage(model, input.ToRequest()), GenerateCheckpoint.For, cancellationToken);
        }

        if (!checkpoint.Completed)
        {
            var progress = new FalProgress("Generating", GenerationDetail.From(input, model, checkpoint), Usage(input, model, input.Images));
            await fal.FollowAsync(job, checkpoint.Request, progress, cancellationToken);
            checkpoint = checkpoint with { Completed = true };
            await job.SaveCheckpointAsync(checkpoint, cancellationToken);
        }

        var result = await fal.GetResultAsync(checkpoint.Request, cancellationToken);
        // FAL bills a completed request, whatever becomes of its images here.
        job.RecordUsage(Usage(input, model, result.Images.Count));
        if (checkpoint.Outputs.Count == 0)
        {
            var (width, height) = FalInputs.SizeOf(input.ToRequest().AspectRatio);
            checkpoint = checkpoint with
            {
                Seed = result.Seed ?? input.Seed,
                Outputs = [.. result.Images.Select(image => new GeneratedOutput(Guid.CreateVersion7(), image.Width ?? width, image.Height ?? height, OutputState.Pending))],
            };
            await job.SaveCheckpointAsync(checkpoint, cancellationToken);
        }
        else if (checkpoint.Outputs.Count != result.Images.Count)
        {
            throw new JobFailedException("FAL.ai returned a different set of images than before; generate again.", transient: false);
        }

        for (var index = 0; index < checkpoint.Outputs.Count; index++)
        {
            if (checkpoint.Outputs[index].State != OutputState.Pending)
            {
                continue;
            }

            await job.ReportAsync(
                40 + (55 * index / checkpoint.Outputs.Count),
                $"Storing image {index + 1} of {checkpoint.Outputs.Count} in your gallery",
                GenerationDetail.From(input, model, checkpoint),
                cancellationToken);
            var output = await StoreAsync(job, input, checkpoint, result, index, cancellationToken);
            checkpoint = checkpoint.With(index, output);
            await job.SaveCheckpointAsync(checkpoint, cancellationToken);
        }

        var stored = checkpoint.Outputs.Where(output => output.State == OutputState.Stored).Select(output => output.ImageId).ToList();
        if (stored.Count == 0)
        {
            throw new JobFailedException(
                $"No image could be stored: {string.Join(" ", checkpoint.Outputs.Select(output => output.Problem))}",
                transient: false);
        }

        if (input.TagOnArrival)
        {
            // The tagging job's id is saved before it is enqueued, so a resumed run finds it instead of tagging twice.
            if (checkpoint.TagJobId is null)
            {
                checkpoint = checkpoint with { TagJobId = Guid.CreateVersion7() };
                await job.SaveCheckpointAsync(checkpoint, CancellationToken.None);
            }

            var tagging = new TagSelectionInput(stored, Hint: null, NotFound: 0);
            await jobs.EnqueueOnceAsync(checkpoint.TagJobId.Value, job.OwnerId, TagSelectionJob.Kind, tagging, TagSelectionDetail.From(tagging, new TagSelectionProgress(0, 0, [])), CancellationToken.None);
        }

        var skipped = checkpoint.Outputs.Count - stored.Count;
        await job.ReportAsync(
            100,
            $"Done: {stored.Count} image(s) added to your gallery" + (skipped > 0 ? $", {skipped} not stored" : "") + (checkpoint.TagJobId is null ? "." : ", and tagging has started."),
            GenerationDetail.From(input, model, checkpoint),
            cancellationToken);
    }

    /// <summary>Downloads one output to a work file and stores it in the gallery under the id the checkpoint chose for it.</summary>
    private async Task<GeneratedOutput> StoreAsync(JobContext job, GenerateInput input, GenerateCheckpoint checkpoint, FalResult result, int index, CancellationToken cancellationToken)
    {
        var output = checkpoint.Outputs[index];
        if (index < result.NsfwFlags.Count && result.NsfwFlags[index])
        {
            return output with { State = OutputState.Skipped, Problem = $"Image {index + 1} was blocked by FAL.ai's safety checker." };
        }

        await using var file = WorkFiles.Create(Path.Combine(app.Value.DataPath, "generated"));
        var download = await fal.DownloadAsync(result.Images[index], file, cancellationToken);
        file.Position = 0;
        var provenance = new ImageProvenance(output.ImageId, DigitalSourceType.TrainedAlgorithmicMedia)
        {
            GenerationPrompt = input.Prompt,
            GenerationModel = checkpoint.ModelId,
            GenerationSeed = checkpoint.Seed,
        };
        var stored = await intake.AcceptAsync(job.OwnerId, GeneratedFileName.For(input.Prompt, checkpoint.Seed, index, download.ContentType), file, provenance, cancellationToken);
        return stored.Status == UploadResult.StoredStatus
            ? output with { State = OutputState.Stored, FileName = stored.FileName }
            : output with { State = OutputState.Skipped, Problem = $"Image {index + 1} was not stored: {stored.Reason}." };
    }

    /// <summary>The price FAL publishes for the run (from the catalogue) as its cost: FAL's queue does not report one.</summary>
    private static UsageEntry Usage(GenerateInput input, FalModel model, int images)
    {
        var (width, height) = FalInputs.SizeOf(input.ToRequest().AspectRatio);
        return new UsageEntry(Engine, model.Id, images, ProviderCost: FalPricing.Estimate(model, images, width, height));
    }
}
