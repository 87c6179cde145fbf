using System.Collections.Frozen;
using TagMyStock.Core.Agencies;

namespace TagMyStock.Core.Tagging.Categories;

/// <summary>
/// Where each agency files a subject, by the category's name in the agency's own list (<see cref="AgencyProfile.Categories"/>).
/// A subject an agency has no category for is not mapped there: a category that does not fit is worse than none, which
/// the agency checks report (Dreamstime files people only as women, men, children and the like, so "people" alone is
/// left to the contributor there). A test holds every name to the agency's list.
/// </summary>
internal static class AgencyCategoryMap
{
    private static readonly FrozenDictionary<StockSubject, string> AdobeStock = new Dictionary<StockSubject, string>
    {
        [StockSubject.Pets] = "Animals",
        [StockSubject.Mammals] = "Animals",
        [StockSubject.FarmAnimals] = "Animals",
        [StockSubject.Birds] = "Animals",
        [StockSubject.Insects] = "Animals",
        [StockSubject.MarineLife] = "Animals",
        [StockSubject.Reptiles] = "Animals",
        [StockSubject.Animals] = "Animals",
        [StockSubject.Flowers] = "Plants and Flowers",
        [StockSubject.Plants] = "Plants and Flowers",
        [StockSubject.FruitAndVegetables] = "Food",
        [StockSubject.Food] = "Food",
        [StockSubject.Drinks] = "Drinks",
        [StockSubject.Transport] = "Transport",
        [StockSubject.Space] = "Science",
        [StockSubject.Science] = "Science",
        [StockSubject.Technology] = "Technology",
        [StockSubject.Business] = "Business",
        [StockSubject.Finance] = "Business",
        [StockSubject.Industry] = "Industry",
        [StockSubject.Buildings] = "Buildings and Architecture",
        [StockSubject.Landmarks] = "Buildings and Architecture",
        [StockSubject.Interiors] = "Buildings and Architecture",
        [StockSubject.Mountains] = "Landscapes",
        [StockSubject.LakesAndRivers] = "Landscapes",
        [StockSubject.Sea] = "Landscapes",
        [StockSubject.Forests] = "Landscapes",
        [StockSubject.Fields] = "Landscapes",
        [StockSubject.Sky] = "Landscapes",
        [StockSubject.Sunsets] = "Landscapes",
        [StockSubject.Weather] = "Landscapes",
        [StockSubject.Landscapes] = "Landscapes",
        [StockSubject.People] = "People",
        [StockSubject.Women] = "People",
        [StockSubject.Men] = "People",
        [StockSubject.Children] = "People",
        [StockSubject.Teens] = "People",
        [StockSubject.Seniors] = "People",
        [StockSubject.Families] = "People",
        [StockSubject.Couples] = "People",
        [StockSubject.Sports] = "Sports",
        [StockSubject.Christmas] = "Culture and Religion",
        [StockSubject.Holidays] = "Culture and Religion",
        [StockSubject.Religion] = "Culture and Religion",
        [StockSubject.Travel] = "Travel",
        [StockSubject.Arts] = "Hobbies and Leisure",
        [StockSubject.Music] = "Hobbies and Leisure",
        [StockSubject.Fashion] = "Lifestyle",
        [StockSubject.Textures] = "Graphic Resources",
        [StockSubject.Abstract] = "Graphic Resources",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<StockSubject, string> Shutterstock = new Dictionary<StockSubject, string>
    {
        [StockSubject.Pets] = "Animals/Wildlife",
        [StockSubject.Mammals] = "Animals/Wildlife",
        [StockSubject.FarmAnimals] = "Animals/Wildlife",
        [StockSubject.Birds] = "Animals/Wildlife",
        [StockSubject.Insects] = "Animals/Wildlife",
        [StockSubject.MarineLife] = "Animals/Wildlife",
        [StockSubject.Reptiles] = "Animals/Wildlife",
        [StockSubject.Animals] = "Animals/Wildlife",
        [StockSubject.Flowers] = "Nature",
        [StockSubject.Plants] = "Nature",
        [StockSubject.FruitAndVegetables] = "Food and Drink",
        [StockSubject.Food] = "Food and Drink",
        [StockSubject.Drinks] = "Food and Drink",
        [StockSubject.Transport] = "Transportation",
        [StockSubject.Space] = "Science",
        [StockSubject.Science] = "Science",
        [StockSubject.Technology] = "Technology",
        [StockSubject.Business] = "Business/Finance",
        [StockSubject.Finance] = "Business/Finance",
        [StockSubject.Industry] = "Industrial",
        [StockSubject.Buildings] = "Buildings/Landmarks",
        [StockSubject.Landmarks] = "Buildings/Landmarks",
        [StockSubject.Interiors] = "Interiors",
        [StockSubject.Mountains] = "Nature",
        [StockSubject.LakesAndRivers] = "Nature",
        [StockSubject.Sea] = "Nature",
        [StockSubject.Forests] = "Nature",
        [StockSubject.Fields] = "Nature",
        [StockSubject.Sky] = "Nature",
        [StockSubject.Sunsets] = "Nature",
        [StockSubject.Weather] = "Nature",
        [StockSubject.Landscapes] = "Nature",
        [StockSubject.People] = "People",
        [StockSubject.Women] = "People",
        [StockSubject.Men] = "People",
        [StockSubject.Children] = "People",
        [StockSubject.Teens] = "People",
        [StockSubject.Seniors] = "People",
        [StockSubject.Families] = "People",
        [StockSubject.Couples] = "People",
        [StockSubject.Sports] = "Sports/Recreation",
        [StockSubject.Christmas] = "Holidays",
        [StockSubject.Holidays] = "Holidays",
        [StockSubject.Religion] = "Religion",
        [StockSubject.Travel] = "Parks/Outdoor",
        [StockSubject.Arts] = "Arts",
        [StockSubject.Music] = "Arts",
        [StockSubject.Education] = "Education",
        [StockSubject.Healthcare] = "Healthcare/Medical",
        [StockSubject.Fashion] = "Beauty/Fashion",
        [StockSubject.Textures] = "Backgrounds/Textures",
        [StockSubject.Abstract] = "Abstract",
        [StockSubject.Objects] = "Objects",
        [StockSubject.Vintage] = "Vintage",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<StockSubject, string> Dreamstime = new Dictionary<StockSubject, string>
    {
        [StockSubject.Pets] = "Animals / Pets",
        [StockSubject.Mammals] = "Animals / Mammals",
        [StockSubject.FarmAnimals] = "Animals / Farm",
        [StockSubject.Birds] = "Animals / Birds",
        [StockSubject.Insects] = "Animals / Insects",
        [StockSubject.MarineLife] = "Animals / Marine life",
        [StockSubject.Reptiles] = "Animals / Reptiles & Amphibians",
        [StockSubject.Animals] = "Animals / Wildlife",
        [StockSubject.Flowers] = "Nature / Flowers & Gardens",
        [StockSubject.Plants] = "Nature / Plants and trees",
        [StockSubject.FruitAndVegetables] = "Nature / Fruits & Vegetables",
        [StockSubject.Food] = "Industries / Food & Beverages",
        [StockSubject.Drinks] = "Industries / Food & Beverages",
        [StockSubject.Transport] = "Industries / Transportation",
        [StockSubject.Space] = "Abstract / Planetarium",
        [StockSubject.Science] = "Technology / Science",
        [StockSubject.Technology] = "Technology / Electronics",
        [StockSubject.Finance] = "Business / Finance",
        [StockSubject.Industry] = "Industries / Manufacturing",
        [StockSubject.Buildings] = "Arts & Architecture / Generic architecture",
        [StockSubject.Landmarks] = "Arts & Architecture / Landmarks",
        [StockSubject.Interiors] = "Arts & Architecture / Indoor",
        [StockSubject.Mountains] = "Nature / Mountains",
        [StockSubject.LakesAndRivers] = "Nature / Lakes and rivers",
        [StockSubject.Sea] = "Nature / Sea & Ocean",
        [StockSubject.Forests] = "Nature / Forests",
        [StockSubject.Fields] = "Nature / Fields & Meadows",
        [StockSubject.Sky] = "Nature / Clouds and skies",
        [StockSubject.Sunsets] = "Nature / Sunsets & Sunrises",
        [StockSubject.Weather] = "Nature / Clouds and skies",
        [StockSubject.Landscapes] = "Nature / Landscapes",
        [StockSubject.Women] = "People / Women",
        [StockSubject.Men] = "People / Men",
        [StockSubject.Children] = "People / Children",
        [StockSubject.Teens] = "People / Teens",
        [StockSubject.Seniors] = "People / Seniors",
        [StockSubject.Families] = "People / Families",
        [StockSubject.Couples] = "People / Couples",
        [StockSubject.Christmas] = "Holidays / Christmas",
        [StockSubject.Holidays] = "Holidays / Other",
        [StockSubject.Religion] = "Abstract / Religion",
        [StockSubject.Travel] = "Travel / Destination scenics",
        [StockSubject.Music] = "Objects / Music and sound",
        [StockSubject.Education] = "Industries / Education",
        [StockSubject.Healthcare] = "Industries / Healthcare & Medical",
        [StockSubject.Fashion] = "Objects / Clothing & Accessories",
        [StockSubject.Textures] = "Abstract / Textures",
        [StockSubject.Abstract] = "Abstract / Backgrounds",
        [StockSubject.Objects] = "Objects / Other",
        [StockSubject.Vintage] = "Objects / Retro",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, FrozenDictionary<StockSubject, string>> ByAgency =
        new Dictionary<string, FrozenDictionary<StockSubject, string>>
        {
            ["adobe"] = AdobeStock,
            ["shutterstock"] = Shutterstock,
            ["dreamstime"] = Dreamstime,
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The agency's category for a subject, or null when the agency has none that fits (or is not mapped).</summary>
    public static AgencyCategory? CategoryFor(AgencyProfile agency, StockSubject subject) =>
        ByAgency.TryGetValue(agency.Id, out var map) && map.TryGetValue(subject, out var name)
            ? agency.Categories.Value.FirstOrDefault(category => string.Equals(category.Name, name, StringComparison.Ordinal))
            : null;

    /// <summary>Every mapped category name of an agency, for the test that holds them to the agency's list.</summary>
    internal static IEnumerable<string> NamesFor(string agencyId) => ByAgency.TryGetValue(agencyId, out var map) ? map.Values.Distinct() : [];
}
