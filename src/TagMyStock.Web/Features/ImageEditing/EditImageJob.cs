using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TagMyStock.Web.Features.Gallery;
using TagMyStock.Web.Features.Gallery.Upload;
using TagMyStock.Web.Features.Jobs;
using TagMyStock.Web.Infrastructure;
using TagMyStock.Web.Infrastructure.Data;
using TagMyStock.Web.Infrastructure.Storage;

namespace TagMyStock.Web.Features.ImageEditing;

/// <summary>
/// Makes an edited copy of an image and stores it in the owner's gallery as a new image linked to its source, with
/// the source's metadata; the source is never changed. The new image's id is chosen and saved first, so a resumed
/// job stores it once; a FAL.ai edit also follows the request its checkpoint names instead of paying for another.
/// </summary>
internal sealed class EditImageJob(
    AppDbContext db,
    IBlobStore blobs,
    IImageIntake intake,
    IServiceProvider services,
    IOptions<TagMyStockOptions> app) : IJobHandler
{
    public const string Kind = "edit";

    public async Task RunAsync(JobContext job, CancellationToken cancellationToken)
    {
        var input = job.Input<EditInput>();
        var checkpoint = job.Checkpoint<EditCheckpoint>();
        if (checkpoint is null)
        {
            checkpoint = new EditCheckpoint(Guid.CreateVersion7());
            await job.SaveCheckpointAsync(checkpoint, cancellationToken);
        }

        var source = await db.Set<StockImage>().AsNoTracking().OwnedBy(job.OwnerId).SingleOrDefaultAsync(image => image.Id == input.SourceImageId, cancellationToken)
            ?? throw new JobFailedException("The image was deleted before it could be edited.", transient: false);
        var operation = EditDescriptions.Operation(input);
        var stored = await db.Set<StockImage>().AsNoTracking().OwnedBy(job.OwnerId)
            .Where(image => image.Id == checkpoint.ResultImageId)
            .Select(image => image.FileName)
            .SingleOrDefaultAsync(cancellationToken);
        if (stored is null)
        {
            await job.ReportAsync(5, "Reading the original", new EditDetail(source.Id, operation), cancellationToken);
            stored = await EditAndStoreAsync(job, input, source, checkpoint, operation, cancellationToken);
        }

        await job.ReportAsync(100, $"Done: {stored} is in your gallery.", new EditDetail(source.Id, operation, checkpoint.ResultImageId, stored), cancellationToken);
    }

    private async Task<string> EditAndStoreAsync(JobContext job, EditInput input, StockImage source, EditCheckpoint checkpoint, string operation, CancellationToken cancellationToken)
    {
        var work = Path.Combine(app.Value.DataPath, "edits");
        await using var original = await CopyOfOriginalAsync(source, work, cancellationToken);
        await using var output = WorkFiles.Create(work);
        var editor = services.GetKeyedService<IImageEditor>(input.Kind)
            ?? throw new JobFailedException("This server does not make that kind of edit.", transient: false);
        var edited = await editor.EditAsync(new EditRun(job, input, source, checkpoint, original, output), cancellationToken);

        await job.ReportAsync(90, "Storing the new image in your gallery", new EditDetail(source.Id, operation), cancellationToken);
        output.Position = 0;
        var provenance = new ImageProvenance(checkpoint.ResultImageId, edited.DigitalSourceType)
        {
            SourceImageId = source.Id,
            EditDescription = edited.Description,
        };
        var result = await intake.AcceptAsync(job.OwnerId, EditDescriptions.FileName(source.FileName, input.Kind, edited.Format), output, provenance, cancellationToken);
        return result.Status == UploadResult.StoredStatus
            ? result.FileName
            : throw new JobFailedException($"The edited image could not be stored: {result.Reason}.", transient: false);
    }

    private async Task<FileStream> CopyOfOriginalAsync(StockImage source, string work, CancellationToken cancellationToken)
    {
        await using var blob = await blobs.OpenReadAsync(source.OriginalKey, cancellationToken)
            ?? throw new JobFailedException("The original file of this image is missing from storage.", transient: false);
        return await WorkFiles.CopyOfAsync(blob, work, ImageFormats.Extension(source.Format), cancellationToken);
    }
}
