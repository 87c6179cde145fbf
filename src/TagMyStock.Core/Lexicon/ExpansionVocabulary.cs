using System.Collections.Frozen;

namespace TagMyStock.Core.Lexicon;

/// <summary>
/// The curated word lists that keep WordNet's expansions to what a stock buyer would type. WordNet is built
/// for linguists: above "cake" it puts "block", above "door" "barrier" and "obstruction", above "bee"
/// "hymenopteran", and "entity", "whole", "placental" or "chordate" sit on top of nearly everything. A stop
/// list of such words never ends; the list of categories buyers search by does, so broader kinds are allowed
/// by name.
/// </summary>
internal static class ExpansionVocabulary
{
    /// <summary>Broader kinds a buyer searches by. Anything else WordNet puts above a concept is left out.</summary>
    public static readonly FrozenSet<string> BuyerCategories = new[]
    {
        // Animals
        "animal", "mammal", "bird", "fish", "insect", "reptile", "amphibian", "dog", "cat", "feline", "canine",
        "rodent", "primate", "monkey", "ape", "horse", "equine", "cattle", "livestock", "poultry", "raptor",
        "songbird", "waterfowl", "seabird", "parrot", "owl", "duck", "whale", "dolphin", "shark", "spider",
        "butterfly", "moth", "beetle", "snake", "lizard", "turtle", "frog", "deer", "bear", "big cat", "wildcat",
        "fox", "wolf", "sheep", "goat", "pig", "rabbit", "squirrel", "retriever", "terrier", "hound", "spaniel",
        "shepherd dog", "working dog", "toy dog", "pony", "crustacean", "shellfish", "mollusk",

        // Plants
        "plant", "flower", "tree", "grass", "fern", "cactus", "succulent", "palm", "conifer", "vegetable",
        "fruit", "berry", "nut", "mushroom", "vine", "houseplant", "orchid", "rose", "lily",

        // Food and drink
        "drink", "beverage", "alcohol", "wine", "beer", "liquor", "cocktail", "coffee", "tea", "juice",
        "dessert", "pastry", "cake", "cookie", "bread", "sandwich", "dish", "meal", "soup", "salad", "meat",
        "seafood", "cheese", "candy", "snack", "sauce", "spice", "pasta", "pizza", "sausage", "fruit juice",

        // Things
        "vehicle", "car", "truck", "bus", "motorcycle", "bicycle", "boat", "ship", "aircraft", "airplane",
        "train", "computer", "telephone", "phone", "camera", "furniture", "tableware", "cutlery", "kitchenware",
        "appliance", "home appliance", "toy", "musical instrument", "jewelry", "clothing", "garment", "footwear",
        "shoe", "hat", "bag", "house", "tower", "bridge", "church", "temple", "monument",
        "sculpture", "statue", "painting", "weapon", "gun", "watercraft", "sailboat",

        // People, places and occasions
        "person", "child", "professional", "athlete", "musician", "artist", "dancer", "body of water", "lake",
        "river", "sea", "ocean", "mountain", "island", "beach", "city", "town", "village", "park", "garden",
        "sport", "game", "dance", "celebration", "holiday", "season", "weather", "storm", "ceremony",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// WordNet synonyms and kinds that are true but not what a buyer types for the picture ("frog" → toad,
    /// "girl" → miss, "forget-me-not" → herb, which buyers read as kitchen herbs).
    /// </summary>
    public static readonly FrozenSet<string> Unsearched = new[]
    {
        "herb", "shrub", "bush", "hymenopteran", "passerine", "oscine", "placental", "vertebrate", "invertebrate",
        "toad", "miss", "missy", "babe", "corsage", "palace", "doc", "true cat", "minor", "fume", "java",
        "shade", "ovum", "posy", "young woman", "young lady", "beacon light", "girl", "hayfield", "nosegay", "educatee", "manse", "brute", "beast", "machine", "motorcar",
        "terra firma", "blue air", "yr", "dawning", "portrayal", "way",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Words whose WordNet first sense is not the one stock pictures usually show ("mouse" the rodent, not the
    /// computer's; "chocolate" the drink, not the bar; "whiskers" a man's beard, not a cat's; "drone" a male bee, not
    /// the camera of an aerial shot; "vintage" a wine, not old-fashioned; a "guinea pig" first a person experimented on,
    /// a "hot dog" a show-off; a "coffee bean" a seed, which WordNet puts under the botanist's fruit): expanding them would
    /// be a confident guess, so only the curated map speaks for them.
    /// </summary>
    public static readonly FrozenSet<string> SplitSense = new[]
    {
        "mouse", "bat", "crane", "seal", "bass", "mole", "jaguar", "palm", "date", "club", "pitcher", "bow",
        "spring", "key", "fan", "band", "ring", "nail", "chip", "cell", "mint", "trunk", "tablet", "organ",
        "bug", "virus", "web", "cloud", "window", "screen", "monitor", "server", "mask", "model", "star",
        "chocolate", "castle", "heart", "table", "cabin", "plate", "glass", "pen", "light", "fig", "whisker", "whiskers",
        "drone", "drones", "vintage", "guinea pig", "hot dog", "coffee bean",
    }.ToFrozenSet(StringComparer.Ordinal);
}
