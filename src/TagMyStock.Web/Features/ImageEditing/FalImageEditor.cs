using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using NetVips;
using TagMyStock.Core.Metadata;
using TagMyStock.Web.Features.Gallery.Derivatives;
using TagMyStock.Web.Features.Gallery.Upload;
using TagMyStock.Web.Features.Generation;
using TagMyStock.Web.Features.Generation.Fal;
using TagMyStock.Web.Features.Jobs;
using TagMyStock.Web.Features.Usage;
using TagMyStock.Web.Infrastructure;
using TagMyStock.Web.Infrastructure.Storage;

namespace TagMyStock.Web.Features.ImageEditing;

/// <summary>
/// Makes the edits FAL.ai's models make (upscale, background removal, instruction edit, inpainting): the source
/// sent as a data URL (<see cref="FalEditImages"/>), the request submitted, checkpointed and followed by
/// <see cref="FalRequestRunner"/> (a resumed job follows the request it has instead of paying for another), the
/// result downloaded, and on white flattened here for a background removal that asks for it.
/// </summary>
internal sealed class FalImageEditor(
    FalRequestRunner fal,
    DecodeGate decodes,
    IOptions<FalOptions> options,
    IOptions<TagMyStockOptions> app) : IImageEditor
{
    public async Task<EditedImage> EditAsync(EditRun run, CancellationToken cancellationToken)
    {
        var input = run.Input;
        var model = Model(input);
        var detail = new EditDetail(run.Source.Id, EditDescriptions.Operation(input));
        var expected = EditPricing.OutputSize(model, run.Source.Width, run.Source.Height);
        var checkpoint = run.Checkpoint;
        if (checkpoint.FalRequest is null)
        {
            await run.Job.ReportAsync(8, "Preparing the image for FAL.ai", detail, cancellationToken);
            var request = await RequestAsync(run, model, cancellationToken);
            await run.Job.ReportAsync(10, "Sending the image to FAL.ai", detail, cancellationToken);
            checkpoint = await fal.SubmitAsync(run.Job, model.Id, request, submitted => checkpoint with { FalRequest = submitted }, cancellationToken);
        }

        var falRequest = checkpoint.FalRequest!;
        if (!checkpoint.FalCompleted)
        {
            await fal.FollowAsync(run.Job, falRequest, new FalProgress(Working(input), detail, Usage(run, model, expected)), cancellationToken);
            checkpoint = checkpoint with { FalCompleted = true };
            await run.Job.SaveCheckpointAsync(checkpoint, cancellationToken);
        }

        var result = await fal.GetResultAsync(falRequest, cancellationToken);
        var image = result.Images[0];
        // FAL bills a finished request, whatever becomes of its image here.
        run.Job.RecordUsage(Usage(run, model, (image.Width ?? expected.Width, image.Height ?? expected.Height)));

        await run.Job.ReportAsync(75, "Downloading the result from FAL.ai", detail, cancellationToken);
        string format;
        if (input is { Kind: ImageEditKind.RemoveBackground, Background: BackgroundFill.White })
        {
            await using var cutout = WorkFiles.Create(Path.Combine(app.Value.DataPath, "edits"));
            await fal.DownloadAsync(image, cutout, cancellationToken);
            cutout.Position = 0;
            await run.Job.ReportAsync(85, "Putting the subject on white", detail, cancellationToken);
            using (await decodes.EnterAsync(cancellationToken))
            {
                try
                {
                    FalEditImages.OnWhite(cutout, run.Output);
                }
                catch (VipsException exception)
                {
                    throw new JobFailedException($"FAL.ai's result could not be read: {VipsMessages.Describe(exception)}", transient: false, inner: exception);
                }
            }

            format = Gallery.ImageFormats.Jpeg;
        }
        else
        {
            await fal.DownloadAsync(image, run.Output, cancellationToken);
            format = await FormatOfAsync(run.Output, cancellationToken);
        }

        return new EditedImage(format, Description(input, model), DigitalSourceTypeOf(run));
    }

    private FalModel Model(EditInput input)
    {
        var kind = input.Kind switch
        {
            ImageEditKind.Upscale => FalModelKind.Upscale,
            ImageEditKind.RemoveBackground => FalModelKind.BackgroundRemoval,
            ImageEditKind.InstructionEdit => FalModelKind.InstructionEdit,
            ImageEditKind.Inpaint => FalModelKind.Inpainting,
            _ => throw new JobFailedException("FAL.ai does not make that kind of edit.", transient: false),
        };
        return input.Model is { } name && options.Value.Models.TryGetValue(name, out var model) && model.Kind == kind
            ? model
            : throw new JobFailedException($"The model “{input.Model}” is no longer offered for this edit; start the edit again with another.", transient: false);
    }

    /// <summary>The request body: the source (and the mask) as data URLs, made while holding a decode slot.</summary>
    private async Task<JsonObject> RequestAsync(EditRun run, FalModel model, CancellationToken cancellationToken)
    {
        var input = run.Input;
        using (await decodes.EnterAsync(cancellationToken))
        {
            try
            {
                var sent = FalEditImages.ImageDataUrl(run.Original, model.MaxInputMegapixels);
                return input.Kind switch
                {
                    ImageEditKind.Upscale => FalInputs.Upscale(model, sent.DataUrl),
                    ImageEditKind.RemoveBackground => FalInputs.BackgroundRemoval(model, sent.DataUrl),
                    ImageEditKind.InstructionEdit => FalInputs.InstructionEdit(model, sent.DataUrl, Required(input.Prompt)),
                    ImageEditKind.Inpaint => FalInputs.Inpainting(model, sent.DataUrl, FalEditImages.MaskDataUrl(Required(input.Mask), sent.Width, sent.Height), Required(input.Prompt)),
                    _ => throw new JobFailedException("FAL.ai does not make that kind of edit.", transient: false),
                };
            }
            catch (VipsException exception)
            {
                throw new JobFailedException($"The image could not be read: {VipsMessages.Describe(exception)}", transient: false, inner: exception);
            }
        }
    }

    private static T Required<T>(T? value)
        where T : class => value ?? throw new JobFailedException("The edit is missing what it needs (a prompt or a mask).", transient: false);

    /// <summary>The catalogue's price (<see cref="FalPricing"/>) of the image FAL made as the cost: FAL's queue reports none.</summary>
    private static UsageEntry Usage(EditRun run, FalModel model, (int Width, int Height) output) =>
        new(FalRequestRunner.Engine, model.Id, 1, ProviderCost: FalPricing.Estimate(model, 1, output.Width, output.Height), ImageId: run.Source.Id);

    /// <summary>The stored format from the file's bytes, not the content type a CDN happened to send.</summary>
    private static async Task<string> FormatOfAsync(Stream output, CancellationToken cancellationToken)
    {
        output.Position = 0;
        var head = new byte[FileSignature.Length];
        var read = await output.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        return FileSignature.ImageFormat(head.AsSpan(0, read))
            ?? throw new JobFailedException($"FAL.ai returned a file that is not a JPEG, PNG or WebP image (it looks like {FileSignature.Describe(head.AsSpan(0, read))}).", transient: false);
    }

    /// <summary>
    /// Instruction edits and inpainting put AI-made pixels in a photo: a composite, unless the source was all AI
    /// already. Upscaling and background removal add no content of their own, so the source's type holds.
    /// </summary>
    private static string? DigitalSourceTypeOf(EditRun run) => run.Input.Kind switch
    {
        ImageEditKind.InstructionEdit or ImageEditKind.Inpaint => run.Source.DigitalSourceType == DigitalSourceType.TrainedAlgorithmicMedia
            ? DigitalSourceType.TrainedAlgorithmicMedia
            : DigitalSourceType.CompositeWithTrainedAlgorithmicMedia,
        _ => null,
    };

    private static string Working(EditInput input) => input.Kind switch
    {
        ImageEditKind.Upscale => "Upscaling",
        ImageEditKind.RemoveBackground => "Removing the background",
        ImageEditKind.InstructionEdit => "Editing",
        _ => "Repainting",
    };

    private static string Description(EditInput input, FalModel model)
    {
        var by = GenerationChoices.Label(model);
        return input.Kind switch
        {
            ImageEditKind.Upscale => $"Upscaled {model.UpscaleFactor}× by {by}",
            ImageEditKind.RemoveBackground => input.Background == BackgroundFill.White
                ? $"Background removed (on white) by {by}"
                : $"Background removed (transparent) by {by}",
            ImageEditKind.InstructionEdit => $"Edited by {by}: “{input.Prompt}”",
            _ => $"Masked area repainted by {by}: “{input.Prompt}”",
        };
    }
}
