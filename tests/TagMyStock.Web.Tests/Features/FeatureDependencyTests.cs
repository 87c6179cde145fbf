using System.Text.RegularExpressions;
using TagMyStock.Web.Support;

namespace TagMyStock.Web.Features;

/// <summary>
/// The rule of docs/ARCHITECTURE.md that features depend on each other only downwards: no feature may reach, through
/// the features it names, back to itself. A feature names another when any of its files (code or components) names that
/// feature's namespace; the components' shared imports (<c>Features/_Imports.razor</c>) count for every feature.
/// </summary>
public sealed partial class FeatureDependencyTests
{
    private static readonly string FeaturesFolder = Path.Combine(Repository.Root, "src", "TagMyStock.Web", "Features");

    [Fact]
    public void No_feature_depends_on_itself_through_others()
    {
        var dependencies = Dependencies();

        var cycles = dependencies.Keys.Select(feature => CycleThrough(feature, dependencies)).OfType<string>().ToList();

        Assert.True(cycles.Count == 0, $"Features that depend on themselves: {string.Join("; ", cycles)}");
    }

    [Fact]
    public void The_features_and_their_dependencies_are_read()
    {
        var dependencies = Dependencies();

        // Known edges, so that a change in how files name namespaces cannot make the test above pass on nothing.
        Assert.Contains("Gallery", dependencies["Tagging"]);
        Assert.Contains("Accounts", dependencies["Gallery"]);
        Assert.Empty(dependencies["Accounts"]);
    }

    /// <summary>Each feature folder and the other features its files name.</summary>
    private static Dictionary<string, HashSet<string>> Dependencies()
    {
        var features = Directory.GetDirectories(FeaturesFolder).Select(Path.GetFileName).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var shared = Named(File.ReadAllText(Path.Combine(FeaturesFolder, "_Imports.razor")));
        return features.ToDictionary(
            feature => feature,
            feature => Directory.EnumerateFiles(Path.Combine(FeaturesFolder, feature), "*.*", SearchOption.AllDirectories)
                .Where(file => file.EndsWith(".cs", StringComparison.Ordinal) || file.EndsWith(".razor", StringComparison.Ordinal))
                .SelectMany(file => Named(File.ReadAllText(file)).Concat(file.EndsWith(".razor", StringComparison.Ordinal) ? shared : []))
                .Where(named => named != feature && features.Contains(named))
                .ToHashSet(StringComparer.Ordinal));
    }

    private static IEnumerable<string> Named(string source) => FeatureNamespace().Matches(source).Select(match => match.Groups[1].Value);

    /// <summary>A path from <paramref name="feature"/> back to itself, such as "Gallery → Tagging → Gallery", or null.</summary>
    private static string? CycleThrough(string feature, Dictionary<string, HashSet<string>> dependencies)
    {
        var paths = new Queue<List<string>>([[feature]]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (paths.TryDequeue(out var path))
        {
            foreach (var next in dependencies[path[^1]].Order(StringComparer.Ordinal))
            {
                if (next == feature)
                {
                    return string.Join(" → ", [.. path, next]);
                }

                if (seen.Add(next))
                {
                    paths.Enqueue([.. path, next]);
                }
            }
        }

        return null;
    }

    [GeneratedRegex(@"\bTagMyStock\.Web\.Features\.([A-Za-z]+)")]
    private static partial Regex FeatureNamespace();
}
