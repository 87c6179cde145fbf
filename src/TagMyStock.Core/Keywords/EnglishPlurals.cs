using System.Collections.Frozen;

namespace TagMyStock.Core.Keywords;

/// <summary>
/// Turns an English plural noun into its singular so that "cats", "boxes", "berries" and "leaves" match
/// "cat", "box", "berry" and "leaf". Used only to compare keywords: the text shown to the user never changes.
/// </summary>
/// <remarks>
/// Regular endings are handled by rule; everything the rules get wrong is in the irregular and invariant
/// tables. Words ending in -ss, -us and -is are singular ("glass", "cactus", "tennis"). Words whose plural
/// means something else ("news", "goods", "woods", "glasses") are left alone on purpose: two different
/// keywords must never be taken for duplicates, while a missed duplicate costs little.
/// </remarks>
public static class EnglishPlurals
{
    private static readonly FrozenDictionary<string, string> Irregular = new (string Plural, string Singular)[]
    {
        ("children", "child"), ("people", "person"), ("men", "man"), ("women", "woman"), ("mice", "mouse"),
        ("lice", "louse"), ("geese", "goose"), ("feet", "foot"), ("teeth", "tooth"), ("oxen", "ox"),
        ("leaves", "leaf"), ("knives", "knife"), ("wives", "wife"), ("lives", "life"), ("wolves", "wolf"),
        ("halves", "half"), ("calves", "calf"), ("shelves", "shelf"), ("loaves", "loaf"), ("thieves", "thief"),
        ("scarves", "scarf"), ("elves", "elf"), ("selves", "self"), ("hooves", "hoof"), ("cacti", "cactus"),
        ("fungi", "fungus"), ("nuclei", "nucleus"), ("criteria", "criterion"), ("phenomena", "phenomenon"),
        ("analyses", "analysis"), ("crises", "crisis"), ("theses", "thesis"), ("diagnoses", "diagnosis"),
        ("hypotheses", "hypothesis"), ("oases", "oasis"), ("axes", "axe"), ("heroes", "hero"), ("potatoes", "potato"),
        ("tomatoes", "tomato"), ("echoes", "echo"), ("volcanoes", "volcano"), ("mosquitoes", "mosquito"),
        ("torpedoes", "torpedo"), ("dominoes", "domino"), ("movies", "movie"), ("cookies", "cookie"), ("pies", "pie"),
        ("ties", "tie"), ("lies", "lie"), ("zombies", "zombie"), ("selfies", "selfie"), ("calories", "calorie"),
        ("brownies", "brownie"), ("smoothies", "smoothie"), ("hippies", "hippie"), ("rookies", "rookie"),
        ("goalies", "goalie"), ("niches", "niche"), ("caches", "cache"), ("headaches", "headache"),
        ("avalanches", "avalanche"), ("moustaches", "moustache"), ("mustaches", "mustache"), ("cliches", "cliche"),
        ("quiches", "quiche"), ("quizzes", "quiz"), ("gases", "gas"), ("lenses", "lens"), ("canvases", "canvas"),
        ("atlases", "atlas"), ("aliases", "alias"), ("irises", "iris"), ("fuses", "fuse"), ("muses", "muse"),
        ("excuses", "excuse"), ("abuses", "abuse"), ("bases", "base"),
    }.ToFrozenDictionary(pair => pair.Plural, pair => pair.Singular, StringComparer.Ordinal);

    private static readonly FrozenSet<string> Invariant = new[]
    {
        "news", "series", "species", "sheep", "fish", "deer", "moose", "salmon", "trout", "shrimp", "aircraft",
        "bison", "swine", "offspring", "means", "physics", "mathematics", "economics", "athletics", "gymnastics",
        "politics", "ethics", "electronics", "graphics", "aerobics", "clothes", "jeans", "pants", "shorts",
        "scissors", "trousers", "pajamas", "pyjamas", "binoculars", "glasses", "sunglasses", "eyeglasses", "goods",
        "woods", "arms", "customs", "lens", "canvas", "atlas", "christmas", "texas", "alias", "bias", "pancreas",
        "vegas", "kansas", "arkansas", "chaos", "cosmos", "kudos", "ethos", "pathos", "asbestos", "always",
        "perhaps", "whereas", "yes", "thanks", "headquarters", "savings", "earnings", "belongings", "surroundings",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The singular of one lowercase word; a word that is not a plural comes back unchanged.</summary>
    public static string Singularize(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (Irregular.TryGetValue(word, out var singular))
        {
            return singular;
        }

        if (word.Length <= 3 || Invariant.Contains(word) || !word.EndsWith('s') || word.AsSpan().ContainsAnyExceptInRange('a', 'z'))
        {
            return word;
        }

        return word switch
        {
            _ when word.EndsWith("ss", StringComparison.Ordinal)
                || word.EndsWith("us", StringComparison.Ordinal)
                || word.EndsWith("is", StringComparison.Ordinal) => word,
            _ when word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4 => word[..^3] + "y",
            _ when word.EndsWith("sses", StringComparison.Ordinal)
                || word.EndsWith("xes", StringComparison.Ordinal)
                || word.EndsWith("zzes", StringComparison.Ordinal)
                || word.EndsWith("ches", StringComparison.Ordinal)
                || word.EndsWith("shes", StringComparison.Ordinal) => word[..^2],

            // buses, viruses, campuses; but houses, blouses and causes keep their e (they end in -ouse, -ause).
            _ when word.EndsWith("uses", StringComparison.Ordinal)
                && !word.EndsWith("ouses", StringComparison.Ordinal)
                && !word.EndsWith("auses", StringComparison.Ordinal) => word[..^2],
            _ => word[..^1],
        };
    }
}
