using System.Diagnostics;
using System.Globalization;
using TagMyStock.Core.Agencies;
using TagMyStock.Core.Metadata;
using TagMyStock.Core.Rules;
using TagMyStock.Core.Validation;

namespace TagMyStock.Bench;

/// <summary>
/// <c>tagmystock-bench validation [IMAGES]</c>: what the gallery's problems filter and the editor's live checks cost,
/// per image and agency: <see cref="MetadataValidator"/> over IMAGES images of 49 keywords each (default 1,000) against
/// every agency, with no rules of the user's and with rules that ban 200 words. Prints one line per case.
/// </summary>
internal static class Validation
{
    public static int Run(string[] args)
    {
        var count = args is [var text] ? int.Parse(text, CultureInfo.InvariantCulture) : 1_000;
        var images = Enumerable.Range(0, count).Select(Image).ToList();
        var banned = string.Join(',', Enumerable.Range(0, 200).Select(i => $"\"banned{i}\""));
        var cases = new (string Name, UserRules Rules)[]
        {
            ("no rules", UserRules.None),
            ("200 banned words, 1 required keyword", UserRules.FromJson($$"""{"bannedWords": [{{banned}}], "requiredKeywords": ["my studio"]}""")),
        };

        foreach (var (name, rules) in cases)
        {
            Validate(images.Take(200), rules);
            var clock = Stopwatch.StartNew();
            var problems = Validate(images, rules);
            var perValidation = clock.Elapsed.TotalMilliseconds / (images.Count * AgencyCatalog.All.Count);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"case=\"{name}\" images={images.Count} agencies={AgencyCatalog.All.Count} ms_per_image_and_agency={perValidation:0.000} problems={problems}"));
        }

        return 0;
    }

    private static int Validate(IEnumerable<ImageMetadata> images, UserRules rules) =>
        images.Sum(image => AgencyCatalog.All.Sum(agency => MetadataValidator.Validate(image, agency, rules, "espresso.jpg").Problems.Count));

    /// <summary>Metadata as a tagged stock photo carries it: a title, a sentence, 49 keywords of one to three words.</summary>
    private static ImageMetadata Image(int index) => new()
    {
        Title = $"Espresso cup number {index} on a saucer on an old wooden table",
        Description = "A cup of espresso with crema on an old wooden table in the morning light, a quiet start of the day.",
        Keywords = [.. Enumerable.Range(0, 49).Select(keyword => (keyword % 3) switch
        {
            0 => $"coffee{keyword}",
            1 => $"morning coffee{keyword}",
            _ => $"old wooden table{keyword}",
        })],
    };
}
