using TagMyStock.Web.Features.Gallery;
using TagMyStock.Web.Features.Jobs;

namespace TagMyStock.Web.Features.ImageEditing;

/// <summary>
/// Makes the new image of one kind of edit (<see cref="LocalTransformEditor"/> makes transforms here). Registered
/// keyed by the <see cref="ImageEditKind"/>s it makes, with <see cref="ImageEditingExtensions.AddImageEditor{TEditor}"/>.
/// </summary>
internal interface IImageEditor
{
    /// <summary>
    /// Writes the edited image to <see cref="EditRun.Output"/> and records the work's usage in the job. Throws
    /// <see cref="JobFailedException"/> when it cannot.
    /// </summary>
    Task<EditedImage> EditAsync(EditRun run, CancellationToken cancellationToken);
}

/// <summary>One edit being made.</summary>
/// <param name="Source">The image edited (read-only: it is never overwritten).</param>
/// <param name="Original">A local, seekable copy of the source's original file, at position 0.</param>
/// <param name="Output">An empty work file the editor writes the new image to.</param>
internal sealed record EditRun(JobContext Job, EditInput Input, StockImage Source, EditCheckpoint Checkpoint, Stream Original, Stream Output);

/// <summary>What an editor wrote.</summary>
/// <param name="Format">One of <see cref="ImageFormats"/>.</param>
/// <param name="Description">What the edit did, in words, kept with the new image.</param>
/// <param name="DigitalSourceType">The new image's IPTC digital source type; null keeps the source's.</param>
internal sealed record EditedImage(string Format, string Description, string? DigitalSourceType);
