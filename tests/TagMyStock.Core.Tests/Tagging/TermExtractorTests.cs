using TagMyStock.Core.Lexicon;

namespace TagMyStock.Core.Tagging;

public sealed class TermExtractorTests
{
    private static string[] Phrases(string text, bool everyPair = false) =>
        [.. TermExtractor.Extract(text, EnglishLexicon.Shared, everyPair).Where(term => term.IsPhrase).Select(term => term.Text)];

    private static string[] Words(string text) =>
        [.. TermExtractor.Extract(text, EnglishLexicon.Shared).Where(term => !term.IsPhrase).Select(term => term.Text)];

    [Theory]
    [InlineData("cup of espresso on a wooden cafe table", new[] { "cafe table" })]
    [InlineData("used paint brushes with colourful bristles", new[] { "paint brushes", "colourful bristles" })]
    [InlineData("red motorcycle parked in a garage", new[] { "red motorcycle" })]
    [InlineData("two cocker spaniels looking out of a window", new[] { "cocker spaniels" })]
    [InlineData("a space shuttle model", new[] { "space shuttle" })]
    [InlineData("mother and baby sleeping together", new string[0])]
    public void A_phrase_ends_where_the_named_thing_does_or_is_a_known_compound(string text, string[] expected)
    {
        Assert.Equal(expected, Phrases(text));
    }

    [Theory]
    [InlineData("hot dog stand with mustard", new[] { "hot", "stand", "mustard" }, new[] { "hot dog" })]
    [InlineData("sea lion on the rocks", new[] { "sea", "rocks" }, new[] { "sea lion" })]
    [InlineData("teddy bears on a bed", new[] { "teddy", "bed" }, new[] { "teddy bears" })]
    [InlineData("golden retriever puppy", new[] { "golden", "retriever", "puppy" }, new[] { "golden retriever", "retriever puppy" })]
    [InlineData("apple trees in bloom", new[] { "apple", "trees", "bloom" }, new[] { "apple trees" })]
    public void A_compound_that_is_no_kind_of_its_last_word_does_not_give_that_word(string text, string[] words, string[] phrases)
    {
        Assert.Equal(words, Words(text));
        Assert.Equal(phrases, Phrases(text));
    }

    [Fact]
    public void A_text_that_only_supports_phrases_offers_every_pair()
    {
        Assert.Equal(["water drop", "drop splash", "splash crown"], Phrases("water drop splash crown", everyPair: true));
    }

    [Fact]
    public void A_known_compound_joined_by_and_is_one_term()
    {
        Assert.Equal(["wooden", "pier", "fog", "black and white"], Words("wooden pier in the fog, black and white"));
    }

    [Fact]
    public void Seen_says_how_the_picture_was_taken_not_what_it_shows()
    {
        Assert.Equal(["grass", "texture"], Words("grass texture seen from above"));
    }

    [Theory]
    [InlineData("woman walks her dog along the beach", new[] { "woman", "dog", "beach" })]
    [InlineData("girl holds a bunch of tulips", new[] { "girl", "bunch", "tulips" })]
    [InlineData("cat sleeping peacefully on a soft blanket", new[] { "cat", "sleeping", "soft", "blanket" })]
    [InlineData("two spaniels lean out of a window", new[] { "two", "spaniels", "window" })]
    [InlineData("horses graze in a meadow", new[] { "horses", "meadow" })]
    [InlineData("polar bears on the ice", new[] { "polar", "bears", "ice" })]
    public void Manner_adverbs_and_present_tense_verbs_are_not_keywords(string text, string[] expected)
    {
        Assert.Equal(expected, Words(text));
        Assert.DoesNotContain(Phrases(text), phrase => phrase.Split(' ').Any(word => !expected.Contains(word)));
    }

    [Theory]
    [InlineData("hiking trail through a mountain meadow in the Picos de Europa", new[] { "hiking", "trail", "mountain", "meadow", "picos de europa" })]
    [InlineData("New York City skyline at night", new[] { "new york city", "new york", "city", "skyline", "night" })]
    [InlineData("tourists at the Statue of Liberty", new[] { "tourists", "statue of liberty", "statue" })]
    [InlineData("boats on Lake Como in summer", new[] { "boats", "lake como", "lake", "summer" })]
    [InlineData("Picos de Europa", new[] { "picos de europa" })]
    [InlineData("Mount Fuji with cherry blossoms", new[] { "mount fuji", "mountain", "cherry", "blossoms" })]
    [InlineData("the Statue of Liberty at Night", new[] { "statue of liberty", "statue", "night" })]
    public void A_capitalised_name_is_one_keyword_with_the_kind_of_thing_it_names(string text, string[] expected) =>
        Assert.Equal(expected, Words(text));

