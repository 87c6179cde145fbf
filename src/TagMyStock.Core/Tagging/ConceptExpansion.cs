using TagMyStock.Core.Keywords;
using TagMyStock.Core.Lexicon;

namespace TagMyStock.Core.Tagging;

/// <summary>
/// Adds the keywords the sources' concepts imply ("golden retriever" → dog, pet) through the lexicon. Inferred
/// keywords always rank below every keyword a source said, and there are few of them: a wrong keyword costs a
/// contributor more than a missing one, so the list grows by fewer inferred keywords than were said, and a
/// single said keyword (thin evidence) is not expanded at all.
/// </summary>
internal static class ConceptExpansion
{
    /// <summary>Only the strongest concepts are expanded: weak ones are the likeliest to be beside the point.</summary>
    private const int MaxConcepts = 8;

    /// <summary>Each concept's few strongest relations; the rest of its expansion is too remote to be sure.</summary>
    private const int MaxPerConcept = 3;

    private const int MaxAdded = 10;

    /// <summary>The strongest inferred keyword scores this share of the weakest said one.</summary>
    private const double BelowDirect = 0.9;

    /// <summary>The inferred keywords for the ranked direct keywords, strongest first, at most <paramref name="room"/>.</summary>
    public static IReadOnlyList<Evidence> Expand(IReadOnlyList<Evidence> direct, EnglishLexicon lexicon, int room)
    {
        var limit = Math.Min(Math.Min(MaxAdded, room), direct.Count - 1);
        if (limit <= 0)
        {
            return [];
        }

        var said = direct.Select(keyword => KeywordHygiene.Key(keyword.Term)).ToHashSet(StringComparer.Ordinal);
        var inferred = new Dictionary<string, (string Keyword, double Support, int Order)>(StringComparer.Ordinal);
        foreach (var concept in Concepts(direct, lexicon).Take(MaxConcepts))
        {
            var fresh = lexicon.Expand(concept.Term).Where(expansion => !said.Contains(KeywordHygiene.Key(expansion.Keyword)) && !IsRefused(expansion.Keyword));
            foreach (var expansion in fresh.Take(MaxPerConcept))
            {
                var key = KeywordHygiene.Key(expansion.Keyword);

                // Concepts that agree add up, as sources do in the ranking: "retriever" and "puppy" both imply "dog".
                var support = concept.Score * expansion.Strength;
                inferred[key] = inferred.TryGetValue(key, out var known)
                    ? known with { Support = known.Support + support }
                    : (expansion.Keyword, support, inferred.Count);
            }
        }

        if (inferred.Count == 0)
        {
            return [];
        }

        var weakestSaid = direct.Min(keyword => keyword.Score);
        var strongestInferred = inferred.Values.Max(keyword => keyword.Support);
        var ranked = inferred.Values.OrderByDescending(keyword => keyword.Support).ThenBy(keyword => keyword.Order);
        // The spam limit counts the said keywords' words first; they passed it already, so exactly they come back first.
        return
        [
            .. KeywordRanking.WithoutSpam(direct.Select(keyword => keyword.Term).Concat(ranked.Select(keyword => keyword.Keyword)), term => term)
                .Skip(direct.Count)
                .Take(limit)
                .Select(term => inferred[KeywordHygiene.Key(term)])
                .Select(keyword => new Evidence(
                    keyword.Keyword,
                    [EvidenceSource.Lexicon],
                    Math.Round(weakestSaid * BelowDirect * keyword.Support / strongestInferred, 3))),
        ];
    }

    /// <summary>
    /// The direct keywords worth expanding, strongest first. A word inside a longer keyword that is a lemma of
    /// its own is left to that keyword: "hot dog" must not make "dog" bring in pet and animal.
    /// </summary>
    private static IEnumerable<Evidence> Concepts(IReadOnlyList<Evidence> direct, EnglishLexicon lexicon)
    {
        var lemmaPhrases = direct
            .Where(keyword => keyword.Term.Contains(' ', StringComparison.Ordinal) && lexicon.IsLemma(keyword.Term))
            .Select(keyword => KeywordHygiene.Key(keyword.Term).Split(' '))
            .ToList();
        return direct.Where(keyword =>
            keyword.Term.Contains(' ', StringComparison.Ordinal)
            || !lemmaPhrases.Any(phrase => phrase.Contains(KeywordHygiene.Key(keyword.Term), StringComparer.Ordinal)));
    }

    /// <summary>The lexicon and the curated map hold no brands, but a synonym must never bring one in.</summary>
    private static bool IsRefused(string keyword) =>
        Trademarks.IsTrademark(keyword, out _) || AiToolNames.IsAiToolName(keyword, out _);
}
