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
    /// <summary>The subjects the agencies with broad categories file together.</summary>
    private static readonly StockSubject[] AnyAnimal =
        [StockSubject.Pets, StockSubject.Mammals, StockSubject.FarmAnimals, StockSubject.Birds, StockSubject.Insects, StockSubject.MarineLife, StockSubject.Reptiles, StockSubject.Animals];

    private static readonly StockSubject[] AnyPeople =
        [StockSubject.People, StockSubject.Women, StockSubject.Men, StockSubject.Children, StockSubject.Teens, StockSubject.Seniors, StockSubject.Families, StockSubject.Couples];

    private static readonly StockSubject[] AnyLandscape =
        [StockSubject.Mountains, StockSubject.LakesAndRivers, StockSubject.Sea, StockSubject.Forests, StockSubject.Fields, StockSubject.Sky, StockSubject.Sunsets, StockSubject.Weather, StockSubject.Landscapes];

    private static readonly FrozenDictionary<StockSubject, string> AdobeStock = Map(
        ("Animals", AnyAnimal),
        ("Plants and Flowers", [StockSubject.Flowers, StockSubject.Plants]),
        ("Food", [StockSubject.FruitAndVegetables, StockSubject.Food]),
        ("Drinks", [StockSubject.Drinks]),
        ("Transport", [StockSubject.Transport]),
        ("Science", [StockSubject.Space, StockSubject.Science]),
        ("Technology", [StockSubject.Technology]),
        ("Business", [StockSubject.Business, StockSubject.Finance]),
        ("Industry", [StockSubject.Industry]),
        ("Buildings and Architecture", [StockSubject.Buildings, StockSubject.Landmarks, StockSubject.Interiors]),
        ("Landscapes", AnyLandscape),
        ("People", AnyPeople),
        ("Sports", [StockSubject.Sports]),
        ("Culture and Religion", [StockSubject.Christmas, StockSubject.Holidays, StockSubject.Religion]),
        ("Travel", [StockSubject.Travel]),
        ("Hobbies and Leisure", [StockSubject.Arts, StockSubject.Music]),
        ("Lifestyle", [StockSubject.Fashion]),
        ("Graphic Resources", [StockSubject.Textures, StockSubject.Abstract]));

    private static readonly FrozenDictionary<StockSubject, string> Shutterstock = Map(
        ("Animals/Wildlife", AnyAnimal),
        ("Nature", [StockSubject.Flowers, StockSubject.Plants, .. AnyLandscape]),
        ("Food and Drink", [StockSubject.FruitAndVegetables, StockSubject.Food, StockSubject.Drinks]),
        ("Transportation", [StockSubject.Transport]),
        ("Science", [StockSubject.Space, StockSubject.Science]),
        ("Technology", [StockSubject.Technology]),
        ("Business/Finance", [StockSubject.Business, StockSubject.Finance]),
        ("Industrial", [StockSubject.Industry]),
        ("Buildings/Landmarks", [StockSubject.Buildings, StockSubject.Landmarks]),
        ("Interiors", [StockSubject.Interiors]),
        ("People", AnyPeople),
        ("Sports/Recreation", [StockSubject.Sports]),
        ("Holidays", [StockSubject.Christmas, StockSubject.Holidays]),
        ("Religion", [StockSubject.Religion]),
        ("Parks/Outdoor", [StockSubject.Travel]),
        ("Arts", [StockSubject.Arts, StockSubject.Music]),
        ("Education", [StockSubject.Education]),
        ("Healthcare/Medical", [StockSubject.Healthcare]),
        ("Beauty/Fashion", [StockSubject.Fashion]),
        ("Backgrounds/Textures", [StockSubject.Textures]),
        ("Abstract", [StockSubject.Abstract]),
        ("Objects", [StockSubject.Objects]),
        ("Vintage", [StockSubject.Vintage]));

    private static readonly FrozenDictionary<StockSubject, string> Dreamstime = Map(
        ("Animals / Pets", [StockSubject.Pets]),
        ("Animals / Mammals", [StockSubject.Mammals]),
        ("Animals / Farm", [StockSubject.FarmAnimals]),
        ("Animals / Birds", [StockSubject.Birds]),
        ("Animals / Insects", [StockSubject.Insects]),
        ("Animals / Marine life", [StockSubject.MarineLife]),
        ("Animals / Reptiles & Amphibians", [StockSubject.Reptiles]),
        ("Animals / Wildlife", [StockSubject.Animals]),
        ("Nature / Flowers & Gardens", [StockSubject.Flowers]),
        ("Nature / Plants and trees", [StockSubject.Plants]),
        ("Nature / Fruits & Vegetables", [StockSubject.FruitAndVegetables]),
        ("Industries / Food & Beverages", [StockSubject.Food, StockSubject.Drinks]),
        ("Industries / Transportation", [StockSubject.Transport]),
        ("Abstract / Planetarium", [StockSubject.Space]),
        ("Technology / Science", [StockSubject.Science]),
        ("Technology / Electronics", [StockSubject.Technology]),
        ("Business / Finance", [StockSubject.Finance]),
        ("Industries / Manufacturing", [StockSubject.Industry]),
        ("Arts & Architecture / Generic architecture", [StockSubject.Buildings]),
        ("Arts & Architecture / Landmarks", [StockSubject.Landmarks]),
        ("Arts & Architecture / Indoor", [StockSubject.Interiors]),
        ("Nature / Mountains", [StockSubject.Mountains]),
        ("Nature / Lakes and rivers", [StockSubject.LakesAndRivers]),
        ("Nature / Sea & Ocean", [StockSubject.Sea]),
        ("Nature / Forests", [StockSubject.Forests]),
        ("Nature / Fields & Meadows", [StockSubject.Fields]),
        ("Nature / Clouds and skies", [StockSubject.Sky, StockSubject.Weather]),
        ("Nature / Sunsets & Sunrises", [StockSubject.Sunsets]),
        ("Nature / Landscapes", [StockSubject.Landscapes]),
        ("People / Women", [StockSubject.Women]),
        ("People / Men", [StockSubject.Men]),
        ("People / Children", [StockSubject.Children]),
        ("People / Teens", [StockSubject.Teens]),
        ("People / Seniors", [StockSubject.Seniors]),
        ("People / Families", [StockSubject.Families]),
        ("People / Couples", [StockSubject.Couples]),
        ("Holidays / Christmas", [StockSubject.Christmas]),
        ("Holidays / Other", [StockSubject.Holidays]),
        ("Abstract / Religion", [StockSubject.Religion]),
        ("Travel / Destination scenics", [StockSubject.Travel]),
        ("Objects / Music and sound", [StockSubject.Music]),
        ("Industries / Education", [StockSubject.Education]),
        ("Industries / Healthcare & Medical", [StockSubject.Healthcare]),
        ("Objects / Clothing & Accessories", [StockSubject.Fashion]),
        ("Abstract / Textures", [StockSubject.Textures]),
        ("Abstract / Backgrounds", [StockSubject.Abstract]),
        ("Objects / Other", [StockSubject.Objects]),
        ("Objects / Retro", [StockSubject.Vintage]));

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
            ? agency.FindCategory(name)
            : null;

    /// <summary>Each category with the subjects it takes; a subject listed under two categories fails here, at first use.</summary>
    private static FrozenDictionary<StockSubject, string> Map(params (string Category, StockSubject[] Subjects)[] categories) =>
        categories.SelectMany(entry => entry.Subjects, (entry, subject) => (subject, entry.Category)).ToFrozenDictionary(pair => pair.subject, pair => pair.Category);

    /// <summary>Every mapped category name of an agency, for the test that holds them to the agency's list.</summary>
    internal static IEnumerable<string> NamesFor(string agencyId) => ByAgency.TryGetValue(agencyId, out var map) ? map.Values.Distinct() : [];
}