    [Theory]
    [InlineData("eiffel tower at night", new[] { "eiffel tower", "tower", "night" })]
    [InlineData("Eiffel Tower At Night", new[] { "eiffel tower", "tower", "night" })]
    [InlineData("golden gate bridge in san francisco", new[] { "golden gate bridge", "golden gate", "bridge", "san francisco" })]
    [InlineData("the golden gate bridge, San Francisco", new[] { "golden gate bridge", "golden gate", "bridge", "san francisco" })]
    [InlineData("NEW YORK CITY SKYLINE", new[] { "new york city", "new york", "city", "skyline" })]
    [InlineData("mount fuji at sunrise", new[] { "mount fuji", "mountain", "sunrise" })]
    [InlineData("Big Ben and the Houses of Parliament", new[] { "big ben", "houses of parliament" })]
    [InlineData("Storm over the Black Sea", new[] { "storm", "black sea", "sea" })]
    public void A_name_wordnet_knows_is_found_in_any_case_with_the_kind_among_its_own_words(string text, string[] expected) =>
        Assert.Equal(expected, Words(text));

    [Theory]
    [InlineData("family dinner on christmas eve", new[] { "family", "dinner", "christmas eve", "christmas" })]
    [InlineData("Great Wall of China at sunrise", new[] { "great wall of china", "great wall", "china", "wall", "sunrise" })]
    [InlineData("London Bridge at night", new[] { "london bridge", "london", "bridge", "night" })]
    [InlineData("new year's eve fireworks", new[] { "new year's eve", "new year", "fireworks" })]
    [InlineData("Sydney Harbour Bridge at dusk", new[] { "sydney harbour bridge", "sydney", "bridge", "dusk" })]
    [InlineData("eiffel tower at night", new[] { "eiffel tower", "tower", "night" })]
    [InlineData("a statue of Frederick Law Olmsted", new[] { "statue", "frederick law olmsted" })]
    [InlineData("road trip through West Virginia", new[] { "road", "trip", "west virginia" })]
    [InlineData("sheep farm in New Zealand", new[] { "sheep", "farm", "new zealand" })]
    [InlineData("portrait of Leon Smith", new[] { "portrait", "leon smith" })]
    public void A_place_or_a_day_named_inside_a_name_is_a_keyword_of_its_own(string text, string[] expected) =>
        Assert.Equal(expected, Words(text));

    [Theory]
    [InlineData("St. Patrick's Day parade", new[] { "saint patrick's day", "parade" })]
    [InlineData("on st. patrick's day", new[] { "saint patrick's day" })]
    [InlineData("Mt. Fuji at dawn", new[] { "mount fuji", "mountain", "dawn" })]
    [InlineData("Mt Fuji", new[] { "mount fuji", "mountain" })]
    [InlineData("shoppers on Oxford St. at Christmas", new[] { "shoppers", "oxford street", "street", "christmas" })]
    public void St_and_mt_are_spelt_out_as_names_spell_them_and_end_no_clause(string text, string[] expected) =>
        Assert.Equal(expected, Words(text));

    [Theory]
    [InlineData("Thanksgiving Day turkey", new[] { "thanksgiving day", "thanksgiving", "turkey" })]
    [InlineData("mother and child on mother's day", new[] { "mother", "child", "mother's day" })]
    public void A_day_is_no_kind_a_picture_shows(string text, string[] expected)
    {
        Assert.Equal(expected, Words(text));
        Assert.Empty(Phrases(text));
    }

