using Microsoft.Extensions.Options;

namespace TagMyStock.Web.Features.Gallery.Derivatives;

/// <summary>
/// Bounds how many images libvips decodes at once, across the uploads' checks and the derivative worker.
/// Decoding a JPEG is one thread's work, so more decodes than cores do not finish sooner; each one only adds
/// its buffers to the peak memory (a few MB for an upload's perceptual hash, about 25 MB for the 1600 px
/// preview of a 48 MP photograph). A decode over the bound waits for a slot: nothing is refused, and the
/// request bodies are still received in parallel before it.
/// </summary>
public sealed class DecodeGate(IOptions<GalleryOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.ConcurrentDecodes, options.Value.ConcurrentDecodes);
    private int _waiting;

    /// <summary>Decodes waiting for a slot now.</summary>
    internal int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Waits for a slot; disposing the returned value gives it back.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiting);
        try
        {
            await _slots.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }

        return new Slot(_slots);
    }

    public void Dispose() => _slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
