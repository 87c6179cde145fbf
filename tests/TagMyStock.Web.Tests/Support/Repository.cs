namespace TagMyStock.Web.Support;

/// <summary>The repository the tests were built from, for tests that read its sources or write artifacts next to them.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TagMyStock.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No TagMyStock.slnx above {AppContext.BaseDirectory}.");
    }
}
