using TagMyStock.Core.Metadata;

namespace TagMyStock.Core.Tagging;

public sealed class LocalTextEngineTests
{
    private static readonly LocalTextEngine Engine = new();

    private static TaggingResult Tag(string fileName, string? hint = null, string? prompt = null, ImageMetadata? existing = null, string? generator = null) =>
        Engine.Tag(new TaggingInput(fileName, hint, prompt, existing ?? ImageMetadata.Empty) { GeneratorName = generator });

    [Fact]
    public void Hint_gives_title_description_and_keywords_from_its_own_words()
    {
        var result = Tag("IMG_0412.jpg", hint: "Golden retriever playing on a sandy beach at sunset");

        Assert.Equal("Golden retriever playing on a sandy beach at sunset", result.Metadata.Title);
        Assert.Equal("Golden retriever playing on a sandy beach at sunset.", result.Metadata.Description);
        var said = result.Evidence.Where(e => !e.Term.StartsWith("flag:", StringComparison.Ordinal) && !e.Sources.Contains(EvidenceSource.Lexicon)).ToList();
        Assert.Equal(["golden", "retriever", "playing", "sandy", "beach", "sunset"], said.Select(e => e.Term).Where(k => !k.Contains(' ', StringComparison.Ordinal)));
        Assert.Contains("golden retriever", result.Metadata.Keywords);
        Assert.Contains("sandy beach", result.Metadata.Keywords);
        Assert.DoesNotContain("img", result.Metadata.Keywords);
        Assert.All(said, e => Assert.Equal([EvidenceSource.Hint], e.Sources));
        Assert.Equal(said.Select(e => e.Term), result.Metadata.Keywords.Take(said.Count));
    }

    [Fact]
    public void Words_several_sources_agree_on_rank_first()
    {
        var result = Tag("red-apple-on-wooden-table.jpg", hint: "fresh fruit on a wooden table, apple");

        Assert.Equal("wooden", result.Metadata.Keywords[0]);
        var wooden = result.Evidence.Single(e => e.Term == "wooden");
        Assert.Equal([EvidenceSource.Hint, EvidenceSource.FileName], wooden.Sources);
        Assert.Contains("red", result.Metadata.Keywords);
    }

    [Fact]
    public void Prompt_is_cleaned_of_boosters_artists_and_parameters_and_marks_the_image_ai_generated()
    {
        var result = Tag(
            "00012-3456789.png",
            prompt: "a cozy wooden cabin in snowy mountains, warm window light, by Greg Rutkowski, 8k, high resolution, masterpiece, (highly detailed:1.3) --ar 16:9 --v 6\nNegative prompt: blurry, people");

        Assert.Equal("A cozy wooden cabin in snowy mountains", result.Metadata.Title);
        Assert.True(result.Metadata.Has(ContentFlags.AiGenerated));
        Assert.Contains("cabin", result.Metadata.Keywords);
        Assert.Contains("snowy mountains", result.Metadata.Keywords);
        Assert.DoesNotContain(result.Metadata.Keywords, k => k.Contains("rutkowski", StringComparison.Ordinal) || k.Contains("8k", StringComparison.Ordinal) || k.Contains("masterpiece", StringComparison.Ordinal) || k.Contains("resolution", StringComparison.Ordinal) || k == "blurry" || k == "people" || k == "ar");
        Assert.False(result.Metadata.Has(ContentFlags.PeopleReleaseNeeded));
        Assert.Contains(result.Evidence, e => e.Term == "flag:ai-generated");
    }

    [Fact]
    public void Real_people_need_a_release_but_generated_people_do_not()
    {
        Assert.True(Tag("x.jpg", hint: "smiling woman working on a laptop").Metadata.Has(ContentFlags.PeopleReleaseNeeded));
        Assert.False(Tag("x.png", prompt: "smiling woman working on a laptop").Metadata.Has(ContentFlags.PeopleReleaseNeeded));
    }

    [Fact]
    public void Illustration_words_set_the_illustration_flag()
    {
        Assert.True(Tag("x.png", hint: "watercolor illustration of a fox").Metadata.Has(ContentFlags.Illustration));
        Assert.False(Tag("x.png", hint: "red fox in the forest").Metadata.Has(ContentFlags.Illustration));
    }

