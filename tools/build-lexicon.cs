// Builds src/TagMyStock.Core/Lexicon/english-lexicon.tsv.gz from WordNet 3.0 (Debian package wordnet-base).
//
//   scripts/ensure-debian-packages wordnet-base
//   dotnet run tools/build-lexicon.cs [wordnet-dir] [output-file]
//
// Deterministic: the same WordNet files give the same bytes (sorted output, gzip without a timestamp).
// The format is described in src/TagMyStock.Core/Lexicon/README.md; Lexicon.cs reads it.
using System.Globalization;
using System.IO.Compression;
using System.Text;

var wordNetDirectory = args.Length > 0 ? args[0] : "/usr/share/wordnet";
var output = args.Length > 1 ? args[1] : Path.Combine("src", "TagMyStock.Core", "Lexicon", "english-lexicon.tsv.gz");

const int AnimalsFile = 5;
const int LocationsFile = 15;
const int NaturalObjectsFile = 17;
const int PlantsFile = 20;
const int TimesFile = 28;

var tagCounts = ReadTagCounts(Path.Combine(wordNetDirectory, "cntlist.rev"));
var (lowercaseWords, spellings) = ReadSpellings(["data.noun", "data.verb", "data.adj", "data.adv"], wordNetDirectory);
var nounSynsets = ReadNounSynsets(Path.Combine(wordNetDirectory, "data.noun"));
var words = new SortedDictionary<string, WordEntry>(StringComparer.Ordinal);

foreach (var (file, pos) in new[] { ("index.noun", 'n'), ("index.verb", 'v'), ("index.adj", 'a'), ("index.adv", 'r') })
{
    foreach (var line in File.ReadLines(Path.Combine(wordNetDirectory, file)))
    {
        if (line.StartsWith(' '))
        {
            continue; // the licence header
        }

        // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset... (senses most frequent first)
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var synsetCount = int.Parse(fields[2], CultureInfo.InvariantCulture);
        var entry = Entry(words, fields[0]);
        entry.PartsOfSpeech.Add(pos);
        entry.SenseCount += synsetCount;
        if (pos == 'n')
        {
            entry.NounOffsets.AddRange(fields[^synsetCount..].Select(offset => long.Parse(offset, CultureInfo.InvariantCulture)));
            entry.FirstNounOffset = entry.NounOffsets[0];
        }
    }
}

// Irregular inflections ("geese", "went", "better") are known words too; they add no meaning of their own.
foreach (var file in new[] { "noun.exc", "verb.exc", "adj.exc", "adv.exc" })
{
    foreach (var line in File.ReadLines(Path.Combine(wordNetDirectory, file)))
    {
        Entry(words, line.Split(' ')[0]);
    }
}

foreach (var (lemma, entry) in words)
{
    // A lemma WordNet only ever writes capitalised is a name ("Sennett"): known, never a spelling fix. Not a genus of
    // animals or plants, whose Latin name English writes in lowercase as the common one ("gerbera", "begonia").
    var isTaxon = entry.FirstNounOffset is { } sense && nounSynsets[sense].LexicographerFile is AnimalsFile or PlantsFile;
    if (entry.PartsOfSpeech.Count > 0 && !lowercaseWords.Contains(lemma) && !isTaxon)
    {
        entry.PartsOfSpeech.Add('p');
    }

    if (tagCounts.TryGetValue(lemma.Replace(' ', '_'), out var counts))
    {
        entry.Frequency = counts.Total;
        entry.FirstNounCount = counts.FirstNoun;
    }
}

// A compound of two words none of whose senses is a kind of its last word is opaque: a "hot dog" is no dog, "ice cream" no
// cream. A "red fox" is a fox (its first sense in WordNet is a plant, its second the animal), a "golden retriever" a retriever,
// and a "little girl" a girl (her first sense's own synonym; the frankfurter that "hot dog" and "dog" both name is its third).
foreach (var (lemma, entry) in words.Where(pair => pair.Key.Count(letter => letter == ' ') == 1 && pair.Value.NounOffsets.Count > 0))
{
    var head = lemma[(lemma.IndexOf(' ', StringComparison.Ordinal) + 1)..];
    if (!nounSynsets[entry.NounOffsets[0]].Words.Any(word => word != lemma && IsWordOrCompoundOf(word, head)) && !entry.NounOffsets.Any(sense => IsAKindOf(sense, head)))
    {
        entry.PartsOfSpeech.Add('o');
    }
}

// A multi-word name ("Eiffel Tower", "New York City") is kept as written, with the nearest common noun it is an
// instance or a kind of ("tower", "city"), for texts that do not capitalise it ("eiffel tower at night").
var names = new SortedDictionary<string, (string Spelling, long Kind)>(StringComparer.Ordinal);
foreach (var (lemma, entry) in words.Where(pair => pair.Key.Contains(' ', StringComparison.Ordinal)
    && pair.Value.PartsOfSpeech.Contains('p') && NamesANamedThing(pair.Value)))
{
    var kind = nounSynsets[entry.FirstNounOffset!.Value].Parent;
    while (kind is { } current && nounSynsets[current].Words.Count == 0)
    {
        kind = nounSynsets[current].Parent;
    }

    if (kind is { } found && spellings.TryGetValue(lemma, out var spelling))
    {
        names.Add(lemma, (spelling, found));
    }
}

