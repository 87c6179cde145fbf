using TagMyStock.Core.Csv;

namespace TagMyStock.Core.Agencies.Profiles;

/// <summary>
/// Dreamstime (dreamstime.com). Facts: shared reference/agencies.md, "Dreamstime". Dreamstime publishes no CSV
/// header; the layout and numeric category ids come from a peer tool, and its limits only from a third-party blog.
/// </summary>
public static class Dreamstime
{
    private const string Peer = "DannyJPN/PhotoBankingScripts";
    private const string ThirdParty = "keywordpic.com (third-party blog)";

    public static AgencyProfile Profile { get; } = new()
    {
        Id = "dreamstime",
        Name = "Dreamstime",
        TitleMinLength = Fact.Unverified<int?>(5, ThirdParty),
        TitleMaxLength = Fact.Unverified<int?>(250, ThirdParty),
        KeywordMin = Fact.Unverified<int?>(7, ThirdParty),
        KeywordMax = Fact.Unverified<int?>(50, ThirdParty),
        Categories = Fact.Peer<IReadOnlyList<AgencyCategory>>(
            [
                .. Group("Abstract", ("211", "Aerial"), ("112", "Backgrounds"), ("39", "Blurs"), ("164", "Colors"),
                    ("40", "Competition"), ("41", "Craftsmanship"), ("42", "Danger"), ("43", "Exploration"), ("158", "Fun"),
                    ("44", "Help"), ("149", "Love"), ("45", "Luxury"), ("187", "Mobile"), ("46", "Peace"),
                    ("165", "Planetarium"), ("47", "Power"), ("48", "Purity"), ("128", "Religion"),
                    ("155", "Seasonal & Holiday"), ("49", "Security"), ("50", "Sports"), ("51", "Stress"), ("52", "Success"),
                    ("53", "Teamwork"), ("141", "Textures"), ("54", "Unique")),
                .. Group("Animals", ("31", "Birds"), ("33", "Farm"), ("36", "Insects"), ("32", "Mammals"),
                    ("34", "Marine life"), ("30", "Pets"), ("35", "Reptiles & Amphibians"), ("37", "Rodents"),
                    ("168", "Wildlife")),
                .. Group("Arts & Architecture", ("124", "Details"), ("71", "Generic architecture"),
                    ("132", "Historic buildings"), ("153", "Home"), ("73", "Indoor"), ("70", "Landmarks"),
                    ("131", "Modern buildings"), ("130", "Night scenes"), ("72", "Outdoor"), ("174", "Ruins & Ancient"),
                    ("154", "Work places")),
                .. Group("Business", ("79", "Communications"), ("78", "Computers"), ("80", "Finance"), ("77", "Industries"),
                    ("83", "Metaphors"), ("84", "Objects"), ("75", "People"), ("81", "Still-life"), ("76", "Teams"),
                    ("82", "Transportation"), ("85", "Travel")),
                .. Group("Editorial", ("178", "Celebrities"), ("185", "Commercial"), ("179", "Events"), ("184", "Landmarks"),
                    ("180", "People"), ("181", "Politics"), ("182", "Sports"), ("183", "Weather & Environment")),
                .. Group("Holidays", ("204", "Chinese New Year"), ("190", "Christmas"), ("207", "Cinco de Mayo"),
                    ("203", "Diwali"), ("193", "Easter"), ("196", "Fathers Day"), ("192", "Halloween"), ("208", "Hanukkah"),
                    ("206", "Mardi Gras"), ("195", "Mothers Day"), ("189", "New Years"), ("202", "Other"),
                    ("205", "Ramadan"), ("191", "Thanksgiving"), ("194", "Valentines Day")),
                .. Group("IT & C", ("210", "Artificial Intelligence"), ("110", "Connectivity"), ("113", "Equipment"),
                    ("111", "Internet"), ("109", "Networking")),
                .. Group("Illustrations & Clipart", ("166", "3D & Computer generated"), ("167", "Hand drawn & Artistic"),
                    ("163", "Illustrations"), ("186", "Vector")),
                .. Group("Industries", ("101", "Agriculture"), ("89", "Architecture"), ("87", "Banking"),
                    ("93", "Cargo & Shipping"), ("94", "Communications"), ("91", "Computers"), ("90", "Construction"),
                    ("150", "Education"), ("136", "Entertainment"), ("99", "Environment"), ("127", "Food & Beverages"),
                    ("92", "Healthcare & Medical"), ("96", "Insurance"), ("95", "Legal"), ("100", "Manufacturing"),
                    ("102", "Military"), ("161", "Oil and gas"), ("97", "Power and energy"), ("157", "Sports"),
                    ("98", "Transportation"), ("88", "Travel")),
                .. Group("Nature", ("22", "Clouds and skies"), ("17", "Deserts"), ("14", "Details"),
                    ("27", "Fields & Meadows"), ("25", "Flowers & Gardens"), ("28", "Food ingredients"), ("18", "Forests"),
                    ("137", "Fruits & Vegetables"), ("11", "Generic vegetation"), ("143", "Geologic and mineral"),
                    ("16", "Lakes and rivers"), ("146", "Landscapes"), ("15", "Mountains"), ("12", "Plants and trees"),
                    ("19", "Sea & Ocean"), ("26", "Seasons specific"), ("23", "Sunsets & Sunrises"), ("20", "Tropical"),
                    ("171", "Water"), ("24", "Waterfalls")),
                .. Group("Objects", ("142", "Clothing & Accessories"), ("147", "Electronics"), ("138", "Home related"),
                    ("135", "Isolated"), ("151", "Music and sound"), ("145", "Other"), ("152", "Retro"), ("156", "Sports"),
                    ("144", "Still life"), ("140", "Tools"), ("134", "Toys")),
                .. Group("People", ("123", "Active"), ("139", "Body parts"), ("119", "Children"),
                    ("175", "Cosmetic & Makeup"), ("115", "Couples"), ("122", "Diversity"), ("159", "Expressions"),
                    ("118", "Families"), ("117", "Men"), ("173", "Nudes"), ("162", "Portraits"), ("121", "Seniors"),
                    ("120", "Teens"), ("116", "Women"), ("160", "Workers")),
                .. Group("Technology", ("105", "Computers"), ("106", "Connections"), ("129", "Electronics"),
                    ("148", "Other"), ("107", "Retro"), ("209", "Science"), ("104", "Telecommunications")),
                .. Group("Travel", ("56", "Africa"), ("58", "America"), ("176", "Antarctica"), ("65", "Arts & Architecture"),
                    ("57", "Asia"), ("60", "Australasian"), ("62", "Cruise"), ("63", "Cuisine"), ("67", "Currencies"),
                    ("61", "Destination scenics"), ("59", "Europe"), ("68", "Flags"), ("64", "Resorts"), ("66", "Tropical")),
                .. Group("Web Design Graphics", ("201", "Banners"), ("200", "Buttons"),
                    ("199", "Web Backgrounds & Textures"), ("198", "Web Icons")),
            ],
            $"{Peer} dreams_time_categories.csv"),
        MaxCategories = 3,
        Ai = Fact.Unverified(AiPolicy.AcceptedWithConditions, "Dreamstime announcement reported by stockphotosecrets.com"),
        AiNote = "Dreamstime takes AI images only if you hold the rights, the description says the image is AI-made, "
            + "one category is \"Illustrations & Clipart / AI generated\" and no face is generated.",
        Csv = Fact.Peer(
            new CsvFormat
            {
                // Licence and price columns are the contributor's decision: TagMyStock leaves them empty.
                Columns =
                [
                    new("Filename", CsvField.FileName),
                    new("Image Name", CsvField.Title),
                    new("Description", CsvField.Description),
                    new("Category 1", CsvField.Category, 0),
                    new("Category 2", CsvField.Category, 1),
                    new("Category 3", CsvField.Category, 2),
                    new("keywords", CsvField.Keywords),
                    new("Free", CsvField.Empty),
                    new("W-EL", CsvField.Empty),
                    new("P-EL", CsvField.Empty),
                    new("SR-EL", CsvField.Empty),
                    new("SR-Price", CsvField.Empty),
                    new("Editorial", CsvField.Editorial),
                    new("MR doc Ids", CsvField.Empty),
                    new("Pr Docs", CsvField.Empty),
                ],
                Yes = "1",
                No = "0",
                FileName = "dreamstime.csv",
            },
            $"{Peer} photobank_export_formats.csv; {ThirdParty} gives a different header"),
        MinimumSize = Fact.Verified<ImageSizeRule?>(ImageSizeRule.Megapixels(3), "dreamstime.com FAQ: JPEG, RGB, 3–70 MP"),
    };

    /// <summary>Dreamstime's categories are two-level; the name a person reads is "Parent / Child".</summary>
    private static IEnumerable<AgencyCategory> Group(string parent, params (string Code, string Name)[] children) =>
        children.Select(child => new AgencyCategory(child.Code, $"{parent} / {child.Name}"));
}
