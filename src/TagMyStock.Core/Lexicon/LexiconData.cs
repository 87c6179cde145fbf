using System.Collections.Frozen;
using System.Globalization;
using System.IO.Compression;
using TagMyStock.Core.Keywords;

namespace TagMyStock.Core.Lexicon;

/// <summary>
/// The parts of speech WordNet lists a lemma under, whether it is only ever a name or first a place's or a day's, and
/// whether a compound is no kind of its last word.
/// </summary>
[Flags]
internal enum PartsOfSpeech : byte
{
    None = 0,
    Noun = 1,
    Verb = 2,
    Adjective = 4,
    Adverb = 8,

    /// <summary>WordNet writes it capitalised only ("Sennett"): a known word, but never offered as a spelling fix.</summary>
    ProperName = 16,

    /// <summary>Its most frequent noun sense is a named place or day, written capitalised ("China", "London", "Christmas").</summary>
    PlaceOrDayName = 32,

    /// <summary>A compound of two words no sense of which is a kind of its last word: a "hot dog" is no dog.</summary>
    OpaqueCompound = 64,
}

/// <summary>What the lexicon knows about one word or multi-word lemma.</summary>
/// <param name="Frequency">Times WordNet's semantic concordances tagged it, all senses: ranks spelling fixes.</param>
/// <param name="FirstNounSynset">Index of its most frequent noun sense in <see cref="LexiconData.Synsets"/>, or -1.</param>
/// <param name="NounShare">How surely (0–100) the word means that noun sense rather than another sense or part of speech.</param>
internal readonly record struct WordInfo(int Frequency, PartsOfSpeech PartsOfSpeech, int FirstNounSynset, byte NounShare);

/// <summary>One noun sense: the words a buyer could type for it (lowercase only) and its broader sense.</summary>
internal sealed record Synset(string[] Words, int Parent);

/// <summary>A name of several words as WordNet writes it ("Eiffel Tower"), and the noun sense it is an instance or a kind of.</summary>
internal sealed record ProperName(string Spelling, int Kind);

/// <summary>
/// The parsed <c>english-lexicon.tsv.gz</c> (written by tools/build-lexicon.cs from WordNet, format in the
/// folder's README). Read-only once built, so one instance serves every thread.
/// </summary>
internal sealed class LexiconData
{
    private const string ResourceName = "TagMyStock.Core.Lexicon.english-lexicon.tsv.gz";

    private const string ModernWordsResourceName = "TagMyStock.Core.Lexicon.modern-words.txt";

    /// <summary>
    /// Tagged uses (%) of a verb's first noun sense at or under which its -s form is taken for the verb: "walk" (2),
    /// "stand" (1) and "hold" (1) are; "watch" (5), "look" (5) and "drop" (7) are not, for "wrist watches" and "water drops".
    /// </summary>
    private const int MaxVerbNounShare = 2;

