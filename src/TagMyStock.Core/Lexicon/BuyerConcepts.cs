using System.Collections.Frozen;
using TagMyStock.Core.Keywords;

namespace TagMyStock.Core.Lexicon;

/// <summary>
/// The curated map from common stock subjects to what buyers search for alongside them
/// (<c>buyer-concepts.txt</c>, written by hand; its header says how to maintain it).
/// </summary>
internal sealed class BuyerConcepts
{
    private const string ResourceName = "TagMyStock.Core.Lexicon.buyer-concepts.txt";

    private readonly FrozenDictionary<string, string[]> _bySubject;

    internal BuyerConcepts(IEnumerable<string> lines)
    {
        var bySubject = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var line in lines.Select(line => line.Trim()).Where(line => line.Length > 0 && line[0] != '#'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new InvalidDataException($"A buyer concept line needs \"subject: keyword, keyword\": {line}");
            }

            var keywords = line[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            foreach (var subject in line[..colon].Split('|', StringSplitOptions.TrimEntries))
            {
                if (!bySubject.TryAdd(KeywordHygiene.Key(subject), keywords))
                {
                    throw new InvalidDataException($"The buyer concept \"{subject}\" is listed twice.");
                }
            }
        }

        _bySubject = bySubject.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The subjects' comparison keys (<see cref="KeywordHygiene.Key"/>).</summary>
    public IEnumerable<string> Subjects => _bySubject.Keys;

    /// <summary>The related keywords of a subject, most useful first; the key is <see cref="KeywordHygiene.Key"/> of the subject.</summary>
    public bool TryGet(string subjectKey, out string[] keywords) => _bySubject.TryGetValue(subjectKey, out keywords!);

    public static BuyerConcepts LoadEmbedded()
    {
        using var stream = typeof(BuyerConcepts).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return new BuyerConcepts(lines);
    }
}
