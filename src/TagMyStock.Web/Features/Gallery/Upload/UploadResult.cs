using System.Text.Json.Serialization;

namespace TagMyStock.Web.Features.Gallery.Upload;

/// <summary>What became of one uploaded file: <c>stored</c> with its new id, or <c>refused</c> with the reason.</summary>
public sealed record UploadResult(
    string FileName,
    string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? ImageId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? NearDuplicateOf = null)
{
    public const string StoredStatus = "stored";
    public const string RefusedStatus = "refused";

    public static UploadResult Stored(string fileName, Guid imageId, Guid? nearDuplicateOf) =>
        new(fileName, StoredStatus, imageId, NearDuplicateOf: nearDuplicateOf);

    public static UploadResult Refused(string fileName, string reason) => new(fileName, RefusedStatus, Reason: reason);
}