    /// <summary>The broader senses under which a noun names something that acts (<see cref="NamesAnActor"/>).</summary>
    private static readonly FrozenSet<string> Actors = new[]
    {
        "organism", "plant part", "body part", "people", "social group", "conveyance", "body of water", "water", "fluid",
        "natural phenomenon",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The broader senses under which a noun names a place or a made thing (<see cref="NamesAPlaceOrThing"/>).</summary>
    private static readonly FrozenSet<string> PlacesAndThings = new[]
    {
        "location", "land", "geological formation", "body of water", "artifact",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The broader sense of every road (<see cref="NamesARoad(ProperName)"/>).</summary>
    private static readonly FrozenSet<string> Roads = new[] { "road" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The broader sense of every stretch of time (<see cref="NamesATime"/>).</summary>
    private static readonly FrozenSet<string> Times = new[] { "time period" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The broader sense of every person's name (<see cref="NamesAPerson"/>).</summary>
    private static readonly FrozenSet<string> People = new[] { "person" }.ToFrozenSet(StringComparer.Ordinal);

    private LexiconData(Dictionary<string, WordInfo> words, Synset[] synsets, Dictionary<string, ProperName> names)
    {
        Words = words;
        Synsets = synsets;
        Names = names;
        MaxNameWords = names.Keys.Select(name => name.Count(letter => letter == ' ') + 1).DefaultIfEmpty(0).Max();
        NameStarts = names.Keys.Select(FirstTwoWords).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>"new york" of "new york city"; a name has two words or more.</summary>
    private static string FirstTwoWords(string name)
    {
        var secondSpace = name.IndexOf(' ', name.IndexOf(' ', StringComparison.Ordinal) + 1);
        return secondSpace < 0 ? name : name[..secondSpace];
    }

    /// <summary>Every lemma and irregular inflection, lowercase, words separated by one space.</summary>
    public Dictionary<string, WordInfo> Words { get; }

    public Synset[] Synsets { get; }

    /// <summary>Names of two or more words ("new york city"), lowercase, words separated by one space.</summary>
    public Dictionary<string, ProperName> Names { get; }

    /// <summary>The most words a name in <see cref="Names"/> has.</summary>
    public int MaxNameWords { get; }

    /// <summary>The first two words of every name in <see cref="Names"/> ("new york"), so that most words are passed over at once.</summary>
    public HashSet<string> NameStarts { get; }

    /// <summary>
    /// Whether a word ending in -ing or -ed is, in a description, the verb it comes from ("parked", "looking"):
    /// a WordNet noun reading ("wedding", "evening", "building") counts only when WordNet saw it at least as
    /// often as the verb.
    /// </summary>
    public bool IsVerbForm(string word) =>
        (word.EndsWith("ing", StringComparison.Ordinal) || word.EndsWith("ed", StringComparison.Ordinal))
        && WordForms.Bases(word).Any(form => form.PartOfSpeech == PartsOfSpeech.Verb
            && Words.TryGetValue(form.Base, out var verb)
            && verb.PartsOfSpeech.HasFlag(PartsOfSpeech.Verb)
            && (!Words.TryGetValue(word, out var own) || verb.Frequency >= own.Frequency));

    /// <summary>
    /// Whether a word says how something is done rather than what is shown: a manner adverb ending in -ly that
    /// WordNet knows only as an adverb ("softly", "quickly"), or the present tense of a verb that is hardly ever a
    /// noun: its -s form ("walks", "sits", "holds"; not after a word it makes a compound with: "polar bears"), or its base
    /// form after a plural noun, its subject ("spaniels lean", "horses graze"). Nouns that are also verbs keep their plural
    /// ("waves", "drops", "lights"): WordNet sees them as nouns often enough (<see cref="WordInfo.NounShare"/> above
    /// <see cref="MaxVerbNounShare"/>) that a description more likely shows them.
    /// </summary>
    /// <param name="previous">The word before it in the same run of content words, if any.</param>
    public bool IsMannerOrPresentTense(string word, string? previous)
    {
        if (Words.TryGetValue(word, out var own))
        {
            return (word.EndsWith("ly", StringComparison.Ordinal) && (own.PartsOfSpeech & ~PartsOfSpeech.ProperName) == PartsOfSpeech.Adverb)
                || (previous is not null && IsMostlyVerb(own) && IsPluralNoun(previous));
        }

        // The plural of a compound's last word is its noun: "polar bears", "teddy bears" (the verb bear is far more common).
        return word.EndsWith('s')
            && WordForms.Bases(word).Any(form => form.PartOfSpeech.HasFlag(PartsOfSpeech.Verb)
                && Words.TryGetValue(form.Base, out var verb)
                && IsMostlyVerb(verb)
                && (previous is null || !Words.ContainsKey($"{previous} {form.Base}")));
    }

    /// <summary>
    /// Whether a noun names something that acts, so that the -ing verb after it says what it does: a living thing or
    /// a part of one ("woman", "nuthatch", "grass", "blossoms", "hands"), a group of people ("crowd", "people"), a
    /// vehicle ("boat", "car"), water and other fluids, or weather ("stream", "water", "snow", "smoke"). A pier, a path
    /// or a splash does not; its "leading", "winding" or "forming" describes rather than shows.
    /// </summary>
    /// <remarks>A plural WordNet lists on its own acts when its singular does: "hands" is first guardianship there.</remarks>
    public bool NamesAnActor(string noun) => IsUnder(noun, Actors);

    /// <summary>Whether a noun names a place, a landform, water or a made thing: "lake", "beach", "basilica", "station", "statue".</summary>
    public bool NamesAPlaceOrThing(string noun) => IsUnder(noun, PlacesAndThings);

    /// <summary>Whether a name is a road's ("Fleet Street", "Fifth Avenue") or a noun says a road ("street", "road", "avenue").</summary>
    public bool NamesARoad(ProperName name) => IsUnder(name.Kind, Roads);

    /// <inheritdoc cref="NamesARoad(ProperName)"/>
    public bool NamesARoad(string noun) => IsUnder(noun, Roads);

    /// <summary>Whether a noun sense is a stretch of time: a day, a season, an era.</summary>
    public bool NamesATime(int synset) => IsUnder(synset, Times);

    /// <summary>Whether a name is a person's ("Frederick Law Olmsted", "Lawrence of Arabia"): its kind is a kind of person.</summary>
    public bool NamesAPerson(ProperName name) => IsUnder(name.Kind, People);

    private bool IsUnder(string noun, FrozenSet<string> broader)
    {
        var singular = EnglishPlurals.Singularize(noun);
        return IsUnder(NounSense(noun), broader) || (singular != noun && IsUnder(NounSense(singular), broader));
    }

    private bool IsUnder(int synset, FrozenSet<string> broader)
    {
        for (; synset >= 0; synset = Synsets[synset].Parent)
        {
            if (Synsets[synset].Words is [var head, ..] && broader.Contains(head))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How often WordNet's texts used a word (all senses), read as its singular when WordNet lists no plural of its own.</summary>
    public int Frequency(string word) =>
        Words.TryGetValue(word, out var own) ? own.Frequency : Words.TryGetValue(EnglishPlurals.Singularize(word), out var singular) ? singular.Frequency : 0;

    /// <summary>Whether a word is a noun WordNet can place (singular, plural or irregular plural).</summary>
    public bool IsNoun(string word) => NounSense(word) >= 0;

    private int NounSense(string word)
    {
        if (Words.TryGetValue(word, out var own) && own.FirstNounSynset >= 0)
        {
            return own.FirstNounSynset;
        }

        var singular = EnglishPlurals.Singularize(word);
        return singular != word && Words.TryGetValue(singular, out var noun) ? noun.FirstNounSynset : -1;
    }

    private static bool IsMostlyVerb(WordInfo word) =>
        word.PartsOfSpeech.HasFlag(PartsOfSpeech.Verb) && (!word.PartsOfSpeech.HasFlag(PartsOfSpeech.Noun) || word.NounShare <= MaxVerbNounShare);

    private bool IsPluralNoun(string word)
    {
        var singular = EnglishPlurals.Singularize(word);
        return singular != word && !Words.ContainsKey(word) && Words.TryGetValue(singular, out var noun) && noun.PartsOfSpeech.HasFlag(PartsOfSpeech.Noun);
    }

    /// <summary>The WordNet data, plus the modern words WordNet predates ("selfie", "bokeh") as known words.</summary>
    public static LexiconData LoadEmbedded()
    {
        using var gzip = new GZipStream(OpenResource(ResourceName), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var data = Read(reader);

        using var modernWords = new StreamReader(OpenResource(ModernWordsResourceName));
        while (modernWords.ReadLine() is { } line)
        {
            var word = line.Trim();
            if (word.Length > 0 && word[0] != '#')
            {
                data.Words.TryAdd(word, new WordInfo(0, PartsOfSpeech.Noun, -1, 0));
            }
        }

        return data;
    }

    private static Stream OpenResource(string name) =>
        typeof(LexiconData).Assembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"The embedded resource {name} is missing from the build.");

    /// <summary>Reads the file with spans rather than string splits: a quarter of a million lines, read at start-up.</summary>
    private static LexiconData Read(TextReader reader)
    {
        var synsets = new List<Synset>(80_000);
        var words = new Dictionary<string, WordInfo>(160_000, StringComparer.Ordinal);
        var names = new Dictionary<string, ProperName>(20_000, StringComparer.Ordinal);
        var section = "";
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line[0] == '@')
            {
                section = line;
                continue;
            }

            var rest = line.AsSpan();
            switch (section)
            {
                case "@synsets":
                    var synsetWords = NextField(ref rest);
                    var parent = NextField(ref rest);
                    synsets.Add(new Synset(
                        synsetWords.IsEmpty ? [] : synsetWords.ToString().Split('|'),
                        parent.IsEmpty ? -1 : ParseInt(parent)));
                    break;
                case "@words":
                    var word = NextField(ref rest).ToString();
                    var frequency = ParseInt(NextField(ref rest));
                    var partsOfSpeech = ParsePartsOfSpeech(NextField(ref rest));
                    var synset = NextField(ref rest);
                    words[word] = new WordInfo(frequency, partsOfSpeech, synset.IsEmpty ? -1 : ParseInt(synset), (byte)ParseInt(NextField(ref rest)));
                    break;
                case "@names":
                    var spelling = NextField(ref rest).ToString();
                    names[spelling.ToLowerInvariant()] = new ProperName(spelling, ParseInt(NextField(ref rest)));
                    break;
                default:
                    throw new InvalidDataException($"The lexicon has a line outside any section: {line}");
            }
        }

        return new LexiconData(words, [.. synsets], names);
    }

    private static ReadOnlySpan<char> NextField(ref ReadOnlySpan<char> rest)
    {
        var tab = rest.IndexOf('\t');
        var field = tab < 0 ? rest : rest[..tab];
        rest = tab < 0 ? [] : rest[(tab + 1)..];
        return field;
    }

    private static PartsOfSpeech ParsePartsOfSpeech(ReadOnlySpan<char> letters)
    {
        var parts = PartsOfSpeech.None;
        foreach (var letter in letters)
        {
            parts |= letter switch
            {
                'n' => PartsOfSpeech.Noun,
                'v' => PartsOfSpeech.Verb,
                'a' => PartsOfSpeech.Adjective,
                'r' => PartsOfSpeech.Adverb,
                'p' => PartsOfSpeech.ProperName,
                'w' => PartsOfSpeech.PlaceOrDayName,
                'o' => PartsOfSpeech.OpaqueCompound,
                _ => throw new InvalidDataException($"Unknown part of speech '{letter}' in the lexicon."),
            };
        }

        return parts;
    }

    private static int ParseInt(ReadOnlySpan<char> text) => int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
}
