using Microsoft.Extensions.Options;
using TagMyStock.Core.Metadata;
using TagMyStock.Web.Features.Gallery.Upload;
using TagMyStock.Web.Features.Generation.Fal;
using TagMyStock.Web.Features.Jobs;
using TagMyStock.Web.Features.Tagging;
using TagMyStock.Web.Features.Usage;
using TagMyStock.Web.Infrastructure;
using TagMyStock.Web.Infrastructure.ExternalServices;
using TagMyStock.Web.Infrastructure.Storage;

namespace TagMyStock.Web.Features.Generation;

/// <summary>
/// Generates images through FAL.ai's queue and stores them in the owner's gallery: submit (the request id is saved
/// at once), follow the request by polling, read the result, download and store each image, record the usage, and
/// start tagging when asked. A resumed job follows the request its checkpoint names and never submits again; images
/// already stored are not stored twice.
/// </summary>
internal sealed partial class GenerateJob(
    FalQueueClient fal,
    IImageIntake intake,
    IJobQueue jobs,
    IOptions<FalOptions> falOptions,
    IOptions<GenerationOptions> options,
    IOptions<TagMyStockOptions> app,
    TimeProvider time,
    ILogger<GenerateJob> logger) : IJobHandler
{
    public const string Kind = "generate";

    /// <summary>The usage log's engine name for FAL.ai.</summary>
    public const string Engine = "fal";

    public async Task RunAsync(JobContext job, CancellationToken cancellationToken)
    {
        var input = job.Input<GenerateInput>();
        var model = falOptions.Value.Models.TryGetValue(input.Model, out var found) && found.Kind == FalModelKind.TextToImage
            ? found
            : throw new JobFailedException($"The model \"{input.Model}\" is no longer offered; generate again with another.", transient: false);
        var checkpoint = job.Checkpoint<GenerateCheckpoint>() ?? await SubmitAsync(job, input, model, cancellationToken);

        if (!checkpoint.Completed)
        {
            try
            {
                await FollowAsync(job, input, model, checkpoint, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // A cancelled job stops its request too (a queued one then costs nothing); a server that is
                // stopping leaves it running, to be followed after the restart.
                if (await job.IsCancelRequestedAsync(CancellationToken.None))
                {
                    await CancelAtFalAsync(job, input, model, checkpoint);
                }

                throw;
            }

            checkpoint = checkpoint with { Completed = true };
            await job.SaveCheckpointAsync(checkpoint, cancellationToken);
        }

        var result = await CallAsync(() => fal.GetResultAsync(checkpoint.ModelId, checkpoint.RequestId, cancellationToken));
        // FAL bills a completed request, whatever becomes of its images here.
        RecordUsage(job, input, model, result.Images.Count);
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

        if (input.TagOnArrival && checkpoint.TagJobId is null)
        {
            var tagging = new TagSelectionInput(stored, Hint: null, NotFound: 0);
            var tagJob = await jobs.EnqueueAsync(job.OwnerId, TagSelectionJob.Kind, tagging, TagSelectionDetail.From(tagging, new TagSelectionProgress(0, 0, [])), CancellationToken.None);
            checkpoint = checkpoint with { TagJobId = tagJob.Id };
            await job.SaveCheckpointAsync(checkpoint, CancellationToken.None);
        }

        var skipped = checkpoint.Outputs.Count - stored.Count;
        await job.ReportAsync(
            100,
            $"Done: {stored.Count} image(s) added to your gallery" + (skipped > 0 ? $", {skipped} not stored" : "") + (checkpoint.TagJobId is null ? "." : ", and tagging has started."),
            GenerationDetail.From(input, model, checkpoint),
            cancellationToken);
    }

    /// <summary>Submits the run; the request id is saved before anything else can happen, even a cancellation.</summary>
    private async Task<GenerateCheckpoint> SubmitAsync(JobContext job, GenerateInput input, FalModel model, CancellationToken cancellationToken)
    {
        await job.ReportAsync(2, "Sending the request to FAL.ai", GenerationDetail.Initial(input, model), cancellationToken);
        var submission = await CallAsync(() => fal.SubmitAsync(model.Id, FalInputs.TextToImage(model, input.ToRequest()), webhook: null, cancellationToken));
        var checkpoint = new GenerateCheckpoint(submission.ModelId, submission.RequestId, time.GetUtcNow().UtcDateTime);
        await job.SaveCheckpointAsync(checkpoint, CancellationToken.None);
        return checkpoint;
    }

    /// <summary>Polls the request's status until FAL has finished it, saying where it stands in the job's note.</summary>
    private async Task FollowAsync(JobContext job, GenerateInput input, FalModel model, GenerateCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var detail = GenerationDetail.From(input, model, checkpoint);
        while (true)
        {
            var status = await CallAsync(() => fal.GetStatusAsync(checkpoint.ModelId, checkpoint.RequestId, cancellationToken));
            if (status.State == FalRequestState.Completed)
            {
                return;
            }

            if (time.GetUtcNow().UtcDateTime - checkpoint.SubmittedAt > settings.GiveUpAfter)
            {
                await CancelAtFalAsync(job, input, model, checkpoint);
                throw new JobFailedException($"FAL.ai did not finish the request within {settings.GiveUpAfter.TotalMinutes:0} minutes; it was cancelled.", transient: false);
            }

            var (percent, note) = status.State == FalRequestState.InQueue
                ? (10, status.QueuePosition switch
                {
                    null => "Waiting in FAL.ai's queue",
                    0 => "Next in FAL.ai's queue",
                    var ahead => $"Waiting in FAL.ai's queue: {ahead} request(s) ahead",
                })
                : (30, status.Logs.LastOrDefault(log => !string.IsNullOrWhiteSpace(log.Message)) is { } log
                    ? $"Generating: {log.Message}"
                    : "Generating");
            await job.ReportAsync(percent, note, detail, cancellationToken);
            await Task.Delay(settings.PollInterval, time, cancellationToken);
        }
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
        var download = await CallAsync(() => fal.DownloadAsync(result.Images[index], file, cancellationToken));
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

    /// <summary>Asks FAL to drop the request; a failure to ask is logged, never thrown, as the job ends either way.</summary>
    private async Task CancelAtFalAsync(JobContext job, GenerateInput input, FalModel model, GenerateCheckpoint checkpoint)
    {
        try
        {
            if (await fal.CancelAsync(checkpoint.ModelId, checkpoint.RequestId, CancellationToken.None) == FalCancelOutcome.AlreadyCompleted)
            {
                RecordUsage(job, input, model, input.Images);
            }
        }
        catch (ExternalServiceException exception)
        {
            LogCancelFailed(logger, exception, checkpoint.RequestId, job.Id);
        }
    }

    /// <summary>The price FAL publishes for the run (from the catalogue) as its cost: FAL's queue does not report one.</summary>
    private static void RecordUsage(JobContext job, GenerateInput input, FalModel model, int images)
    {
        var (width, height) = FalInputs.SizeOf(input.ToRequest().AspectRatio);
        job.RecordUsage(new UsageEntry(Engine, model.Id, images, ProviderCost: FalPricing.Estimate(model, images, width, height)));
    }

    /// <summary>A failed FAL call as a job failure: transient ones are retried by the job, permanent ones end it with FAL's reason.</summary>
    private static async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (ExternalServiceException failure)
        {
            throw new JobFailedException(failure.Message, failure.IsTransient, failure.RetryAfter, failure);
        }
    }

    [LoggerMessage(LogLevel.Warning, "FAL request {RequestId} of job {JobId} could not be cancelled")]
    private static partial void LogCancelFailed(ILogger logger, Exception exception, string requestId, Guid jobId);
}
