namespace TagMyStock.Web.Features.Export;

/// <summary>
/// A write-only wrapper for a response body, which refuses synchronous writes. <see cref="System.IO.Compression.ZipArchive"/>
/// still writes an entry's last bytes synchronously when the entry is disposed (its deflate remainder, the data
/// descriptor): those few bytes wait here and go out, in order, ahead of the next asynchronous write or flush.
/// </summary>
internal sealed class DeferredSyncWrites(Stream inner) : Stream
{
    private readonly MemoryStream _pending = new();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => _pending.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => _pending.Write(buffer);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await SendPendingAsync(cancellationToken);
        await inner.WriteAsync(buffer, cancellationToken);
    }

    /// <summary>Nothing can be sent synchronously; <see cref="FlushAsync(CancellationToken)"/> sends what waits.</summary>
    public override void Flush()
    {
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        await SendPendingAsync(cancellationToken);
        await inner.FlushAsync(cancellationToken);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _pending.Dispose();
        }

        base.Dispose(disposing);
    }

    private async Task SendPendingAsync(CancellationToken cancellationToken)
    {
        if (_pending.Length > 0)
        {
            await inner.WriteAsync(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), cancellationToken);
            _pending.SetLength(0);
        }
    }
}
