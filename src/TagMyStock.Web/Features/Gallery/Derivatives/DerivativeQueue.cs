using System.Threading.Channels;

namespace TagMyStock.Web.Features.Gallery.Derivatives;

/// <summary>
/// Images waiting for their thumbnail and preview. The table is the record (a row stays
/// <see cref="DerivativeState.Pending"/> until done), this bounded channel only the hand-over to the
/// worker: a full channel makes uploads wait rather than memory grow, and a restart loses nothing.
/// </summary>
public sealed class DerivativeQueue
{
    private readonly Channel<Guid> _channel = Channel.CreateBounded<Guid>(new BoundedChannelOptions(1000)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = false,
        SingleWriter = false,
    });

    public ValueTask EnqueueAsync(Guid imageId, CancellationToken cancellationToken) =>
        _channel.Writer.WriteAsync(imageId, cancellationToken);

    internal IAsyncEnumerable<Guid> ReadAllAsync(CancellationToken cancellationToken) =>
        _channel.Reader.ReadAllAsync(cancellationToken);
}
