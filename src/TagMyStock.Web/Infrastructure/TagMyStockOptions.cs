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
}