    [Fact]
    public void A_generator_named_in_the_file_marks_the_image_ai_generated()
    {
        Assert.True(Tag("x.png", hint: "abstract waves", generator: "Midjourney v6").Metadata.Has(ContentFlags.AiGenerated));
        Assert.False(Tag("x.png", hint: "abstract waves", generator: "Adobe Photoshop 25.0").Metadata.Has(ContentFlags.AiGenerated));
    }

    [Fact]
    public void Existing_metadata_is_kept_and_extended_not_replaced()
    {
        var existing = new ImageMetadata
        {
            Title = "Lighthouse on a rocky coast",
            Description = "White lighthouse on a rocky coast under a blue sky.",
            Keywords = ["Lighthouse", "coast", "sea"],
        };

        var result = Tag("DSC01234.jpg", existing: existing);

        Assert.Equal(existing.Title, result.Metadata.Title);
        Assert.Equal(existing.Description, result.Metadata.Description);
        Assert.Equal("lighthouse", result.Metadata.Keywords[0]);
        Assert.Contains("sea", result.Metadata.Keywords);
        Assert.Contains("rocky coast", result.Metadata.Keywords);
        Assert.Equal(result.Metadata.Keywords.Count, result.Metadata.Keywords.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Nothing_known_gives_nothing_invented_and_says_so()
    {
        var result = Tag("IMG_20240101_123456.jpg");

        Assert.Equal("", result.Metadata.Title);
        Assert.Equal("", result.Metadata.Description);
        Assert.Empty(result.Metadata.Keywords);
        Assert.Contains(result.Warnings, w => w.Contains("--hint", StringComparison.Ordinal));
    }

    [Fact]
    public void A_hint_too_long_for_a_title_gives_its_leading_clause_and_the_description_keeps_it_whole()
    {
        const string hint = "astronaut in an orange flight suit smiling, with a space shuttle model and the American flag";

        var result = Tag("x.jpg", hint: hint);

        Assert.Equal("Astronaut in an orange flight suit smiling", result.Metadata.Title);
        Assert.Equal("Astronaut in an orange flight suit smiling, with a space shuttle model and the American flag.", result.Metadata.Description);
    }

    [Theory]
    [InlineData(
        "Landscape photo of a rocky limestone mountain above an autumn forest with orange larches and a green meadow, golden light",
        "Rocky limestone mountain above an autumn forest")]
    [InlineData("Macro photo of two dandelion seeds on a seed head, orange bokeh", "Two dandelion seeds")]
    [InlineData("Black and white photo of a wooden pier in thick fog", "Wooden pier in thick fog")]
    [InlineData("Hubble space telescope deep field image of distant galaxies", "Hubble space telescope deep field image of distant galaxies")]
    [InlineData("Wedding photo of a couple under an oak tree", "Wedding photo of a couple under an oak tree")]
    [InlineData("Top down food photo of a halved fig in a red bowl", "Halved fig in a red bowl")]
    [InlineData("Portrait photo of a cat looking at the camera, soft light", "Cat looking at the camera")]
    public void A_prompts_title_leaves_out_the_medium_and_fits_without_saying_a_word_twice(string prompt, string title)
    {
        var result = Tag("x.png", prompt: prompt);

        Assert.Equal(title, result.Metadata.Title);
        var subject = prompt.Split(',')[0];
        Assert.Contains(subject[subject.IndexOf(title.Split(' ')[^1], StringComparison.Ordinal)..], result.Metadata.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hint_too_long_for_a_title_and_without_commas_is_cut_before_a_detail_but_a_short_one_stays_as_written()
    {
        Assert.Equal("Astronaut in an orange flight suit smiling", Tag("x.jpg", hint: "astronaut in an orange flight suit smiling with a space shuttle model and the American flag").Metadata.Title);
        Assert.Equal("Smiling female astronaut", Tag("x.jpg", hint: "smiling female astronaut in an orange launch and entry suit holding a helmet").Metadata.Title);
        Assert.Equal("Cup of coffee next to a coffee pot", Tag("x.jpg", hint: "cup of coffee next to a coffee pot").Metadata.Title);
    }

    [Fact]
    public void How_a_prompt_asks_for_the_picture_to_be_shot_is_no_keyword()
    {
        var result = Tag("x.png", prompt: "red fox in a snowy forest, shallow depth of field, soft light, 85mm, f/1.8, warm tones, low angle");

        Assert.Contains("fox", result.Metadata.Keywords);
        Assert.Contains("snowy forest", result.Metadata.Keywords);
        Assert.DoesNotContain(result.Metadata.Keywords, keyword => keyword.Split(' ').Any(word => word is "depth" or "field" or "soft" or "light" or "85mm" or "mm" or "tones" or "warm" or "angle" or "low"));
    }

    [Theory]
    [InlineData("macro photo of gerbera petals, vivid warm colours, soft natural light", "vivid")]
    [InlineData("water drop splash, cool blue tones, dark background", "cool")]
    public void The_adjectives_of_how_a_prompt_asks_for_light_and_colour_go_with_it(string prompt, string adjective)
    {
        var result = Tag("x.png", prompt: prompt);

        Assert.DoesNotContain(result.Metadata.Keywords, keyword => keyword.Split(' ').Contains(adjective));
        Assert.DoesNotContain(result.Metadata.Keywords, keyword => keyword.Split(' ').Any(word => word is "light" or "tones" or "colours" or "soft" or "warm"));
    }

    [Fact]
    public void A_mood_before_how_a_prompt_asks_for_colour_stays() =>
        Assert.Contains("moody", Tag("x.png", prompt: "dark storm clouds over an empty highway, moody blue tones").Metadata.Keywords);

    [Fact]
    public void Thin_evidence_is_reported_not_padded()
    {
        var result = Tag("x.jpg", hint: "tulips");

        Assert.Equal(["tulips"], result.Metadata.Keywords);
        Assert.Contains(result.Warnings, w => w.StartsWith("Only 1 keyword", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("golden-retriever_on_beach_0412.jpg", "golden retriever on beach")]
    [InlineData("SunsetOverLake.jpeg", "sunset over lake")]
    [InlineData("IMG_1234.JPG", "")]
    [InlineData("DSC_0001 copy.jpg", "")]
    [InlineData("3f9a2c1be4d5.png", "")]
    [InlineData("ComfyUI_00042_.png", "")]
    [InlineData("of-the.jpg", "")]
    public void File_names_give_words_only_when_a_person_chose_them(string fileName, string expected) =>
        Assert.Equal(expected, FileNameWords.Extract(fileName));

    [Fact]
    public void Same_input_gives_the_same_output()
    {
        var first = Tag("forest-path.jpg", hint: "misty forest path in autumn", prompt: "foggy woodland trail, autumn leaves");
        var second = Tag("forest-path.jpg", hint: "misty forest path in autumn", prompt: "foggy woodland trail, autumn leaves");

        Assert.Equal(first.Metadata, second.Metadata);
        Assert.Equal(first.Evidence, second.Evidence, (a, b) => a.Term == b.Term && a.Score.Equals(b.Score) && a.Sources.SequenceEqual(b.Sources));
    }

    [Fact]
    public async Task TagAsync_honours_cancellation()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAsync<OperationCanceledException>(() => Engine.TagAsync(new TaggingInput("x.jpg", "cat", null, ImageMetadata.Empty), cancelled.Token));
    }

    [Fact]
    public void Plurals_from_different_sources_are_one_keyword_with_both_as_evidence()
    {
        var result = Tag("tulips-in-vase.jpg", hint: "tulip bouquet");

        Assert.Equal("tulip", result.Metadata.Keywords[0]);
        Assert.DoesNotContain("tulips", result.Metadata.Keywords);
        Assert.Equal([EvidenceSource.Hint, EvidenceSource.FileName], result.Evidence.Single(e => e.Term == "tulip").Sources);
    }

    [Fact]
    public void A_file_name_or_long_description_supports_phrases_but_does_not_invent_them()
    {
        var fromName = Tag("water-drop-splash-crown.jpg");
        Assert.Equal(["water", "drop", "splash", "crown"], fromName.Metadata.Keywords);

        var corroborated = Tag("water-drop-splash-crown.jpg", hint: "water drop");
        Assert.Equal([EvidenceSource.Hint, EvidenceSource.FileName], corroborated.Evidence.Single(e => e.Term == "water drop").Sources);
        Assert.DoesNotContain("drop splash", corroborated.Metadata.Keywords);
    }

    [Theory]
    [InlineData("mountain-trail-picos-de-europa.jpg", "hiking trail in the Picos de Europa", "picos de europa", new[] { "picos", "de", "europa" })]
    [InlineData("pier-fog-black-white.jpg", "wooden pier in the fog, black and white", "black and white", new[] { "black", "white" })]
    [InlineData("cat-looking-at-camera.jpg", "tabby cat looking at the camera", "looking at camera", new[] { "looking", "camera" })]
    public void A_file_name_makes_no_keywords_of_the_words_of_a_term_the_hint_says_as_one(string fileName, string hint, string term, string[] words)
    {
        var result = Tag(fileName, hint: hint);

        Assert.Contains(term, result.Metadata.Keywords);
        Assert.All(words, word => Assert.DoesNotContain(word, result.Metadata.Keywords));
    }

    [Fact]
    public void A_hint_that_is_a_list_of_keywords_makes_no_title_and_says_why()
    {
        var result = Tag("IMG_0001.jpg", hint: "beach, sunset, palm trees, tropical, vacation");

        Assert.Equal("", result.Metadata.Title);
        Assert.Contains(result.Warnings, warning => warning.Contains("list of keywords", StringComparison.Ordinal));
        Assert.Contains("palm trees", result.Metadata.Keywords);
        Assert.DoesNotContain(",", result.Metadata.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hint_that_starts_with_a_phrase_and_lists_keywords_after_it_titles_with_the_phrase()
    {
        var result = Tag("IMG_0001.jpg", hint: "cat resting on a blanket, cozy, home, pet");

        Assert.Equal("Cat resting on a blanket", result.Metadata.Title);
        Assert.Equal("Cat resting on a blanket.", result.Metadata.Description);
        Assert.Contains("cozy", result.Metadata.Keywords);
        Assert.DoesNotContain(result.Warnings, warning => warning.Contains("list of keywords", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("PARIS STREET CAFE IN THE MORNING", "Paris street cafe in the morning")]
    [InlineData("EIFFEL TOWER AT NIGHT", "Eiffel Tower at night")]
    [InlineData("eiffel tower at night in paris", "Eiffel Tower at night in Paris")]
    [InlineData("golden gate bridge in san francisco at sunset", "Golden Gate Bridge in San Francisco at sunset")]
    [InlineData("white house with blue shutters in us style", "White house with blue shutters in us style")]
    [InlineData("Sunset over the golden gate bridge", "Sunset over the Golden Gate Bridge")]
    [InlineData("flowers for mother's day", "Flowers for Mother's Day")]
    [InlineData("Eiffel Tower At Night", "Eiffel Tower At Night")]
    public void A_hint_makes_a_title_in_sentence_case_with_the_names_capitalised_unless_written_in_title_case(string hint, string title) =>
        Assert.Equal(title, Tag("IMG_0001.jpg", hint: hint).Metadata.Title);

    [Fact]
    public void No_word_appears_in_more_than_three_keywords()
    {
        var result = Tag("x.png", prompt: "orange sunset, warm orange sky, orange clouds over orange sea, orange light");

        Assert.Equal(3, result.Metadata.Keywords.Count(k => k.Split(' ').Contains("orange")));
    }

    [Fact]
    public void A_file_name_keeps_hyphenated_words_that_other_sources_spell_with_hyphens()
    {
        var existing = new ImageMetadata { Keywords = ["forget-me-not", "ladybird"] };

        var result = Tag("ladybird-among-forget-me-not.jpg", existing: existing);

        Assert.Contains("forget-me-not", result.Metadata.Keywords);
        Assert.DoesNotContain("forget", result.Metadata.Keywords);
        Assert.Equal([EvidenceSource.ExistingMetadata, EvidenceSource.FileName], result.Evidence.Single(e => e.Term == "forget-me-not").Sources);
    }
}
