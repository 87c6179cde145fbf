using System.Collections.Frozen;
using TagMyStock.Core.Keywords;

namespace TagMyStock.Core.Tagging.Categories;

/// <summary>
/// What a stock picture is of, as finely as any agency's category list asks ("Animals / Birds" at Dreamstime, "Animals"
/// at Adobe Stock): the engine finds the subjects in the keywords, and each agency's map
/// (<see cref="AgencyCategoryMap"/>) turns them into its own categories.
/// </summary>
internal enum StockSubject
{
    Pets,
    Mammals,
    FarmAnimals,
    Birds,
    Insects,
    MarineLife,
    Reptiles,
    Animals,
    Flowers,
    Plants,
    FruitAndVegetables,
    Food,
    Drinks,
    Transport,
    Space,
    Science,
    Technology,
    Business,
    Finance,
    Industry,
    Buildings,
    Landmarks,
    Interiors,
    Mountains,
    LakesAndRivers,
    Sea,
    Forests,
    Fields,
    Sky,
    Sunsets,
    Weather,
    Landscapes,
    People,
    Women,
    Men,
    Children,
    Teens,
    Seniors,
    Families,
    Couples,
    Sports,
    Christmas,
    Holidays,
    Religion,
    Travel,
    Arts,
    Music,
    Education,
    Healthcare,
    Fashion,
    Textures,
    Abstract,
    Objects,
    Vintage,
}

