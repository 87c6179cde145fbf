namespace TagMyStock.Cli.Shared;

/// <summary>Finds the images a command line names: files as given, folders searched recursively.</summary>
public static class ImageFiles
{
    /// <summary>Extensions looked for inside folders. Named files are taken whatever their extension, then checked by content.</summary>
    private static readonly HashSet<string> ImageExtensions = new(StringComparer.OrdinalIgnoreCase) { ".jpg", ".jpeg", ".png", ".webp" };

    /// <summary>
    /// The images under <paramref name="paths"/>, each once, in a stable order (folder order, then name),
    /// skipping <paramref name="exclude"/> (the output folder, so a second run does not tag its own copies).
    /// </summary>
    public static IReadOnlyList<string> Find(IEnumerable<string> paths, string? exclude = null)
    {
        var excluded = exclude is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(exclude)) + Path.DirectorySeparatorChar;
        var found = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            IEnumerable<string> candidates = Directory.Exists(path)
                ? Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
                    .Where(file => ImageExtensions.Contains(Path.GetExtension(file)))
                    .Order(StringComparer.Ordinal)
                : File.Exists(path)
                    ? [path]
                    : throw new UsageException($"'{path}' is neither a file nor a folder.");

            foreach (var file in candidates)
            {
                var full = Path.GetFullPath(file);
                if ((excluded is null || !full.StartsWith(excluded, StringComparison.Ordinal)) && seen.Add(full))
                {
                    found.Add(file);
                }
            }
        }

        return found;
    }
}
