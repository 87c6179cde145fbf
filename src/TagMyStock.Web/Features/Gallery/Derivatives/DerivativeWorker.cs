using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NetVips;
using TagMyStock.Web.Infrastructure.Data;
using TagMyStock.Web.Infrastructure.Storage;

namespace TagMyStock.Web.Features.Gallery.Derivatives;

/// <summary>
/// Makes each queued image's preview and thumbnail in the background. At start it queues every row still
/// <see cref="DerivativeState.Pending"/>, so work cut short by a restart is done after it.
/// </summary>
internal sealed partial class DerivativeWorker(
    DerivativeQueue queue,
    IServiceScopeFactory scopes,
    ThumbnailMaker maker,
    DecodeGate decodes,
    IBlobStore blobs,
    IOptions<GalleryOptions> options,
    ILogger<DerivativeWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var requeue = RequeuePendingAsync(stoppingToken);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.DerivativeWorkers, CancellationToken = stoppingToken };
        await Parallel.ForEachAsync(queue.ReadAllAsync(stoppingToken), parallel, MakeSafelyAsync);
        await requeue;
    }

    private async Task RequeuePendingAsync(CancellationToken cancellationToken)
    {
        List<Guid> pending;
        await using (var scope = scopes.CreateAsyncScope())
        {
            pending = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<StockImage>()
                .Where(image => image.Derivatives == DerivativeState.Pending)
                .OrderBy(image => image.UploadedAt)
                .Select(image => image.Id)
                .ToListAsync(cancellationToken);
        }

        foreach (var id in pending)
        {
            await queue.EnqueueAsync(id, cancellationToken);
        }
    }

    private async ValueTask MakeSafelyAsync(Guid imageId, CancellationToken cancellationToken)
    {
        try
        {
            await MakeAsync(imageId, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The row stays Pending and is tried again at the next start; one bad image must not stop the worker.
            LogUnexpectedFailure(logger, exception, imageId);
        }
    }

    private async Task MakeAsync(Guid imageId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var image = await db.Set<StockImage>().SingleOrDefaultAsync(i => i.Id == imageId, cancellationToken);
        if (image is not { Derivatives: DerivativeState.Pending })
        {
            return;
        }

        try
        {
            await using var original = await blobs.OpenReadAsync(image.OriginalKey, cancellationToken);
            if (original is null)
            {
                Fail(image, "The original file is missing from storage.");
            }
            else
            {
                // The thumbnail is made from the preview, so the original is read and decoded once.
                using var preview = new MemoryStream();
                using var thumbnail = new MemoryStream();
                using (await decodes.EnterAsync(cancellationToken))
                {
                    await maker.MakeAsync(original, ThumbnailMaker.PreviewSize, preview, cancellationToken);
                    preview.Position = 0;
                    await maker.MakeAsync(preview, ThumbnailMaker.ThumbnailSize, thumbnail, cancellationToken);
                }

                preview.Position = 0;
                thumbnail.Position = 0;
                await blobs.PutAsync(BlobKeys.Preview(image.OwnerId, image.Id), preview, "image/jpeg", cancellationToken);
                await blobs.PutAsync(BlobKeys.Thumbnail(image.OwnerId, image.Id), thumbnail, "image/jpeg", cancellationToken);
                image.Derivatives = DerivativeState.Ready;
                image.DerivativeError = null;
            }
        }
        catch (VipsException exception)
        {
            Fail(image, $"The thumbnail could not be made: {VipsMessages.Describe(exception)}");
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Deleted while its derivatives were being made: remove what was just written.
            await foreach (var key in blobs.ListAsync(BlobKeys.Image(image.OwnerId, image.Id), cancellationToken))
            {
                await blobs.DeleteAsync(key, cancellationToken);
            }
        }
    }

    private static void Fail(StockImage image, string reason)
    {
        image.Derivatives = DerivativeState.Failed;
        image.DerivativeError = reason.Length <= 500 ? reason : reason[..500];
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Derivatives of image {ImageId} failed unexpectedly; it stays pending.")]
    private static partial void LogUnexpectedFailure(ILogger logger, Exception exception, Guid imageId);
}
