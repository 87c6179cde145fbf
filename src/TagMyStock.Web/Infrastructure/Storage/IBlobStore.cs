namespace TagMyStock.Web.Infrastructure.Storage;

/// <summary>
/// Where image bytes live: a local folder by default, an S3-compatible bucket at scale. Keys are
/// '/'-separated and start with the owning account (see <see cref="BlobKeys"/>), so one account's
/// files can be listed, exported or deleted together.
/// </summary>
public interface IBlobStore
{
    /// <summary>Stores <paramref name="content"/> under <paramref name="key"/>, replacing any blob there, reading the stream once without buffering it whole.</summary>
    Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken);

    /// <summary>Opens a blob for reading, or returns null when there is none.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes a blob; removing a missing one is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Every key that starts with <paramref name="prefix"/>.</summary>
    IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken cancellationToken);
}
