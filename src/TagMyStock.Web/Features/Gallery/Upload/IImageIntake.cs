namespace TagMyStock.Web.Features.Gallery.Upload;

/// <summary>
/// How another feature adds an image it made (a generated or edited image) to an account's gallery: through the
/// same checks, storage and derivatives as an upload, with where the image came from.
/// </summary>
public interface IImageIntake
{
    /// <summary>
    /// Stores <paramref name="body"/> as the image <see cref="ImageProvenance.ImageId"/> of <paramref name="accountId"/>.
    /// When that image is already stored (a job resumed after a crash), nothing is stored again and the result
    /// names it, so a caller that chose the id before storing never makes a copy.
    /// </summary>
    Task<UploadResult> AcceptAsync(Guid accountId, string fileName, Stream body, ImageProvenance provenance, CancellationToken cancellationToken);
}

/// <summary>Where an image made in the app comes from; it overrides what the file's own metadata says.</summary>
/// <param name="ImageId">The new image's id, chosen (and recorded) by the caller before it stores the image.</param>
/// <param name="DigitalSourceType">
/// The IPTC digital source type, e.g. <see cref="Core.Metadata.DigitalSourceType.TrainedAlgorithmicMedia"/>; null keeps
/// the source's (for an edit) or the file's.
/// </param>
public sealed record ImageProvenance(Guid ImageId, string? DigitalSourceType)
{
    /// <summary>The prompt the image was made from, a tagging source.</summary>
    public string? GenerationPrompt { get; init; }

    /// <summary>The model that made it.</summary>
    public string? GenerationModel { get; init; }

    /// <summary>The seed the model reported.</summary>
    public long? GenerationSeed { get; init; }

    /// <summary>
    /// The image of the same account this one was edited from: the new image starts with its metadata (title,
    /// keywords, categories, flags, evidence) and is linked to it.
    /// </summary>
    public Guid? SourceImageId { get; init; }

    /// <summary>What the edit did, in words, e.g. "Upscaled 2× by ESRGAN".</summary>
    public string? EditDescription { get; init; }
}