    [Theory]
    [InlineData("white house with blue shutters", new[] { "white", "house", "blue", "shutters" })]
    [InlineData("storm over the black sea", new[] { "storm", "black", "sea" })]
    [InlineData("White house on a hill", new[] { "white", "house", "hill" })]
    [InlineData("ancient Greek coins", new[] { "ancient", "greek", "coins" })]
    [InlineData("ancient greek coins", new[] { "ancient", "greek", "coins" })]
    [InlineData("Fireworks over the city at night", new[] { "fireworks", "city", "night" })]
    public void A_name_of_everyday_words_is_one_only_where_the_writer_capitalised_it(string text, string[] expected) =>
        Assert.Equal(expected, Words(text));

    [Theory]
    [InlineData("Notre Dame cathedral in Paris", new[] { "notre dame", "cathedral", "paris" })]
    [InlineData("surfers on Bondi Beach at sunrise", new[] { "surfers", "bondi beach", "beach", "sunrise" })]
    [InlineData("the Blue Mosque at dusk", new[] { "blue mosque", "mosque", "dusk" })]
    public void An_unknown_names_kind_is_a_place_a_made_thing_or_a_common_noun(string text, string[] expected) =>
        Assert.Equal(expected, Words(text));

    [Fact]
    public void A_kind_that_ends_the_name_makes_a_phrase_with_the_word_after_it_and_a_name_none_with_the_words_before()
    {
        Assert.Contains("city skyline", Phrases("new york city skyline at night"));
        Assert.Equal(["central park"], Phrases("autumn in central park new york"));
    }

    [Theory]
    [InlineData("abstract blue watercolor background with copy space", new[] { "abstract", "blue", "watercolor", "background", "copy space" })]
    [InlineData("laptop on a desk, copy-space on the right", new[] { "laptop", "desk", "copy space" })]
    [InlineData("woman working from home with a laptop", new[] { "woman", "laptop", "working from home" })]
    [InlineData("fresh vegetables on a wooden table, top view", new[] { "fresh", "vegetables", "wooden", "table", "top view" })]
    [InlineData("vintage car in side-view", new[] { "vintage", "car", "side view" })]
    [InlineData("close up of a ladybug on a leaf", new[] { "ladybug", "leaf", "close-up" })]
    public void Stock_idioms_are_one_keyword_and_not_their_words(string text, string[] expected) =>
        Assert.Equal(expected, Words(text));

    [Theory]
    [InlineData("boat in front of the lighthouse", new[] { "boat", "lighthouse" })]
    [InlineData("cat sitting on top of a wooden fence", new[] { "cat", "sitting", "wooden", "fence" })]
    [InlineData("dog in the middle of the road", new[] { "dog", "road" })]
    [InlineData("house at the edge of the forest", new[] { "house", "forest" })]
    [InlineData("bench by the side of the lake", new[] { "bench", "lake" })]
    [InlineData("cherry on top", new[] { "cherry" })]
    [InlineData("copy space on the left", new[] { "copy space" })]
    [InlineData("back seat of a car, side view", new[] { "back", "seat", "car", "side view" })]
    [InlineData("red front door", new[] { "red", "front", "door" })]
    public void A_part_that_only_says_where_is_no_keyword(string text, string[] expected) =>
        Assert.Equal(expected, Words(text));

    [Theory]
    [InlineData("View of Paris at dusk", new[] { "view", "paris", "dusk" })]
    [InlineData("Golden retriever puppy on a lawn", new[] { "golden", "retriever", "puppy", "lawn" })]
    [InlineData("Lake Como At Dawn", new[] { "lake", "como", "dawn" })]
    [InlineData("astronaut with the Russian flag", new[] { "astronaut", "russian", "flag" })]
    [InlineData("In Paris at dusk", new[] { "paris", "dusk" })]
    [InlineData("LAKE COMO AT DAWN", new[] { "lake", "como", "dawn" })]
    public void A_first_word_a_title_case_text_or_a_single_capital_is_no_name(string text, string[] expected) =>
        Assert.Equal(expected, Words(text));

    [Theory]
    [InlineData("yellow flower on a dark background", new[] { "yellow", "flower", "dark" }, "dark background")]
    [InlineData("ladybird on a grass stem, soft blurred background", new[] { "ladybird", "grass", "stem" }, "blurred background")]
    [InlineData("coffee cup against a plain white backdrop", new[] { "coffee", "cup", "white" }, "white backdrop")]
    public void A_backdrop_behind_a_subject_is_searched_as_a_phrase_not_as_a_background(string text, string[] words, string phrase)
    {
        Assert.Equal(words, Words(text));
        Assert.Contains(phrase, Phrases(text));
    }

