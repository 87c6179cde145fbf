using NetVips;
using TagMyStock.Web.Features.Gallery.Derivatives;
using TagMyStock.Web.Features.Jobs;
using TagMyStock.Web.Features.Usage;

namespace TagMyStock.Web.Features.ImageEditing;

/// <summary>Makes a <see cref="ImageEditKind.Transform"/> edit from the source's original, here, at no cost.</summary>
internal sealed class LocalTransformEditor(DecodeGate decodes) : IImageEditor
{
    /// <summary>The usage log's engine name for edits made here.</summary>
    public const string Engine = "local";

    public async Task<EditedImage> EditAsync(EditRun run, CancellationToken cancellationToken)
    {
        var steps = run.Input.Transform ?? throw new JobFailedException("The edit does not say what to change.", transient: false);
        TransformResult result;
        using (await decodes.EnterAsync(cancellationToken))
        {
            try
            {
                result = LocalTransform.Apply(run.Original, run.Source.Format, steps, run.Output);
            }
            catch (VipsException exception)
            {
                throw new JobFailedException($"The image could not be edited: {VipsMessages.Describe(exception)}", transient: false, inner: exception);
            }
        }

        run.Job.RecordUsage(new UsageEntry(Engine, "libvips", 1, ImageId: run.Source.Id));
        return new EditedImage(result.Format, result.Description, DigitalSourceType: null);
    }
}
