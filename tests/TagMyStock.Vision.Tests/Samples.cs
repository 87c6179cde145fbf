namespace TagMyStock.Vision;

/// <summary>The photographs in the repository's samples/ folder, copied next to the tests.</summary>
internal static class Samples
{
    /// <summary>The one sample that is no photograph: an AI-style abstract illustration.</summary>
    public const string Illustration = "abstract-teal-orange-swirl.png";

    /// <summary>Every sample; none shows text or a face.</summary>
    public static readonly string[] All =
    [
        Illustration,
        "dune-grass-by-the-sea.jpg",
        "espresso-cup-on-wooden-table.jpg",
        "ladybird-on-grass-stem-among-forget-me-nots.jpg",
        "rocket-on-launch-pad-at-dusk.jpg",
        "storm-clouds-over-empty-highway.jpg",
        "tabby-cat-with-green-eyes.png",
        "water-drop-splash-crown.jpg",
    ];

    public static string Path(string fileName) => System.IO.Path.Combine(AppContext.BaseDirectory, "Samples", fileName);
}
