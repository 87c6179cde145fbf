using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TagMyStock.Core.Metadata;
using TagMyStock.Core.Similarity;
using TagMyStock.Core.Tagging;

namespace TagMyStock.Web.Features.Gallery;

/// <summary>
/// One uploaded or generated image of one account: where its bytes are, what it is, and the metadata
/// the contributor is preparing for the agencies. The original blob is never rewritten.
/// </summary>
public sealed class StockImage
{
    public Guid Id { get; set; }

    public Guid OwnerId { get; set; }

    /// <summary>The name the file had on the contributor's disk, cleaned of any path.</summary>
    public string FileName { get; set; } = "";

    /// <summary>"jpeg", "png" or "webp", from the file's bytes.</summary>
    public string Format { get; set; } = "";

    public long ByteSize { get; set; }

    /// <summary>SHA-256 of the original's bytes, lowercase hex: the original's ETag.</summary>
    public string ContentHash { get; set; } = "";

    public int Width { get; set; }

    public int Height { get; set; }

    /// <summary>The upright size, once the gallery has read the image; null before.</summary>
    public (int Width, int Height)? PixelSize => Width > 0 && Height > 0 ? (Width, Height) : null;

    public string OriginalKey { get; set; } = "";

    public DerivativeState Derivatives { get; set; }

    /// <summary>Why the thumbnail and preview could not be made, for the gallery to show.</summary>
    public string? DerivativeError { get; set; }

    /// <summary>64-bit perceptual hash of the pixels; near-identical images differ in a few bits.</summary>
    public long PerceptualHash { get; set; }

    /// <summary>
    /// An earlier image of the same account this one nearly duplicates, if any: by perceptual hash at upload,
    /// or by <see cref="Embedding"/> once the derivative worker has made it.
    /// </summary>
    public Guid? NearDuplicateOf { get; set; }

    /// <summary>
    /// What the image looks like as a vector (<see cref="ImageEmbedding.ToBytes"/>), made from the
    /// preview by the derivative worker or by the first tagging run; null until then, or when it could not be made.
    /// </summary>
    public byte[]? Embedding { get; set; }

    /// <summary>
    /// The <see cref="ImageEmbedding.Model"/> of <see cref="Embedding"/>, so that the embeddings an
    /// older model made are found without reading them: the derivative worker makes them again when it starts.
    /// </summary>
    public byte? EmbeddingModel { get; set; }

    public DateTime UploadedAt { get; set; }

    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    public List<string> Keywords { get; set; } = [];

    /// <summary>Category per agency id, in the agency's notation.</summary>
    public Dictionary<string, string> Categories { get; set; } = new(StringComparer.Ordinal);

    public ContentFlags Flags { get; set; }

    /// <summary>The IPTC digital source type the file declared or the contributor chose.</summary>
    public string? DigitalSourceType { get; set; }

    /// <summary>The generation prompt found in the file (or given at generation), a tagging source.</summary>
    public string? GenerationPrompt { get; set; }

    /// <summary>The model that generated the image in this app (FAL's model id), null for uploads.</summary>
    public string? GenerationModel { get; set; }

    /// <summary>The seed the model reported for the image it generated in this app: with the prompt and model, a way to make it again.</summary>
    public long? GenerationSeed { get; set; }

    /// <summary>The image this one was made from by an edit (upscale, crop…), in the same account; null for uploads and generations.</summary>
    public Guid? SourceImageId { get; set; }

    /// <summary>What the edit that made this image from <see cref="SourceImageId"/> did, in words, e.g. "Upscaled 2× by ESRGAN".</summary>
    public string? EditDescription { get; set; }

    /// <summary>Which engine wrote the current metadata, and when; null until tagged.</summary>
    public string? TaggedBy { get; set; }

    public DateTime? TaggedAt { get; set; }

    /// <summary>Why each keyword and flag of the last tagging run is there (which source said it); replaced by every run.</summary>
    public List<Evidence> Evidence { get; set; } = [];

    public DateTime UpdatedAt { get; set; }

    /// <summary>
    /// Goes up by one on every change of the metadata; a save that names an older version is refused, so two
    /// tabs (or an edit and a tagging run) never silently overwrite each other.
    /// </summary>
    public int Version { get; set; }

    public ImageMetadata Metadata => new()
    {
        Title = Title,
        Description = Description,
        Keywords = Keywords,
        Categories = Categories,
        Flags = Flags,
        DigitalSourceType = DigitalSourceType,
    };

    /// <summary>How the image is named in its account's <see cref="ITaggedLibrary"/>: unique by the id, with the file name last for the reasons a user reads.</summary>
    public string LibraryId => LibraryIdOf(Id, FileName);