    [Fact]
    public void A_background_that_is_the_picture_is_a_keyword() =>
        Assert.Equal(["abstract", "blue", "watercolor", "background"], Words("abstract blue watercolor background"));

    [Fact]
    public void What_a_thing_resembles_is_not_what_it_is() =>
        Assert.Equal(["bright", "yellow", "flower", "petals"], Words("bright yellow daisy-like flower with star-like petals"));

    [Fact]
    public void A_name_makes_no_phrase_with_its_neighbours()
    {
        Assert.DoesNotContain(Phrases("hiking trail in the Picos de Europa"), phrase => phrase.Contains("europa", StringComparison.Ordinal));
        Assert.Equal(["statue of liberty", "statue", "torch"], Words("the Statue of Liberty torch"));
        Assert.Empty(Phrases("the Statue of Liberty torch"));
    }

    [Theory]
    [InlineData("water drop splash forming a crown", "forming")]
    [InlineData("minimalist black and white photo of a wooden pier leading into thick fog", "leading")]
    [InlineData("narrow footpath winding through a pine forest", "winding")]
    [InlineData("old lighthouse standing on a cliff", "standing")]
    [InlineData("landscape, sun setting behind the hills", "setting")]
    public void What_a_thing_that_does_not_act_is_doing_is_no_keyword(string text, string participle)
    {
        Assert.DoesNotContain(participle, Words(text));
        Assert.NotEmpty(Words(text));
    }

    [Theory]
    [InlineData("nuthatch climbing down a tree trunk", "climbing")]
    [InlineData("children playing in the park", "playing")]
    [InlineData("crowd cheering at a concert", "cheering")]
    [InlineData("sailboat sailing at sunset", "sailing")]
    [InlineData("small stream flowing gently over rocks", "flowing")]
    [InlineData("clear water pouring into a glass", "pouring")]
    [InlineData("snow falling on a village street", "falling")]
    [InlineData("cherry trees blooming in spring", "blooming")]
    [InlineData("cherry blossoms blooming in Kyoto", "blooming")]
    [InlineData("hands holding a cup of coffee", "holding")]
    [InlineData("astronaut in an orange flight suit smiling", "smiling")]
    [InlineData("hiking trail through a mountain meadow", "hiking")]
    [InlineData("crossing steel cables against the sky", "crossing")]
    [InlineData("running on the beach at dawn", "running")]
    public void What_living_things_vehicles_water_and_weather_do_stays_a_keyword_and_so_does_an_ing_word_before_a_noun(string text, string participle) =>
        Assert.Contains(participle, Words(text));

    [Theory]
    [InlineData("tabby cat with green eyes looking at the camera", new[] { "tabby", "cat", "green", "eyes", "looking at camera" })]
    [InlineData("woman smiling into the camera, studio portrait", new[] { "woman", "smiling", "looking at camera", "studio", "portrait" })]
    [InlineData("girl in a red coat gazing directly at the viewer", new[] { "girl", "red", "coat", "looking at camera" })]
    public void Eye_contact_with_the_lens_is_one_term_and_shows_no_camera(string text, string[] words) =>
        Assert.Equal(words, Words(text));

    [Theory]
    [InlineData("photographer looking through a camera on a tripod")]
    [InlineData("boy looking at a camera in a shop window")]
    public void A_camera_that_is_looked_through_or_at_stays_a_subject(string text)
    {
        Assert.Contains("camera", Words(text));
        Assert.DoesNotContain("looking at camera", Words(text));
    }

    [Theory]
    [InlineData("water drops on a green leaf", "water drops")]
    [InlineData("city lights at night", "city lights")]
    [InlineData("ocean waves crashing on rocks", "ocean waves")]
    [InlineData("luxury wrist watches in a shop window", "wrist watches")]
    [InlineData("fireworks display over a harbour", "fireworks display")]
    [InlineData("grass blades in morning dew", "grass blades")]
    public void A_plural_noun_that_is_also_a_verb_stays_a_keyword(string text, string phrase)
    {
        Assert.Contains(phrase, Phrases(text));
        Assert.Contains(phrase.Split(' ')[1], Words(text));
    }
}
