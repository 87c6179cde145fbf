namespace TagMyStock.Web.Infrastructure;

/// <summary>Settings under <c>TagMyStock</c> that more than one feature reads.</summary>
public sealed class TagMyStockOptions
{
    public const string Section = "TagMyStock";

    /// <summary>
    /// Where the embedded defaults keep their state: the SQLite file, local blobs, the development mail
    /// folder. Relative paths are taken from the working directory.
    /// </summary>
    public string DataDirectory { get; set; } = "data";

    public string DataPath => Path.GetFullPath(DataDirectory);

    /// <summary>
    /// The address outside services reach this server at, such as <c>https://stock.example.com/</c>; null when it has
    /// none (a desktop install). With it, FAL.ai calls back when a request finishes instead of only being polled.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }
}
