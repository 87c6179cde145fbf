namespace TagMyStock.Core.Lexicon;

/// <summary>The generator's output (english-lexicon.tsv.gz) holds what WordNet says, in the shape the lexicon expects.</summary>
public sealed class LexiconDataTests
{
    private static readonly LexiconData Data = LexiconData.LoadEmbedded();

    private static IEnumerable<string[]> ChainAbove(string lemma)
    {
        for (var synset = Data.Synsets[Data.Words[lemma].FirstNounSynset].Parent; synset >= 0; synset = Data.Synsets[synset].Parent)
        {
            yield return Data.Synsets[synset].Words;
        }
    }

    [Fact]
    public void A_retriever_is_a_dog_is_a_mammal_is_an_animal()
    {
        var chain = ChainAbove("golden retriever").Select(words => words.FirstOrDefault() ?? "").ToList();

        Assert.Equal("retriever", chain[0]);
        Assert.True(chain.IndexOf("dog") < chain.IndexOf("mammal"));
        Assert.True(chain.IndexOf("mammal") < chain.IndexOf("animal"));
        Assert.Equal("entity", chain[^1]);
    }

    [Fact]
    public void A_synset_holds_its_lowercase_synonyms_and_no_names()
    {
        var car = Data.Synsets[Data.Words["car"].FirstNounSynset].Words;
        var dog = Data.Synsets[Data.Words["dog"].FirstNounSynset].Words;

        Assert.Superset(new HashSet<string>(["car", "auto", "automobile"]), car.ToHashSet());
        Assert.Equal(["dog", "domestic dog"], dog);
        Assert.All(Data.Synsets, synset => Assert.All(synset.Words, word => Assert.False(word.Any(char.IsUpper), word)));
    }

    [Fact]
    public void Frequencies_and_noun_shares_come_from_the_tag_counts()
    {
        Assert.True(Data.Words["beautiful"].Frequency > Data.Words["beatific"].Frequency);
        Assert.True(Data.Words["dog"].NounShare > 90);
        Assert.Equal(-1, Data.Words["golden"].FirstNounSynset);
        Assert.True(Data.Words["geese"].PartsOfSpeech == PartsOfSpeech.None, "irregular inflections are known words without senses of their own");
        Assert.True(Data.Words["sennett"].PartsOfSpeech.HasFlag(PartsOfSpeech.ProperName));
        Assert.False(Data.Words["gerbera"].PartsOfSpeech.HasFlag(PartsOfSpeech.ProperName), "a genus is written in lowercase as its flowers are");
    }

    [Fact]
    public void Every_broader_sense_and_first_sense_points_inside_the_data()
    {
        Assert.InRange(Data.Words.Count, 100_000, 200_000);
        Assert.All(Data.Synsets, synset => Assert.InRange(synset.Parent, -1, Data.Synsets.Length - 1));
        Assert.All(Data.Words.Values, word => Assert.InRange(word.FirstNounSynset, -1, Data.Synsets.Length - 1));
        Assert.All(Data.Names.Values, name => Assert.InRange(name.Kind, 0, Data.Synsets.Length - 1));
    }

    [Fact]
    public void A_name_of_several_words_keeps_its_spelling_and_the_common_noun_it_is_an_instance_of()
    {
        Assert.Equal("Eiffel Tower", Data.Names["eiffel tower"].Spelling);
        Assert.Equal("Statue of Liberty", Data.Names["statue of liberty"].Spelling);
        Assert.Equal("tower", Data.Synsets[Data.Names["eiffel tower"].Kind].Words[0]);
        Assert.Equal("suspension bridge", Data.Synsets[Data.Names["golden gate bridge"].Kind].Words[0]);
        Assert.Equal("city", Data.Synsets[Data.Names["new york city"].Kind].Words[0]);
        Assert.False(Data.Names.ContainsKey("golden retriever"), "a common noun of several words is a lemma, not a name");
        Assert.False(Data.Words.ContainsKey("eiffel tower"), "a name is no lemma: it has no senses to expand");
        Assert.All(Data.Names.Keys, name => Assert.Contains(' ', name));
    }

    [Theory]
    [InlineData("china", true)]
    [InlineData("london", true)]
    [InlineData("christmas", true)]
    [InlineData("hudson", true)]
    [InlineData("eiffel", false)]
    [InlineData("lincoln", false)]
    [InlineData("dog", false)]
    public void A_word_first_naming_a_place_or_a_day_is_marked_and_a_persons_name_is_not(string word, bool placeOrDay) =>
        Assert.Equal(placeOrDay, Data.Words[word].PartsOfSpeech.HasFlag(PartsOfSpeech.PlaceOrDayName));

    [Fact]
    public void A_persons_name_is_told_from_a_place_by_its_kind()
    {
        Assert.True(Data.NamesAPerson(Data.Names["frederick law olmsted"]));
        Assert.False(Data.NamesAPerson(Data.Names["new york city"]));
        Assert.False(Data.NamesAPerson(Data.Names["christmas eve"]));
    }

    [Theory]
    [InlineData("hot dog", true)]
    [InlineData("ice cream", true)]
    [InlineData("teddy bear", true)]
    [InlineData("red fox", false)]
    [InlineData("golden retriever", false)]
    [InlineData("apple tree", false)]
    public void A_compound_that_is_no_kind_of_its_last_word_in_any_sense_is_marked(string compound, bool opaque) =>
        Assert.Equal(opaque, Data.Words[compound].PartsOfSpeech.HasFlag(PartsOfSpeech.OpaqueCompound));
}
