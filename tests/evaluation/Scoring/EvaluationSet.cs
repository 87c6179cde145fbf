using System.Text.Json;
using System.Text.Json.Serialization;
using TagMyStock.Core.Agencies;

namespace TagMyStock.Evaluation;

/// <summary>
/// One photograph of the evaluation set with what a stock contributor wrote about it by hand
/// (tests/evaluation/evaluation.json; README.md there says how it was written).
/// </summary>
/// <param name="File">The image's file name in the set's images/ folder; also its id in a library.</param>
/// <param name="Series">Photos of one subject or shoot share a series, as a contributor's library groups them.</param>
/// <param name="Hint">A one-line hint such as a contributor would type.</param>
/// <param name="Prompt">An AI-style prompt that would make a picture like it.</param>
/// <param name="Keywords">The reference keywords: what a contributor would submit, all true of the image.</param>
/// <param name="AlsoTrue">Other words that are true of the image, so that a keyword outside the references can be judged.</param>
/// <param name="Categories">Per agency id, the names of the categories a contributor would file the image under (any one is right).</param>
internal sealed record EvaluationImage(
    string File,
    string Series,
    string Hint,
    string Prompt,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<string> AlsoTrue,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Categories);

/// <summary>The evaluation set: its images and the folder that holds them.</summary>
internal sealed class EvaluationSet
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    private EvaluationSet(string folder, IReadOnlyList<EvaluationImage> images)
    {
        Folder = folder;
        Images = images;
    }

    /// <summary>The folder of evaluation.json, with the photographs in its images/ folder.</summary>
    public string Folder { get; }

    public IReadOnlyList<EvaluationImage> Images { get; }

    public string PathOf(EvaluationImage image) => Path.Combine(Folder, "images", image.File);

    /// <summary>The agencies whose categories are judged: every image names its categories there.</summary>
    public static IReadOnlyList<AgencyProfile> CategorisedAgencies { get; } = [AgencyCatalog.Find("adobe")!, AgencyCatalog.Find("shutterstock")!];

    /// <exception cref="InvalidDataException">The data file is malformed, or names an image that is not there.</exception>
    public static EvaluationSet Load(string folder)
    {
        using var stream = System.IO.File.OpenRead(Path.Combine(folder, "evaluation.json"));
        var data = JsonSerializer.Deserialize<EvaluationData>(stream, Json)
            ?? throw new InvalidDataException("evaluation.json is empty.");
        var set = new EvaluationSet(folder, data.Images);
        foreach (var image in set.Images)
        {
            if (!System.IO.File.Exists(set.PathOf(image)))
            {
                throw new InvalidDataException($"evaluation.json names {image.File}, which is not in {Path.Combine(folder, "images")}.");
            }

            if (image.Keywords.Count is < 10 or > 25)
            {
                throw new InvalidDataException($"{image.File} has {image.Keywords.Count} reference keywords; the set's rule is 10–25.");
            }

            foreach (var agency in CategorisedAgencies)
            {
                var names = image.Categories.GetValueOrDefault(agency.Id) ?? [];
                if (names.Count == 0)
                {
                    throw new InvalidDataException($"{image.File} names no {agency.Name} category.");
                }

                if (names.FirstOrDefault(name => !agency.Categories.Value.Any(category => category.Name == name)) is { } unknown)
                {
                    throw new InvalidDataException($"{image.File}: \"{unknown}\" is no {agency.Name} category.");
                }
            }
        }

        if (set.Images.Select(image => image.File).Distinct(StringComparer.Ordinal).Count() != set.Images.Count)
        {
            throw new InvalidDataException("evaluation.json lists an image twice.");
        }

        return set;
    }

    private sealed record EvaluationData(string About, IReadOnlyList<EvaluationImage> Images);
}