/// <summary>
/// The keywords that name a subject, as a stock contributor files pictures: the subject's own words and the broader kinds
/// the lexicon adds ("nuthatch" → bird). Lowercase and singular, as <see cref="Keywords.KeywordHygiene.Key"/> makes them.
/// Words that name many things ("nature", "outdoors", "beautiful") name no subject: a category rests on what the picture
/// shows, not on its mood. Nor do vessels, which hold the subject ("cup of espresso", "bowl of figs"), nor what anything may
/// do ("climbing", "rowing"), nor a "portrait" or a "raindrop", which a cat or a leaf has too.
/// </summary>
internal static class StockSubjects
{
    private static readonly (StockSubject Subject, string[] Words)[] Vocabulary =
    [
        (StockSubject.Pets, ["pet", "dog", "cat", "puppy", "kitten", "hamster", "guinea pig", "domestic animal"]),
        (StockSubject.Mammals, [
            "mammal", "feline", "canine", "big cat", "wild animal", "lion", "tiger", "leopard", "bear", "deer", "fox", "wolf",
            "horse", "equine", "pony", "monkey", "primate", "ape", "rabbit", "squirrel", "rodent", "elephant", "giraffe",
            "zebra", "predator"]),
        (StockSubject.FarmAnimals, ["livestock", "farm animal", "cattle", "cow", "calf", "sheep", "goat", "pig", "poultry", "hen", "rooster"]),
        (StockSubject.Birds, ["bird", "songbird", "raptor", "bird of prey", "waterfowl", "seabird", "parrot", "owl", "duck", "eagle", "hawk", "swan", "gull"]),
        (StockSubject.Insects, ["insect", "beetle", "butterfly", "moth", "bee", "ladybird", "ladybug", "dragonfly", "spider", "ant"]),
        (StockSubject.MarineLife, ["fish", "whale", "dolphin", "shark", "crustacean", "shellfish", "mollusk", "coral", "jellyfish", "marine life", "sea life"]),
        (StockSubject.Reptiles, ["reptile", "amphibian", "snake", "lizard", "turtle", "frog", "crocodile"]),
        (StockSubject.Animals, ["animal", "wildlife", "fauna", "creature"]),
        (StockSubject.Flowers, ["flower", "blossom", "bloom", "floral", "petal", "rose", "tulip", "orchid", "lily", "daisy", "sunflower", "bouquet", "flowering plant"]),
        (StockSubject.Plants, [
            "plant", "tree", "grass", "leaf", "foliage", "fern", "moss", "cactus", "succulent", "vegetation", "botany", "flora",
            "houseplant", "seed", "dandelion", "conifer", "pine"]),
        (StockSubject.FruitAndVegetables, ["fruit", "vegetable", "berry", "produce", "apple", "banana", "tomato", "fig", "citrus"]),
        (StockSubject.Food, [
            "food", "dish", "meal", "dessert", "pastry", "cake", "cookie", "bread", "sandwich", "soup", "salad", "meat",
            "seafood", "cheese", "candy", "snack", "sauce", "spice", "pasta", "pizza", "breakfast", "lunch", "dinner",
            "cuisine", "baking", "cooking", "hot dog", "hamburger", "burger", "fries"]),
        (StockSubject.Drinks, ["drink", "beverage", "coffee", "espresso", "tea", "juice", "wine", "beer", "cocktail", "alcohol", "liquor", "latte", "cappuccino", "smoothie"]),
        (StockSubject.Transport, [
            "vehicle", "transport", "transportation", "car", "truck", "bus", "motorcycle", "motorbike", "bicycle", "bike",
            "boat", "ship", "aircraft", "airplane", "train", "sailboat", "watercraft", "traffic", "highway", "road"]),
        (StockSubject.Space, [
            "outer space", "astronomy", "galaxy", "universe", "cosmos", "nebula", "planet", "astronaut", "spacecraft",
            "rocket", "space shuttle", "spaceflight", "space exploration"]),
        (StockSubject.Science, ["science", "laboratory", "research", "microscope", "chemistry", "biology", "experiment", "scientist"]),
        (StockSubject.Technology, [
            "technology", "computer", "laptop", "smartphone", "phone", "telephone", "electronics", "gadget", "device", "digital",
            "internet", "camera", "equipment"]),
        (StockSubject.Business, ["business", "office", "businessman", "meeting", "corporate", "entrepreneur", "marketing", "teamwork"]),
        (StockSubject.Finance, ["finance", "money", "coin", "currency", "cash", "banking", "investment", "saving", "economy", "wealth"]),
        (StockSubject.Industry, ["industry", "industrial", "factory", "construction", "manufacturing", "engineering", "machinery"]),
        (StockSubject.Buildings, [
            "building", "architecture", "house", "facade", "skyscraper", "tower", "cottage", "barn", "garage", "cabin",
            "bridge", "city", "town", "village", "skyline", "street"]),
        (StockSubject.Landmarks, ["landmark", "monument", "statue", "memorial"]),
        (StockSubject.Interiors, ["interior", "room", "kitchen", "living room", "bedroom", "furniture"]),
        (StockSubject.Mountains, ["mountain", "peak", "summit", "hill", "mountain range", "volcano", "canyon", "cliff", "alps"]),
        (StockSubject.LakesAndRivers, ["lake", "river", "stream", "waterfall", "pond", "creek", "brook", "body of water", "reed"]),
        (StockSubject.Sea, ["sea", "ocean", "beach", "coast", "shore", "seaside", "seascape", "wave", "harbor", "harbour", "dune", "estuary"]),
        (StockSubject.Forests, ["forest", "woods", "woodland", "jungle"]),
        (StockSubject.Fields, ["meadow", "field", "grassland", "prairie", "countryside", "farmland", "pasture"]),
        (StockSubject.Sky, ["sky", "cloud", "cloudscape", "sky background"]),
        (StockSubject.Sunsets, ["sunset", "sunrise", "dusk", "dawn", "twilight", "golden hour"]),
        (StockSubject.Weather, ["weather", "storm", "thunderstorm", "lightning", "rain", "snow", "fog", "mist", "rainbow"]),
        (StockSubject.Landscapes, ["landscape", "scenery", "scenic", "panorama", "wilderness", "valley", "trail", "hiking"]),
        (StockSubject.People, ["person", "people", "crowd", "photographer", "one person", "two people", "group of people", "lifestyle"]),
        (StockSubject.Women, ["woman", "businesswoman", "mother"]),
        (StockSubject.Men, ["man", "father"]),
        (StockSubject.Children, ["child", "kid", "boy", "girl", "baby", "toddler"]),
        (StockSubject.Teens, ["teenager", "teen"]),
        (StockSubject.Seniors, ["senior", "elderly"]),
        (StockSubject.Families, ["family"]),
        (StockSubject.Couples, ["couple"]),
        (StockSubject.Sports, [
            "sport", "athlete", "fitness", "exercise", "football", "soccer", "tennis", "basketball", "golf", "yoga", "gym"]),
        (StockSubject.Christmas, ["christmas", "christmas tree", "christmas eve", "santa claus"]),
        (StockSubject.Holidays, ["holiday", "easter", "halloween", "thanksgiving", "valentine's day", "new year", "celebration", "festive", "birthday"]),
        (StockSubject.Religion, ["religion", "church", "temple", "mosque", "cathedral", "prayer", "spiritual"]),
        (StockSubject.Travel, ["travel", "tourism", "tourist", "vacation", "destination", "trip", "journey"]),
        (StockSubject.Arts, ["art", "painting", "paint", "artist", "paintbrush", "paint brush", "drawing", "craft", "creativity", "sculpture", "museum"]),
        (StockSubject.Music, ["music", "musician", "musical instrument", "guitar", "piano", "concert"]),
        (StockSubject.Education, ["education", "school", "student", "book", "learning", "classroom"]),
        (StockSubject.Healthcare, ["health", "healthcare", "medicine", "medical", "doctor", "nurse", "hospital"]),
        (StockSubject.Fashion, ["fashion", "clothing", "dress", "jewelry", "makeup", "beauty", "cosmetics"]),
        (StockSubject.Textures, ["texture", "background", "backdrop", "pattern", "surface", "wallpaper", "textured"]),
        (StockSubject.Abstract, ["abstract"]),
        (StockSubject.Objects, ["object", "still life", "tool", "toy"]),
        (StockSubject.Vintage, ["vintage", "retro", "antique", "old-fashioned", "nostalgia"]),
    ];

    /// <summary>By each word's key ("people" and "person" share one); a key in two subjects fails here, at first use.</summary>
    private static readonly FrozenDictionary<string, StockSubject> ByWord = Vocabulary
        .SelectMany(entry => entry.Words, (entry, word) => (Key: KeywordHygiene.Key(word), entry.Subject))
        .Distinct()
        .ToFrozenDictionary(pair => pair.Key, pair => pair.Subject, StringComparer.Ordinal);

    /// <summary>The subject a keyword (in <see cref="Keywords.KeywordHygiene.Key"/> form) names, if it names one.</summary>
    public static bool TryGet(string key, out StockSubject subject) => ByWord.TryGetValue(key, out subject);
}
