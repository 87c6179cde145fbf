using System.Globalization;
using NetVips;
using TagMyStock.Core.Metadata;
using TagMyStock.Core.Similarity;
using TagMyStock.Core.Tagging;
using TagMyStock.Vision.Embeddings;
using TagMyStock.Vision.Text;

namespace TagMyStock.Vision;

/// <summary>
/// The offline engine that sees the image: one decode per image (<see cref="AnalysisImage"/>) shared by the
/// visual facts, the face detector, the embedder and the text reader (whose warnings name visible text and
/// brands in it); the keywords of similar images in the user's library, and the title of one that shows the
/// same picture; and <see cref="LocalTextEngine"/>, which ranks all of it with the text sources. Deterministic and
/// thread-safe: one instance serves parallel images. An image that cannot be decoded gives the text-only
/// result and a warning, so that one damaged file never stops a batch.
/// </summary>
public sealed class LocalEngine : ITaggingEngine, IDisposable
{
    private readonly PixelAnalyzer _pixels;
    private readonly ImageEmbedder _embedder;
    private readonly VisibleTextReader _visibleText;
    private readonly LocalTextEngine _text = new();
    private readonly SimilarImageOptions? _similarImages;

    private LocalEngine(PixelAnalyzer pixels, ImageEmbedder embedder, VisibleTextReader visibleText, SimilarImageOptions? similarImages)
    {
        _pixels = pixels;
        _embedder = embedder;
        _visibleText = visibleText;
        _similarImages = similarImages;
    }

    public string Name => "local";

    /// <summary>Loads the face, embedding and text reading models (from next to the application unless told otherwise).</summary>
    /// <exception cref="FileNotFoundException">A model file is missing.</exception>
    public static LocalEngine Create(
        SimilarImageOptions? similarImages = null, string? faceModelFolder = null, string? embeddingModelFolder = null, string? textModelFolder = null)
    {
        var pixels = new PixelAnalyzer(faceModelFolder);
        ImageEmbedder? embedder = null;
        try
        {
            embedder = ImageEmbedder.Create(threadsPerImage: 1, embeddingModelFolder);
            return new LocalEngine(pixels, embedder, VisibleTextReader.Create(threadsPerImage: 1, modelDirectory: textModelFolder), similarImages);
        }
        catch
        {
            embedder?.Dispose();
            pixels.Dispose();
            throw;
        }
    }

    public Task<TaggingResult> TagAsync(TaggingInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Tag(input));
    }

    /// <summary>Tags synchronously: CPU-bound work, which callers run one image per core.</summary>
    public TaggingResult Tag(TaggingInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.ImagePath is null)
        {
            return _text.Tag(input);
        }

        if (!TryLoad(input.ImagePath, out var image, out var problem))
        {
            var textOnly = _text.Tag(input);
            return textOnly with { Warnings = [.. textOnly.Warnings, $"The image could not be decoded ({problem}), so only its text was used: check that the file is a whole, readable image."] };
        }

        var analysis = _pixels.Analyze(image);
        var embedding = _embedder.Embed(image);
        var visibleText = _visibleText.Read(image);
        var similar = SimilarImages(input, embedding);
        var observed = new Observations
        {
            Concepts = [.. analysis.Concepts.Select(concept => new Observation(concept.Term, EvidenceSource.Pixels, concept.Confidence, concept.Reason)), .. SimilarImageKeywords(similar)],
            Flags = PixelFlags(analysis),
            Warnings = [.. analysis.QualityWarnings, .. TextWarnings.For(visibleText)],
            Title = SimilarImageTitle(similar),
            Categories = SimilarImageCategories(similar),
        };
        return _text.Tag(input, observed) with { Embedding = embedding };
    }

    /// <summary>Decodes an image file as the engine does and embeds it: how a host builds a library of tagged images.</summary>
    /// <exception cref="VipsException">The file is not an image libvips can decode, or it is damaged.</exception>
    public ImageEmbedding Embed(string path) => _embedder.Embed(AnalysisImage.Load(path));

    public void Dispose()
    {
        _visibleText.Dispose();
        _embedder.Dispose();
        _pixels.Dispose();
    }

    private SimilarImageSuggestions? SimilarImages(TaggingInput input, ImageEmbedding embedding) =>
        input.Library is null || input.Library.Count == 0 ? null : new SimilarImageTeacher(input.Library, _similarImages).Suggest(embedding, input.LibraryId);

    private static IEnumerable<Observation> SimilarImageKeywords(SimilarImageSuggestions? suggestions)
    {
        if (suggestions is null || suggestions.Neighbours.Count == 0)
        {
            return [];
        }

        var closest = suggestions.Neighbours[0];
        var reason = string.Create(
            CultureInfo.InvariantCulture,
            $"{suggestions.Neighbours.Count} similar tagged image(s), the closest {Path.GetFileName(closest.Image.Id)} at {closest.Similarity:0.00}");
        return suggestions.Keywords.Select(keyword => new Observation(keyword.Term, EvidenceSource.SimilarImages, keyword.Score, reason));
    }

    private static List<ObservedCategory> SimilarImageCategories(SimilarImageSuggestions? suggestions) =>
    [
        .. (suggestions?.Categories ?? []).Select(category => new ObservedCategory(
            category.AgencyId,
            category.Category,
            EvidenceSource.SimilarImages,
            category.Score,
            string.Create(CultureInfo.InvariantCulture, $"as {Path.GetFileName(category.From.Image.Id)} ({category.From.Similarity:0.00} similar)"))),
    ];

    private static ObservedTitle? SimilarImageTitle(SimilarImageSuggestions? suggestions)
    {
        if (suggestions?.Title is not { } title)
        {
            return null;
        }

        var reason = string.Create(CultureInfo.InvariantCulture, $"title of {Path.GetFileName(title.From.Image.Id)}, similarity {title.From.Similarity:0.00}");
        if (title.Agreeing > 1)
        {
            reason += string.Create(CultureInfo.InvariantCulture, $", shared by {title.Agreeing} similar images");
        }

        return new ObservedTitle(title.Text, EvidenceSource.SimilarImages, title.From.Similarity, reason);
    }

    private static List<ObservedFlag> PixelFlags(PixelAnalysis analysis)
    {
        var faces = analysis.Faces.Count == 1 ? "1 face" : string.Create(CultureInfo.InvariantCulture, $"{analysis.Faces.Count} faces");
        return Enum.GetValues<ContentFlags>()
            .Where(flag => flag != ContentFlags.None && analysis.Flags.HasFlag(flag))
            .Select(flag => new ObservedFlag(flag, EvidenceSource.Pixels, 0.9, flag == ContentFlags.PeopleReleaseNeeded ? faces : null))
            .ToList();
    }

    private static bool TryLoad(string path, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out AnalysisImage? image, out string problem)
    {
        try
        {
            image = AnalysisImage.Load(path);
            problem = "";
            return true;
        }
        catch (Exception exception) when (exception is VipsException or IOException or UnauthorizedAccessException)
        {
            image = null;
            problem = exception.Message.Split('\n', 2)[0].Trim();
            return false;
        }
    }
}
