using TagMyStock.Core.Agencies;
using TagMyStock.Core.Metadata;

namespace TagMyStock.Core.Tagging.Categories;

/// <summary>The offline engine's choice of each agency's category, from what the sources said.</summary>
public sealed class CategoryChoiceTests
{
    private static readonly LocalTextEngine Engine = new();
    private static readonly AgencyProfile Adobe = AgencyCatalog.Find("adobe")!;
    private static readonly AgencyProfile Shutterstock = AgencyCatalog.Find("shutterstock")!;
    private static readonly AgencyProfile Dreamstime = AgencyCatalog.Find("dreamstime")!;

    private static TaggingResult Tag(string hint, ImageMetadata? existing = null, params AgencyProfile[] agencies) =>
        Engine.Tag(new TaggingInput("IMG_0001.jpg", hint, null, existing ?? ImageMetadata.Empty) { Agencies = agencies.Length > 0 ? agencies : [Adobe, Shutterstock, Dreamstime] });

    private static string? Names(TaggingResult result, AgencyProfile agency) =>
        result.Metadata.CategoryFor(agency.Id) is { } codes
            ? string.Join(",", codes.Split(',').Select(code => agency.Categories.Value.Single(category => category.Code == code).Name))
            : null;

    [Theory]
    [InlineData("red vintage motorcycle parked in front of a brick garage", "Transport", "Transportation", "Industries / Transportation")]
    [InlineData("tabby cat resting on a blanket", "Animals", "Animals/Wildlife", "Animals / Pets")]
    [InlineData("nuthatch climbing down a tree trunk", "Animals", "Animals/Wildlife", "Animals / Birds")]
    [InlineData("cup of espresso on a wooden cafe table", "Drinks", "Food and Drink", "Industries / Food & Beverages")]
    [InlineData("sunset over the mountains", "Landscapes", "Nature", "Nature / Sunsets & Sunrises")]
    [InlineData("suspension bridge cables against a blue sky over an estuary", "Buildings and Architecture", "Buildings/Landmarks", "Arts & Architecture / Generic architecture")]
    [InlineData("christmas tree with presents", "Culture and Religion", "Holidays", "Holidays / Christmas")]
    [InlineData("hot dog with mustard", "Food", "Food and Drink", "Industries / Food & Beverages")]
    [InlineData("narrow path through a green pine forest", "Landscapes", "Nature", "Nature / Forests")]
    [InlineData("young woman working on a laptop in a cafe", "People", "People", "People / Women")]
    [InlineData("family having a picnic in the park", "People", "People", "People / Families")]
    public void The_first_subject_named_gives_each_agency_its_category(string hint, string adobe, string shutterstock, string dreamstime)
    {
        var result = Tag(hint);

        Assert.Equal(adobe, Names(result, Adobe));
        Assert.Equal(shutterstock, Names(result, Shutterstock)!.Split(',')[0]);
        Assert.Equal(dreamstime, Names(result, Dreamstime)!.Split(',')[0]);
    }

    [Fact]
    public void An_agency_that_takes_several_gets_a_second_theme_only_when_two_words_name_it()
    {
        Assert.Equal("Nature,Backgrounds/Textures", Names(Tag("green grass texture background"), Shutterstock));
        Assert.Equal("Plants and Flowers", Names(Tag("green grass texture background"), Adobe));

        // The garage is a setting, one word: the motorcycle's category alone.
        Assert.Equal("Transportation", Names(Tag("red vintage motorcycle parked in front of a brick garage"), Shutterstock));
    }

    [Fact]
    public void Each_category_carries_the_words_that_chose_it()
    {
        var result = Tag("red vintage motorcycle parked in front of a brick garage", agencies: Adobe);

        var evidence = Assert.Single(result.Evidence, item => EvidenceTerm.IsCategory(item.Term, out _, out _));
        Assert.Equal(EvidenceTerm.Of("adobe", "20"), evidence.Term);
        Assert.Equal([EvidenceSource.Hint], evidence.Sources);
        Assert.Equal(["Transport, for \"motorcycle\""], evidence.Reasons);
    }

