using TagMyStock.Core.Metadata;

namespace TagMyStock.Core.Tagging;

/// <summary>
/// Something other than text says about an image: a measurement of its pixels, or the keywords of similar
/// images in the user's library.
/// </summary>
/// <param name="Source"><see cref="EvidenceSource.Pixels"/> or <see cref="EvidenceSource.SimilarImages"/>.</param>
/// <param name="Confidence">How sure the observer is, 0–1; the engine weighs it by what the source can know.</param>
/// <param name="Reason">What was measured or matched, shown next to the keyword, e.g. "1 face, 18 % of the frame".</param>
public sealed record Observation(string Term, EvidenceSource Source, double Confidence, string? Reason = null);

/// <summary>A flag an observation calls for, e.g. <see cref="ContentFlags.PeopleReleaseNeeded"/> when faces were seen.</summary>
public sealed record ObservedFlag(ContentFlags Flag, EvidenceSource Source, double Confidence, string? Reason = null);

/// <summary>A category another image has for one agency, e.g. the one the user gave a shot of the same series.</summary>
/// <param name="Category">The category as that image holds it: the agency's code, or a name of its list.</param>
/// <param name="Confidence">How sure the observer is, 0–1, scored as keywords are.</param>
/// <param name="Reason">Where it comes from, shown with it, e.g. "as IMG_0412.jpg, similarity 0.93".</param>
public sealed record ObservedCategory(string AgencyId, string Category, EvidenceSource Source, double Confidence, string? Reason = null);

/// <summary>A title written for another image that shows the same picture, e.g. a shot of the same series the user titled.</summary>
/// <param name="Source"><see cref="EvidenceSource.SimilarImages"/>.</param>
/// <param name="Confidence">How sure the observer is, 0–1: for a similar image, its similarity.</param>
/// <param name="Reason">Where the title comes from, shown with it, e.g. "title of IMG_0412.jpg, similarity 0.93".</param>
public sealed record ObservedTitle(string Text, EvidenceSource Source, double Confidence, string? Reason = null);

/// <summary>What was observed about an image outside its text, for <see cref="LocalTextEngine"/> to rank with the text sources.</summary>
public sealed record Observations
{
    public static readonly Observations None = new();

    /// <summary>Candidate keywords, each term once per source.</summary>
    public IReadOnlyList<Observation> Concepts { get; init; } = [];

    public IReadOnlyList<ObservedFlag> Flags { get; init; } = [];

    /// <summary>Categories per agency that similar images have, strongest first.</summary>
    public IReadOnlyList<ObservedCategory> Categories { get; init; } = [];

    /// <summary>
    /// A title for the image, used when the user gave neither a hint nor a title, before one is made from the
    /// prompt or the file name; null: none.
    /// </summary>
    public ObservedTitle? Title { get; init; }

    /// <summary>Things the user should know that are not keywords, e.g. a blurred photo.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
