using TagMyStock.Core.Metadata;

namespace TagMyStock.Core.Validation;

public enum Severity
{
    /// <summary>Worth knowing; nothing to change.</summary>
    Info = 0,

    /// <summary>Likely to cost sales or a rejection; the upload still goes through.</summary>
    Warning = 1,

    /// <summary>The agency will refuse the file or the CSV row as it stands.</summary>
    Blocking = 2,
}

public enum MetadataField
{
    Title,
    Description,
    Keywords,
    Category,
    Flags,
    FileName,

    /// <summary>Not metadata but the file's pixel size, checked with it so that one report says all an agency will refuse.</summary>
    ImageSize,
}

/// <summary>An automatic correction a user can accept in one click.</summary>
/// <param name="Description">What the fix does, e.g. "Cut the title to 70 characters at a word boundary".</param>
/// <param name="Apply">Pure function from the metadata to the corrected metadata.</param>
public sealed record MetadataFix(string Description, Func<ImageMetadata, ImageMetadata> Apply);

/// <summary>One thing wrong with an image's metadata for one agency (or for the user's own rules).</summary>
/// <param name="Code">Stable machine id, e.g. <c>title.too-long</c>, for scripts and tests.</param>
/// <param name="Message">A sentence a contributor understands, naming the agency and the numbers.</param>
public sealed record Problem(string Code, Severity Severity, MetadataField Field, string Message)
{
    public MetadataFix? Fix { get; init; }
}

/// <summary>Every problem found for one image against one agency (plus the user's rules).</summary>
public sealed record ValidationReport(string AgencyId, IReadOnlyList<Problem> Problems)
{
    public bool IsBlocked => Problems.Any(problem => problem.Severity == Severity.Blocking);

    public IEnumerable<MetadataFix> Fixes => Problems.Select(problem => problem.Fix).OfType<MetadataFix>();
}