    [Fact]
    public void Words_of_colour_mood_or_vessel_choose_nothing_and_a_category_already_there_stays()
    {
        var existing = ImageMetadata.Empty.WithCategory(Adobe.Id, "11");

        var result = Tag("bright blue cup in soft light", existing, Adobe, Shutterstock);

        Assert.Equal("11", result.Metadata.CategoryFor(Adobe.Id));
        Assert.Null(result.Metadata.CategoryFor(Shutterstock.Id));
        Assert.DoesNotContain(result.Evidence, item => EvidenceTerm.IsCategory(item.Term, out _, out _));
    }

    [Fact]
    public void No_agency_chosen_means_no_category()
    {
        var result = Engine.Tag(new TaggingInput("IMG_0001.jpg", "tabby cat", null, ImageMetadata.Empty));

        Assert.Empty(result.Metadata.Categories);
    }

    [Fact]
    public void The_pixels_alone_choose_people_from_faces_but_not_a_texture_from_even_detail()
    {
        var input = new TaggingInput("IMG_0001.jpg", null, null, ImageMetadata.Empty) { Agencies = [Adobe] };
        Observations Seen(string term) => new() { Concepts = [new Observation(term, EvidenceSource.Pixels, 0.9, "measured")] };

        Assert.Equal("People", Names(Engine.Tag(input, Seen("people")), Adobe));
        Assert.Null(Engine.Tag(input, Seen("texture")).Metadata.CategoryFor(Adobe.Id));
    }

    [Fact]
    public void Every_mapped_category_is_in_its_agency_s_list()
    {
        foreach (var agency in AgencyCatalog.All)
        {
            Assert.All(AgencyCategoryMap.NamesFor(agency.Id), name => Assert.Contains(agency.Categories.Value, category => category.Name == name));
        }

        Assert.NotEmpty(AgencyCategoryMap.NamesFor(Dreamstime.Id));
    }

    [Fact]
    public void The_category_the_user_gave_similar_images_is_chosen_without_a_hint_and_a_hints_subject_outweighs_it()
    {
        var input = new TaggingInput("IMG_0002.jpg", null, null, ImageMetadata.Empty) { Agencies = [Adobe] };
        var seen = new Observations
        {
            Concepts = [new Observation("motorcycle", EvidenceSource.SimilarImages, 0.9, "1 similar image")],
            Categories = [new ObservedCategory(Adobe.Id, "Vintage", EvidenceSource.SimilarImages, 0.9, "as IMG_0001.jpg (0.93 similar)")],
        };
        var filed = seen with { Categories = [new ObservedCategory(Adobe.Id, "19", EvidenceSource.SimilarImages, 0.9, "as IMG_0001.jpg (0.93 similar)")] };

        var taught = Engine.Tag(input, filed);
        Assert.Equal("19", taught.Metadata.CategoryFor(Adobe.Id));
        var why = Assert.Single(taught.Evidence, item => EvidenceTerm.IsCategory(item.Term, out _, out _));
        Assert.Equal([EvidenceSource.SimilarImages], why.Sources);
        Assert.Equal(["Technology, as IMG_0001.jpg (0.93 similar)"], why.Reasons);

        // A name outside the agency's list is no category; the keywords' own vote stands.
        Assert.Equal("20", Engine.Tag(input, seen).Metadata.CategoryFor(Adobe.Id));

        // The user's words about this image outweigh how similar images were filed, even the same picture.
        Assert.Equal("1", Engine.Tag(input with { Hint = "tabby cat on a sofa" }, filed).Metadata.CategoryFor(Adobe.Id));

        // A picture alike (0.6) rather than the same one (0.9) votes as the first subject named would, a little less.
        var alike = seen with { Categories = [new ObservedCategory(Adobe.Id, "19", EvidenceSource.SimilarImages, 0.6, "as IMG_0001.jpg (0.6 similar)")] };
        Assert.Equal("20", Engine.Tag(input, alike).Metadata.CategoryFor(Adobe.Id));
    }
}