// A sense no lowercase word names is a named thing ("Paris", "Sennett"): its chain (national capital, seat,
// centre) says little a buyer searches for, so such words are known but not expanded. A one-word name of a place or
// a day ("china", "london", "christmas") is marked: inside a longer name it still says where or when the picture is
// ("Great Wall of China", "Christmas Eve"); a person's is not ("Eiffel" of "Eiffel Tower").
foreach (var (lemma, entry) in words.Where(pair => NamesANamedThing(pair.Value)))
{
    if (!lemma.Contains(' ', StringComparison.Ordinal) && nounSynsets[entry.FirstNounOffset!.Value].LexicographerFile is LocationsFile or NaturalObjectsFile or TimesFile)
    {
        entry.PartsOfSpeech.Add('w');
    }

    entry.FirstNounOffset = null;
}

// Spelling is checked word by word, so a multi-word lemma matters only as a concept to expand ("golden
// retriever", "hot dog"): names ("new york", "abraham lincoln") and verb phrases ("look up") are left out.
foreach (var lemma in words.Where(pair => pair.Key.Contains(' ', StringComparison.Ordinal)
    && pair.Value.FirstNounOffset is null).Select(pair => pair.Key).ToList())
{
    words.Remove(lemma);
}

// Only the synsets a lemma's first noun sense or a name's kind reaches are written, renumbered in WordNet's own order.
var reachable = new SortedSet<long>();
foreach (var start in words.Values.Select(entry => entry.FirstNounOffset).Concat(names.Values.Select(name => (long?)name.Kind)))
{
    for (var offset = start; offset is { } current && reachable.Add(current);)
    {
        offset = nounSynsets[current].Parent;
    }
}

var index = reachable.Select((offset, position) => (offset, position)).ToDictionary(pair => pair.offset, pair => pair.position);

Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
using (var file = File.Create(output))
using (var gzip = new GZipStream(file, CompressionLevel.SmallestSize))
using (var writer = new StreamWriter(gzip, new UTF8Encoding(false)) { NewLine = "\n" })
{
    writer.WriteLine("# TagMyStock English lexicon, generated from WordNet 3.0 by tools/build-lexicon.cs: do not edit.");
    writer.WriteLine("# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. See WORDNET-LICENSE.");
    writer.WriteLine("@synsets");
    foreach (var offset in reachable)
    {
        var synset = nounSynsets[offset];
        var parent = synset.Parent is { } parentOffset ? index[parentOffset].ToString(CultureInfo.InvariantCulture) : "";
        writer.WriteLine($"{string.Join('|', synset.Words)}\t{parent}");
    }

    writer.WriteLine("@words");
    foreach (var (lemma, entry) in words)
    {
        var synset = entry.FirstNounOffset is { } offset ? index[offset].ToString(CultureInfo.InvariantCulture) : "";
        writer.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{lemma}\t{entry.Frequency}\t{string.Concat(entry.PartsOfSpeech)}\t{synset}\t{entry.NounShare}"));
    }

    writer.WriteLine("@names");
    foreach (var (spelling, kind) in names.Values)
    {
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{spelling}\t{index[kind]}"));
    }
}

Console.WriteLine($"{output}: {words.Count} words, {names.Count} names, {reachable.Count} noun synsets, {new FileInfo(output).Length} bytes");

// Whether a sense's broader senses (not the sense itself, whose words include the compound) name a word or a compound
// ending in it: "retriever" above "golden retriever", "fruit tree" above "apple tree".
bool IsAKindOf(long sense, string word)
{
    for (var broader = nounSynsets[sense].Parent; broader is { } current; broader = nounSynsets[current].Parent)
    {
        if (nounSynsets[current].Words.Any(name => IsWordOrCompoundOf(name, word)))
        {
            return true;
        }
    }

    return false;
}

// "retriever" or "fruit tree" for "tree"; the word's plural counts as the word ("fries", "fry").
static bool IsWordOrCompoundOf(string name, string word)
{
    var singular = word.EndsWith('s') ? word[..^1] : word;
    return name == word || name == singular || name.EndsWith($" {word}", StringComparison.Ordinal) || name.EndsWith($" {singular}", StringComparison.Ordinal);
}

// Whether a word's first noun sense is a named thing: a sense no lowercase word names ("Paris", "Eiffel Tower").
bool NamesANamedThing(WordEntry entry) => entry.FirstNounOffset is { } offset && nounSynsets[offset].Words.Count == 0;

static WordEntry Entry(SortedDictionary<string, WordEntry> words, string lemma)
{
    var key = lemma.Replace('_', ' ');
    if (!words.TryGetValue(key, out var entry))
    {
        entry = new WordEntry();
        words.Add(key, entry);
    }

    return entry;
}

