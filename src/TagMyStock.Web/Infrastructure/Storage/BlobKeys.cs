namespace TagMyStock.Web.Infrastructure.Storage;

/// <summary>The layout of keys in the blob store: everything of an account under <c>accounts/{id}/</c>.</summary>
public static class BlobKeys
{
    public static string Account(Guid accountId) => $"accounts/{accountId:N}/";

    public static string Image(Guid accountId, Guid imageId) => $"{Account(accountId)}images/{imageId:N}/";

    public static string Original(Guid accountId, Guid imageId, string extension) =>
        $"{Image(accountId, imageId)}original{extension}";

    public static string Thumbnail(Guid accountId, Guid imageId) => $"{Image(accountId, imageId)}thumbnail.jpg";

    public static string Preview(Guid accountId, Guid imageId) => $"{Image(accountId, imageId)}preview.jpg";

    /// <summary>
    /// False for a key that every store could not hold alike: empty, absolute, with a backslash, an
    /// empty segment or a dot segment (which a file system would resolve and S3 would keep verbatim).
    /// </summary>
    public static bool IsValid(string key) =>
        !string.IsNullOrEmpty(key) && !key.StartsWith('/') && !key.Contains('\\', StringComparison.Ordinal) && !key.Split('/').Any(part => part is "" or "." or "..");

    public static void EnsureValid(string key)
    {
        if (!IsValid(key))
        {
            throw new ArgumentException($"'{key}' is not a valid blob key.", nameof(key));
        }
    }
}
