using TagMyStock.Core.Metadata;

namespace TagMyStock.Core.Tagging;

/// <summary>How the offline engine uses the lexicon: inferred keywords and spelling warnings.</summary>
public sealed class LocalTextEngineLexiconTests
{
    private static readonly LocalTextEngine Engine = new();

    private static TaggingResult Tag(string? hint = null, string? prompt = null, ImageMetadata? existing = null, string fileName = "IMG_0001.jpg") =>
        Engine.Tag(new TaggingInput(fileName, hint, prompt, existing ?? ImageMetadata.Empty));

    private static List<Evidence> Inferred(TaggingResult result) =>
        [.. result.Evidence.Where(evidence => evidence.Sources.Contains(EvidenceSource.Lexicon))];

    [Fact]
    public void Concepts_bring_in_their_broader_kinds_as_lexicon_evidence()
    {
        var result = Tag("Golden retriever playing on a sandy beach at sunset");

        var dog = Assert.Single(result.Evidence, evidence => evidence.Term == "dog");
        Assert.Equal([EvidenceSource.Lexicon], dog.Sources);
        Assert.Contains("dog", result.Metadata.Keywords);
    }

    [Fact]
    public void Inferred_keywords_rank_below_every_keyword_a_source_said_and_are_few()
    {
        var result = Tag("Young woman working on a laptop in a cozy cafe with a cup of coffee");

        var inferred = Inferred(result);
        var said = result.Evidence.Where(evidence => !evidence.Sources.Contains(EvidenceSource.Lexicon) && !evidence.Term.StartsWith("flag:", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(inferred);
        Assert.True(inferred.Max(evidence => evidence.Score) < said.Min(evidence => evidence.Score));
        Assert.Equal([.. said.Select(e => e.Term), .. inferred.Select(e => e.Term)], result.Metadata.Keywords);
        Assert.InRange(inferred.Count, 1, said.Count - 1);
        Assert.All(inferred, evidence => Assert.Equal([EvidenceSource.Lexicon], evidence.Sources));
        Assert.Contains("computer", result.Metadata.Keywords);
    }

    [Fact]
    public void A_word_inside_a_phrase_with_its_own_meaning_is_not_expanded()
    {
        var result = Tag("hot dog with mustard and ketchup on a paper plate");

        Assert.DoesNotContain(result.Metadata.Keywords, keyword => keyword is "pet" or "animal" or "mammal" or "canine");
    }

    [Fact]
    public void Thin_evidence_is_not_padded_with_inferred_words()
    {
        var result = Tag("tulips");

        Assert.Equal(["tulips"], result.Metadata.Keywords);
        Assert.Empty(Inferred(result));
    }

    [Fact]
    public void Inferred_people_words_set_no_release_flag()
    {
        var result = Tag("teacher's desk with books, an apple and a globe in an empty classroom");

        Assert.False(result.Metadata.Has(ContentFlags.PeopleReleaseNeeded));
    }

    [Fact]
    public void Misspelt_title_and_keyword_words_are_reported_with_fixes()
    {
        var result = Tag("Beatiful sunset over a lake", existing: new ImageMetadata { Keywords = ["acomodation", "lake"] });

        Assert.Contains(result.Warnings, warning => warning.StartsWith("\"beatiful\" may be misspelt: did you mean \"beautiful\"", StringComparison.Ordinal));
        Assert.Contains(result.Warnings, warning => warning.StartsWith("\"acomodation\" may be misspelt: did you mean \"accommodation\"", StringComparison.Ordinal));
        Assert.Single(result.Warnings, warning => warning.Contains("\"beatiful\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Sunset over Kyoto with a Nikon Z6 and an iPhone 15 in NYC")]
    [InlineData("Red Bull can on a desk next to a MacBook")]
    [InlineData("Portrait of Anna Kowalczyk in her studio in Wrocław")]
    [InlineData("Cozy cabin, 8k, 35mm, f/1.8, bokeh, selfie with a smartphone")]
    [InlineData("Well-known forget-me-not flowers in the children's garden")]
    [InlineData("Happier dogs running, jumped, quickly, geese flying")]
    [InlineData("Москва ночью, 東京の夜景")]
    [InlineData("taj mahal reflected in a pool, golden gate bridge in san francisco")]
    public void Names_brands_numbers_phrases_and_inflections_are_not_flagged(string hint)
    {
        var result = Tag(hint);

        Assert.DoesNotContain(result.Warnings, warning => warning.Contains("misspelt", StringComparison.Ordinal));
    }

    [Fact]
    public void Generated_images_name_their_tool_without_a_spelling_warning()
    {
        var result = Tag(prompt: "a fox in a snowy forest, midjourney style, dall-e 3");

        Assert.DoesNotContain(result.Warnings, warning => warning.Contains("misspelt", StringComparison.Ordinal));
    }

    [Fact]
    public void Same_input_gives_the_same_inferred_keywords_and_warnings()
    {
        var first = Tag("Golden retriever puppy on a beatiful beach", prompt: "dog running on the sand, sunset");
        var second = Tag("Golden retriever puppy on a beatiful beach", prompt: "dog running on the sand, sunset");

        Assert.Equal(first.Metadata.Keywords, second.Metadata.Keywords);
        Assert.Equal(first.Evidence, second.Evidence, (a, b) => a.Term == b.Term && a.Score.Equals(b.Score) && a.Sources.SequenceEqual(b.Sources));
        Assert.Equal(first.Warnings, second.Warnings);
    }
}