    public static string LibraryIdOf(Guid id, string fileName) => $"{id:N}/{fileName}";

    /// <summary>Stores <paramref name="embedding"/> and which model made it.</summary>
    public void SetEmbedding(ImageEmbedding embedding)
    {
        Embedding = embedding.ToBytes();
        EmbeddingModel = embedding.Model;
    }

    public void Apply(ImageMetadata metadata)
    {
        Title = metadata.Title;
        Description = metadata.Description;
        Keywords = [.. metadata.Keywords];
        Categories = new Dictionary<string, string>(metadata.Categories, StringComparer.Ordinal);
        Flags = metadata.Flags;
        DigitalSourceType = metadata.DigitalSourceType;
    }
}

/// <summary>Queries every feature uses on images.</summary>
public static class StockImageQueries
{
    /// <summary>The images of one account: the start of every query that serves a user, so no other account's rows leak.</summary>
    public static IQueryable<StockImage> OwnedBy(this IQueryable<StockImage> images, Guid accountId) =>
        images.Where(image => image.OwnerId == accountId);
}

public enum DerivativeState
{
    Pending,
    Ready,
    Failed,
}

internal sealed class StockImageConfiguration : IEntityTypeConfiguration<StockImage>
{
    // Sources by name, so that a stored row reads the same whatever the enum's order becomes.
    private static readonly JsonSerializerOptions EvidenceJson = new(JsonSerializerOptions.Default) { Converters = { new JsonStringEnumConverter() } };

    public void Configure(EntityTypeBuilder<StockImage> image)
    {
        image.ToTable("Images");
        image.HasKey(i => i.Id);
        // The gallery's order (newest first, ties by id): with the id in the index, a page is read straight
        // from it, without sorting, however deep the page.
        image.HasIndex(i => new { i.OwnerId, i.UploadedAt, i.Id });
        image.HasIndex(i => i.Derivatives);
        // An edit outlives its source: deleting the source only forgets where the edit came from.
        image.HasOne<StockImage>().WithMany().HasForeignKey(i => i.SourceImageId).OnDelete(DeleteBehavior.SetNull);
        image.Property(i => i.FileName).HasMaxLength(255);
        image.Property(i => i.Format).HasMaxLength(8);
        image.Property(i => i.ContentHash).HasMaxLength(64);
        image.Property(i => i.OriginalKey).HasMaxLength(300);
        image.Property(i => i.DerivativeError).HasMaxLength(500);
        image.Property(i => i.Title).HasMaxLength(1000);
        image.Property(i => i.Description).HasMaxLength(4000);
        image.Property(i => i.DigitalSourceType).HasMaxLength(200);
        image.Property(i => i.GenerationModel).HasMaxLength(200);
        image.Property(i => i.EditDescription).HasMaxLength(300);
        image.Property(i => i.TaggedBy).HasMaxLength(50);
        image.Property(i => i.Derivatives).HasConversion<string>().HasMaxLength(10);
        image.Property(i => i.Keywords).HasConversion(
            keywords => JsonSerializer.Serialize(keywords, JsonSerializerOptions.Default),
            json => JsonSerializer.Deserialize<List<string>>(json, JsonSerializerOptions.Default) ?? new List<string>(),
            new ValueComparer<List<string>>((a, b) => a!.SequenceEqual(b!), list => list.Aggregate(0, (hash, keyword) => HashCode.Combine(hash, keyword.GetHashCode(StringComparison.Ordinal))), list => list.ToList()));
        image.Property(i => i.Categories).HasConversion(
            categories => JsonSerializer.Serialize(categories, JsonSerializerOptions.Default),
            json => new Dictionary<string, string>(JsonSerializer.Deserialize<Dictionary<string, string>>(json, JsonSerializerOptions.Default) ?? new Dictionary<string, string>(), StringComparer.Ordinal),
            new ValueComparer<Dictionary<string, string>>((a, b) => a!.Count == b!.Count && !a.Except(b).Any(), map => map.Count, map => new Dictionary<string, string>(map, StringComparer.Ordinal)));
        image.Property(i => i.Evidence).HasConversion(
            evidence => JsonSerializer.Serialize(evidence, EvidenceJson),
            json => JsonSerializer.Deserialize<List<Evidence>>(json, EvidenceJson) ?? new List<Evidence>(),
            new ValueComparer<List<Evidence>>((a, b) => a!.SequenceEqual(b!), list => list.Count, list => list.ToList()));
        image.Property(i => i.Version).IsConcurrencyToken();
        image.Ignore(i => i.Metadata);
        image.Ignore(i => i.LibraryId);
    }
}
