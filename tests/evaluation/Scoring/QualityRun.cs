using TagMyStock.Core.Metadata;
using TagMyStock.Core.Similarity;
using TagMyStock.Core.Tagging;
using TagMyStock.Vision;

namespace TagMyStock.Evaluation;

/// <summary>What the engine is told about each image besides its pixels.</summary>
internal enum EvaluationMode
{
    /// <summary>Nothing: the pixels alone.</summary>
    Pixels,

    /// <summary>The image's one-line hint.</summary>
    PixelsAndHint,

    /// <summary>The image's AI-style prompt, as a generated image would bring it.</summary>
    PixelsAndPrompt,

    /// <summary>
    /// A library of every other image of the set, tagged with its reference keywords and titled with its hint
    /// (leave-one-out): the image's series are its likely neighbours, the rest must not vote.
    /// </summary>
    PixelsAndLibrary,
}

/// <summary>The engine's output for one image in one mode, judged.</summary>
internal sealed record ImageOutcome(
    EvaluationImage Image,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<bool> Correct,
    double Recall,
    string Title,
    TitleVerdict TitleVerdict,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<CategoryOutcome> Categories)
{
    /// <summary>The engine said the evidence was thin (no subject named, or too few keywords) instead of padding.</summary>
    public bool WarnedThinEvidence => Warnings.Any(warning =>
        warning.Contains("name no subject", StringComparison.Ordinal) || warning.Contains("could be derived", StringComparison.Ordinal));
}

/// <summary>A category the engine chose for one agency, and whether it is one the image's references name.</summary>
internal sealed record CategoryOutcome(string AgencyId, string Name, bool IsRight);

/// <summary>One mode over the whole set: the per-image outcomes and the measures of the report.</summary>
internal sealed record ModeOutcome(EvaluationMode Mode, IReadOnlyList<ImageOutcome> Images)
{
    public const int TopKeywords = 10;

    /// <summary>Correct keywords among the first ten of every image, pooled over the set (an image with none adds nothing).</summary>
    public double PrecisionTop10 => Pooled(outcome => outcome.Correct.Take(TopKeywords));

    /// <summary>Correct keywords among all keywords, pooled over the set.</summary>
    public double Precision => Pooled(outcome => outcome.Correct);

    /// <summary>The share of its reference keywords an image gets, averaged over the images.</summary>
    public double Recall => Images.Average(outcome => outcome.Recall);

    public double AcceptedTitles => Images.Count(outcome => outcome.TitleVerdict.IsAccepted) / (double)Images.Count;

    public double KeywordsPerImage => Images.Average(outcome => outcome.Keywords.Count);

    public double ThinEvidenceWarnings => Images.Count(outcome => outcome.WarnedThinEvidence) / (double)Images.Count;

    /// <summary>Right categories among all chosen, pooled over the images and the judged agencies (1 when none was chosen).</summary>
    public double CategoryPrecision =>
        Images.Sum(outcome => outcome.Categories.Count) is var chosen and > 0 ? Images.Sum(outcome => outcome.Categories.Count(category => category.IsRight)) / (double)chosen : 1;

    /// <summary>The share of images and judged agencies for which the engine chose a category at all.</summary>
    public double CategoryCoverage =>
        Images.Sum(outcome => outcome.Categories.Select(category => category.AgencyId).Distinct(StringComparer.Ordinal).Count())
        / (double)(Images.Count * EvaluationSet.CategorisedAgencies.Count);

    private double Pooled(Func<ImageOutcome, IEnumerable<bool>> judged)
    {
        var all = Images.SelectMany(judged).ToList();
        return all.Count == 0 ? 1 : all.Count(correct => correct) / (double)all.Count;
    }
}

/// <summary>
/// Runs the offline engine over the evaluation set in one mode and judges what it wrote. Each image is
/// given a camera-style file name (IMG_0001.jpg), so that the descriptive names of the set are no hint.
/// </summary>
internal sealed class QualityRun(LocalEngine engine, EvaluationSet set)
{
    private SimilarImageIndex? _library;

    public ModeOutcome Run(EvaluationMode mode) =>
        new(mode, [.. set.Images.Select(image => Judge(image, engine.Tag(Input(image, mode))))]);

    private TaggingInput Input(EvaluationImage image, EvaluationMode mode) =>
        new("IMG_0001.jpg", mode == EvaluationMode.PixelsAndHint ? image.Hint : null, mode == EvaluationMode.PixelsAndPrompt ? image.Prompt : null, ImageMetadata.Empty)
        {
            ImagePath = set.PathOf(image),
            Library = mode == EvaluationMode.PixelsAndLibrary ? Library() : null,
            LibraryId = image.File,
            Agencies = EvaluationSet.CategorisedAgencies,
        };

    /// <summary>
    /// Every image of the set with its reference keywords, as the title a contributor would have given it its hint
    /// sentence-cased, and the first of its reference categories for each agency; embedded once. The query's own entry
    /// is left out by its id.
    /// </summary>
    private SimilarImageIndex Library() =>
        _library ??= new SimilarImageIndex(set.Images.Select(image =>
            new LibraryImage(image.File, engine.Embed(set.PathOf(image)), image.Keywords)
            {
                Title = SentenceCase(image.Hint),
                Categories = image.Categories.ToDictionary(pair => pair.Key, pair => pair.Value[0], StringComparer.Ordinal),
            }));

    private static string SentenceCase(string text) => text.Length == 0 ? text : string.Concat(char.ToUpperInvariant(text[0]).ToString(), text[1..]);

    private static ImageOutcome Judge(EvaluationImage image, TaggingResult result)
    {
        var judgement = new Judgement(image);
        var keywords = result.Metadata.Keywords;
        return new ImageOutcome(
            image,
            keywords,
            [.. keywords.Select(judgement.IsTrue)],
            judgement.Recall(keywords),
            result.Metadata.Title,
            judgement.ReviewTitle(result.Metadata.Title),
            result.Warnings,
            [.. Categories(image, result.Metadata)]);
    }

    private static IEnumerable<CategoryOutcome> Categories(EvaluationImage image, ImageMetadata metadata) =>
        from agency in EvaluationSet.CategorisedAgencies
        from code in metadata.CategoriesFor(agency.Id)
        let name = agency.Categories.Value.Single(category => category.Code == code).Name
        select new CategoryOutcome(agency.Id, name, image.Categories[agency.Id].Contains(name, StringComparer.Ordinal));
}
