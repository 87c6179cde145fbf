using System.Text.Json.Serialization;
using TagMyStock.Web.Features.Generation.Fal;

namespace TagMyStock.Web.Features.ImageEditing;

/// <summary>The edits the app makes; each makes a new image linked to its source, which is never overwritten.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ImageEditKind>))]
public enum ImageEditKind
{
    /// <summary>Rotate, crop, resize and convert, done here by libvips at no cost.</summary>
    Transform,

    /// <summary>More pixels, to reach an agency's minimum (FAL.ai).</summary>
    Upscale,

    /// <summary>The subject cut out, on transparency or on white (FAL.ai).</summary>
    RemoveBackground,

    /// <summary>A change said in words: "remove the logo from the mug" (FAL.ai).</summary>
    InstructionEdit,

    /// <summary>The part of the image under a painted mask repainted after a prompt (FAL.ai).</summary>
    Inpaint,
}

/// <summary>What a background removal leaves behind the subject.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BackgroundFill>))]
public enum BackgroundFill
{
    /// <summary>A PNG with an alpha channel.</summary>
    Transparent,

    /// <summary>A JPEG on pure white: "isolated on white" stock.</summary>
    White,
}

/// <summary>What an <c>edit</c> job runs: a checked edit request.</summary>
/// <param name="Kind">Which edit; the properties it needs are set, the others null.</param>
public sealed record EditInput(Guid SourceImageId, ImageEditKind Kind)
{
    public TransformSteps? Transform { get; init; }

    /// <summary>The catalogue's name of the FAL model (<c>upscale</c>, <c>background</c>…), looked up again when the job runs.</summary>
    public string? Model { get; init; }

    /// <summary>The instruction of an instruction edit, or what to paint under an inpainting mask.</summary>
    public string? Prompt { get; init; }

    public BackgroundFill? Background { get; init; }

    /// <summary>The inpainting mask as a PNG: white where the image is repainted, black where it is kept.</summary>
    public byte[]? Mask { get; init; }
}

/// <summary>Where an edit job stands; saved the moment each step is done, so a resumed job never repeats a paid one.</summary>
/// <param name="ResultImageId">The new image's id, chosen before anything is made so that it is stored once.</param>
/// <param name="FalRequest">The request FAL.ai is working on, for the edits it makes.</param>
/// <param name="FalCompleted">FAL has finished the request: its result is read, not waited for.</param>
public sealed record EditCheckpoint(Guid ResultImageId, FalRequest? FalRequest = null, bool FalCompleted = false);

/// <summary>What the edit page shows of an edit job (the job's detail).</summary>
/// <param name="Operation">What the edit does, in words.</param>
/// <param name="ResultImageId">The new image, once stored.</param>
/// <param name="ResultFileName">Its file name, once stored.</param>
public sealed record EditDetail(Guid SourceImageId, string Operation, Guid? ResultImageId = null, string? ResultFileName = null);
