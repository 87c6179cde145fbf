namespace TagMyStock.Web.Features.Gallery;

/// <summary>
/// An account's images by id, for features other than the gallery (editor, tagging, export). Ownership is
/// checked here: an id of another account's image is treated exactly like an id that does not exist.
/// </summary>
public interface IImageCatalog
{
    /// <summary>
    /// The images among <paramref name="imageIds"/> that belong to <paramref name="accountId"/>, newest first,
    /// tracked by the request's <see cref="Infrastructure.Data.AppDbContext"/> so a caller may change and save them.
    /// </summary>
    Task<IReadOnlyList<StockImage>> FindOwnedAsync(Guid accountId, IReadOnlyCollection<Guid> imageIds, CancellationToken cancellationToken);

    /// <summary>Deletes the images among <paramref name="imageIds"/> that belong to the account, with every blob they have; returns the ids deleted.</summary>
    Task<IReadOnlyList<Guid>> DeleteOwnedAsync(Guid accountId, IReadOnlyCollection<Guid> imageIds, CancellationToken cancellationToken);
}
