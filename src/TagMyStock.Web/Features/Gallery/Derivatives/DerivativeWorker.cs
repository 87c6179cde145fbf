using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;
using NetVips;
using TagMyStock.Core.Similarity;
using TagMyStock.Web.Infrastructure;
using TagMyStock.Web.Infrastructure.Data;
using TagMyStock.Web.Infrastructure.Storage;

namespace TagMyStock.Web.Features.Gallery.Derivatives;

/// <summary>
/// Makes each queued image's preview, thumbnail and embedding (which marks near-identical images) in the
/// background. At start it queues every row still <see cref="DerivativeState.Pending"/>, so work cut short by a
/// restart is done after it, and makes again from the stored preview every embedding an older embedding model made
/// (until then such an image is neither compared with others nor teaches the similar-image suggestions).
/// </summary>
internal sealed partial class DerivativeWorker(
    DerivativeQueue queue,
    IServiceScopeFactory scopes,
    ThumbnailMaker maker,
    DecodeGate decodes,
    IBlobStore blobs,
    IImageEmbedder embedder,
    IOptions<GalleryOptions> options,
    IOptions<TagMyStockOptions> app,
    ILogger<DerivativeWorker> logger) : BackgroundService
{
    /// <summary>A row changed this many times while the worker saved to it is being edited hard; it is left as it is until the next start.</summary>
    private const int MaxSaveAttempts = 3;

    // Saves one at a time: two look-alikes saved at once would each miss the other's embedding, and neither be marked.
    private readonly SemaphoreSlim _saving = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var requeue = RequeuePendingAsync(stoppingToken);
        var refresh = RefreshOlderEmbeddingsAsync(stoppingToken);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.DerivativeWorkers, CancellationToken = stoppingToken };
        await Parallel.ForEachAsync(queue.ReadAllAsync(stoppingToken), parallel, MakeSafelyAsync);
        await requeue;
        await refresh;
    }

    /// <summary>One image at a time, oldest first: a one-off after a change of embedding model, behind new uploads in the decode gate.</summary>
    private async Task RefreshOlderEmbeddingsAsync(CancellationToken cancellationToken)
    {
        var model = embedder.Model;
        List<(Guid Id, Guid OwnerId)> older;
        await using (var scope = scopes.CreateAsyncScope())
        {
            older = [.. (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<StockImage>()
                .Where(image => image.Derivatives == DerivativeState.Ready && image.EmbeddingModel != null && image.EmbeddingModel != model)
                .OrderBy(image => image.UploadedAt)
                .Select(image => new { image.Id, image.OwnerId })
                .ToListAsync(cancellationToken))
                .Select(image => (image.Id, image.OwnerId))];
        }

        foreach (var (id, ownerId) in older)
        {
            try
            {
                await RefreshEmbeddingAsync(id, ownerId, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Tried again at the next start; the image keeps its older embedding meanwhile.
                LogRefreshFailed(logger, exception, id);
            }
        }
    }

    private async Task RefreshEmbeddingAsync(Guid imageId, Guid ownerId, CancellationToken cancellationToken)
    {
        await using var stored = await blobs.OpenReadAsync(BlobKeys.Preview(ownerId, imageId), cancellationToken);
        if (stored is null)
        {
            return;
        }

        await using var preview = await WorkFiles.CopyOfAsync(stored, Path.Combine(app.Value.DataPath, "derivatives"), ".jpg", cancellationToken);
        ImageEmbedding? embedding;
        using (await decodes.EnterAsync(cancellationToken))
        {
            embedding = Embed(preview.Name, imageId);
        }

        if (embedding is null)
        {
            return;
        }

        await ChangeRowAsync(imageId, async (db, image) =>
        {
            if (image is null || image.EmbeddingModel == embedding.Model)
            {
                return false; // deleted, or tagged again meanwhile
            }

            image.SetEmbedding(embedding);
            await EmbeddingDuplicates.MarkAsync(db, image, embedding, cancellationToken);
            return true;
        }, cancellationToken);
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
        StockImage? image;
        await using (var scope = scopes.CreateAsyncScope())
        {
            image = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<StockImage>().AsNoTracking()
                .SingleOrDefaultAsync(i => i.Id == imageId, cancellationToken);
        }

        if (image is not { Derivatives: DerivativeState.Pending })
        {
            return;
        }

        var outcome = await MakeDerivativesAsync(image, cancellationToken);
        await SaveAsync(image, outcome, cancellationToken);
    }

    /// <summary>The preview and thumbnail stored, and the embedding made from the preview; or why they could not be made.</summary>
    private async Task<Outcome> MakeDerivativesAsync(StockImage image, CancellationToken cancellationToken)
    {
        try
        {
            await using var original = await blobs.OpenReadAsync(image.OriginalKey, cancellationToken);
            if (original is null)
            {
                return Outcome.Failed("The original file is missing from storage.");
            }

            // The preview goes to a file the embedder can read by name; the thumbnail is made from it, so the
            // original is read and decoded once.
            await using var preview = WorkFiles.Create(Path.Combine(app.Value.DataPath, "derivatives"), ".jpg");
            using var thumbnail = new MemoryStream();
            ImageEmbedding? embedding;
            using (await decodes.EnterAsync(cancellationToken))
            {
                await maker.MakeAsync(original, ThumbnailMaker.PreviewSize, preview, cancellationToken);
                await preview.FlushAsync(cancellationToken);
                preview.Position = 0;
                await maker.MakeAsync(preview, ThumbnailMaker.ThumbnailSize, thumbnail, cancellationToken);
                embedding = Embed(preview.Name, image.Id);
            }

            preview.Position = 0;
            thumbnail.Position = 0;
            await blobs.PutAsync(BlobKeys.Preview(image.OwnerId, image.Id), preview, "image/jpeg", cancellationToken);
            await blobs.PutAsync(BlobKeys.Thumbnail(image.OwnerId, image.Id), thumbnail, "image/jpeg", cancellationToken);
            return new Outcome(DerivativeState.Ready, null, embedding);
        }
        catch (VipsException exception)
        {
            return Outcome.Failed($"The thumbnail could not be made: {VipsMessages.Describe(exception)}");
        }
    }

    /// <summary>The preview's embedding, or null when it cannot be made: the image is still shown, only not compared.</summary>
    private ImageEmbedding? Embed(string previewPath, Guid imageId)
    {
        try
        {
            return embedder.Embed(previewPath);
        }
        catch (Exception exception) when (exception is VipsException or OnnxRuntimeException or ArgumentException)
        {
            LogEmbeddingFailed(logger, exception, imageId);
            return null;
        }
    }

    /// <summary>Writes the outcome on the row; when the row was deleted meanwhile, removes what was just stored instead.</summary>
    private Task SaveAsync(StockImage made, Outcome outcome, CancellationToken cancellationToken) =>
        ChangeRowAsync(made.Id, async (db, image) =>
        {
            if (image is null)
            {
                await foreach (var key in blobs.ListAsync(BlobKeys.Image(made.OwnerId, made.Id), cancellationToken))
                {
                    await blobs.DeleteAsync(key, cancellationToken);
                }

                return false;
            }

            image.Derivatives = outcome.State;
            image.DerivativeError = outcome.Error is { Length: > 500 } error ? error[..500] : outcome.Error;
            if (outcome.Embedding is { } embedding)
            {
                image.SetEmbedding(embedding);
                await EmbeddingDuplicates.MarkAsync(db, image, embedding, cancellationToken);
            }

            return true;
        }, cancellationToken);

    /// <summary>
    /// Reads the image's row as it is now (null once deleted), lets <paramref name="change"/> change it (false: nothing
    /// to save), and saves it, one save at a time. Tagging or the editor may change the row (and its version) between
    /// the read and the save, which is no reason to lose the work: a conflict reads the row again and changes it again,
    /// up to <see cref="MaxSaveAttempts"/> times.
    /// </summary>
    private async Task ChangeRowAsync(Guid imageId, Func<AppDbContext, StockImage?, Task<bool>> change, CancellationToken cancellationToken)
    {
        await _saving.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var image = await db.Set<StockImage>().SingleOrDefaultAsync(i => i.Id == imageId, cancellationToken);
                if (!await change(db, image))
                {
                    return;
                }

                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    return;
                }
                catch (DbUpdateConcurrencyException) when (attempt < MaxSaveAttempts)
                {
                    // Changed or deleted meanwhile: the next attempt sees which.
                }
            }
        }
        finally
        {
            _saving.Release();
        }
    }

    public override void Dispose()
    {
        _saving.Dispose();
        base.Dispose();
    }

    private sealed record Outcome(DerivativeState State, string? Error, ImageEmbedding? Embedding)
    {
        public static Outcome Failed(string reason) => new(DerivativeState.Failed, reason, null);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The embedding of image {ImageId} could not be made; it is not compared with other images.")]
    private static partial void LogEmbeddingFailed(ILogger logger, Exception exception, Guid imageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The embedding of image {ImageId} could not be made again with the current model; it is tried at the next start.")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception, Guid imageId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Derivatives of image {ImageId} failed unexpectedly; it stays pending.")]
    private static partial void LogUnexpectedFailure(ILogger logger, Exception exception, Guid imageId);
}