// The words written in lowercase at least once, and how each word only ever capitalised is spelt ("Eiffel Tower"; the
// first spelling in file order when there are several, as "New York" and "NEW YORK" would be).
static (HashSet<string> Lowercase, Dictionary<string, string> Capitalised) ReadSpellings(string[] dataFiles, string directory)
{
    var lowercase = new HashSet<string>(StringComparer.Ordinal);
    var capitalised = new Dictionary<string, string>(StringComparer.Ordinal);
    foreach (var file in dataFiles)
    {
        foreach (var line in File.ReadLines(Path.Combine(directory, file)).Where(line => !line.StartsWith(' ')))
        {
            var fields = line.Split(' ', 5 + (2 * int.Parse(line.Split(' ', 5)[3], NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
            for (var word = 4; word < fields.Length - 1; word += 2)
            {
                // Adjectives carry a position marker: "galore(ip)".
                var text = fields[word].Split('(')[0].Replace('_', ' ');
                if (!text.Any(char.IsUpper))
                {
                    lowercase.Add(text);
                }
                else
                {
                    capitalised.TryAdd(text.ToLowerInvariant(), text);
                }
            }
        }
    }

    return (lowercase, capitalised);
}

// cntlist.rev: "sense_key sense_number tag_cnt", how often each sense was tagged in the semantic concordances.
static Dictionary<string, (int Total, int FirstNoun)> ReadTagCounts(string path)
{
    var counts = new Dictionary<string, (int Total, int FirstNoun)>(StringComparer.Ordinal);
    foreach (var line in File.ReadLines(path))
    {
        var fields = line.Split(' ');
        var lemma = fields[0][..fields[0].IndexOf('%', StringComparison.Ordinal)];
        var isFirstNounSense = fields[0][lemma.Length + 1] == '1' && fields[1] == "1";
        var count = int.Parse(fields[2], CultureInfo.InvariantCulture);
        var (total, firstNoun) = counts.GetValueOrDefault(lemma);
        counts[lemma] = (total + count, firstNoun + (isFirstNounSense ? count : 0));
    }

    return counts;
}

// data.noun: "offset lex_filenum ss_type w_cnt word lex_id... p_cnt [ptr offset pos source/target]... | gloss".
static Dictionary<long, NounSynset> ReadNounSynsets(string path)
{
    var synsets = new Dictionary<long, NounSynset>();
    foreach (var line in File.ReadLines(path))
    {
        if (line.StartsWith(' '))
        {
            continue;
        }

        var fields = line[..line.IndexOf(" | ", StringComparison.Ordinal)].Split(' ');
        var wordCount = int.Parse(fields[3], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var synsetWords = new List<string>();
        for (var word = 0; word < wordCount; word++)
        {
            // Capitalised words are names and Latin taxa ("Canis familiaris"): never keywords a buyer types.
            var text = fields[4 + (2 * word)].Replace('_', ' ');
            if (!text.Any(char.IsUpper) && !synsetWords.Contains(text))
            {
                synsetWords.Add(text);
            }
        }

        // The first hypernym (class or, for named instances such as cities, instance-of) is the parent.
        long? parent = null;
        var pointerStart = 4 + (2 * wordCount);
        var pointerCount = int.Parse(fields[pointerStart], CultureInfo.InvariantCulture);
        for (var pointer = 0; pointer < pointerCount && parent is null; pointer++)
        {
            var symbol = fields[pointerStart + 1 + (4 * pointer)];
            if (symbol is "@" or "@i")
            {
                parent = long.Parse(fields[pointerStart + 2 + (4 * pointer)], CultureInfo.InvariantCulture);
            }
        }

        synsets.Add(long.Parse(fields[0], CultureInfo.InvariantCulture), new NounSynset(synsetWords, parent, int.Parse(fields[1], CultureInfo.InvariantCulture)));
    }

    return synsets;
}

/// <param name="LexicographerFile">
/// WordNet's category of the sense: 5 for animals (noun.animal), 15 for places (noun.location), 17 for natural objects such
/// as rivers and mountains (noun.object), 20 for plants (noun.plant),
/// 28 for times (noun.time).
/// </param>
internal sealed record NounSynset(List<string> Words, long? Parent, int LexicographerFile);

internal sealed class WordEntry
{
    public SortedSet<char> PartsOfSpeech { get; } = [];

    public int SenseCount { get; set; }

    public int Frequency { get; set; }

    public int FirstNounCount { get; set; }

    public long? FirstNounOffset { get; set; }

    /// <summary>Every noun sense, most frequent first.</summary>
    public List<long> NounOffsets { get; } = [];

    /// <summary>
    /// How surely the word means its first noun sense, in percent of its tagged uses; untagged words share
    /// their senses evenly. "dog" (42 of 44 tags) is sure; "golden" (an adjective) is not a noun at all.
    /// </summary>
    public int NounShare => FirstNounOffset is null ? 0
        : Frequency > 0 ? (int)Math.Round(100.0 * FirstNounCount / Frequency)
        : (int)Math.Round(100.0 / SenseCount);
}
