using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NetVips;
using TagMyStock.Core.Metadata;
using TagMyStock.Imaging.Embedding;
using TagMyStock.Imaging.Reading;
using TagMyStock.Web.Features.Gallery.Derivatives;
using TagMyStock.Web.Infrastructure;
using TagMyStock.Web.Infrastructure.Data;
using TagMyStock.Web.Infrastructure.Storage;

namespace TagMyStock.Web.Features.Gallery.Upload;

/// <summary>
/// Takes one uploaded file from the request body to a stored image: streamed to a temporary file while
/// counted and hashed (memory does not grow with the file), checked by its bytes, its header's dimensions
/// checked before any pixel is decoded, then decoded once small for the perceptual hash (which also finds
/// damage; at most as many at once as <see cref="DecodeGate"/> allows), its embedded metadata read, the
/// original stored, the row written and its derivatives queued.
/// </summary>
internal sealed partial class ImageIntake(
    AppDbContext db,
    IBlobStore blobs,
    DerivativeQueue derivatives,
    DecodeGate decodes,
    IOptions<UploadOptions> options,
    IOptions<TagMyStockOptions> app,
    TimeProvider clock,
    ILogger<ImageIntake> logger) : IImageIntake
{
    private const int BufferSize = 1 << 16;

    /// <summary>Stores an uploaded file as a new image, with what its own metadata says.</summary>
    public Task<UploadResult> AcceptAsync(Guid accountId, string fileName, Stream body, CancellationToken cancellationToken) =>
        StoreAsync(accountId, fileName, body, provenance: null, cancellationToken);

    public async Task<UploadResult> AcceptAsync(Guid accountId, string fileName, Stream body, ImageProvenance provenance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provenance);
        var stored = await db.Set<StockImage>().AsNoTracking()
            .OwnedBy(accountId)
            .Where(image => image.Id == provenance.ImageId)
            .Select(image => new { image.FileName, image.NearDuplicateOf })
            .SingleOrDefaultAsync(cancellationToken);
        return stored is null
            ? await StoreAsync(accountId, fileName, body, provenance, cancellationToken)
            : UploadResult.Stored(stored.FileName, provenance.ImageId, stored.NearDuplicateOf);
    }

    private async Task<UploadResult> StoreAsync(Guid accountId, string fileName, Stream body, ImageProvenance? provenance, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        await using var file = WorkFiles.Create(Path.Combine(app.Value.DataPath, "uploads"));

        var received = await ReceiveAsync(body, file, limits.MaxFileBytes, cancellationToken);
        if (received is null)
        {
            return UploadResult.Refused(fileName, $"larger than {ByteSizeText.Format(limits.MaxFileBytes)}");
        }

        var (size, head, contentHash) = received.Value;
        if (size == 0)
        {
            return UploadResult.Refused(fileName, "the file is empty");
        }

        if (FileSignature.ImageFormat(head) is not { } format)
        {
            return UploadResult.Refused(fileName, $"not a JPEG, PNG or WebP image (the bytes look like {FileSignature.Describe(head)})");
        }

        int width, height;
        long perceptualHash;
        try
        {
            // libvips reads the upload through the stream, never by its name: given a file name it maps the
            // whole file, and every page the decoder touches then counts in the process's resident memory.
            // Opening reads the header only: a decompression bomb is refused here, before any pixel is decoded.
            file.Position = 0;
            using (var header = Image.NewFromStream(file, access: Enums.Access.Sequential))
            {
                (width, height) = (header.Width, header.Height);
            }

            if ((long)width * height > limits.MaxPixels)
            {
                return UploadResult.Refused(fileName, string.Create(
                    CultureInfo.InvariantCulture,
                    $"{width:N0} × {height:N0} pixels: more than the {limits.MaxPixels / 1e6:0.#} megapixel limit"));
            }

            using (await decodes.EnterAsync(cancellationToken))
            {
                file.Position = 0;
                perceptualHash = PerceptualHash.Compute(file);
            }
        }
        catch (VipsException exception)
        {
            return UploadResult.Refused(fileName, $"the file is damaged: {VipsMessages.Describe(exception)}");
        }

        var embedded = ReadEmbeddedMetadata(file, fileName);
        var nearDuplicateOf = await FindNearDuplicateAsync(accountId, perceptualHash, limits.NearDuplicateMaxDistance, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var image = new StockImage
        {
            Id = provenance?.ImageId ?? Guid.CreateVersion7(),
            OwnerId = accountId,
            FileName = fileName,
            Format = format,
            ByteSize = size,
            ContentHash = contentHash,
            Width = width,
            Height = height,
            Derivatives = DerivativeState.Pending,
            PerceptualHash = perceptualHash,
            NearDuplicateOf = nearDuplicateOf,
            UploadedAt = now,
            UpdatedAt = now,
            GenerationPrompt = embedded?.GenerationPrompt,
        };
        if (embedded is not null)
        {
            image.Apply(embedded.Metadata);
        }

        if (provenance is not null)
        {
            await ApplyAsync(image, provenance, cancellationToken);
        }

        image.OriginalKey = BlobKeys.Original(accountId, image.Id, ImageFormats.Extension(format));
        file.Position = 0;
        await blobs.PutAsync(image.OriginalKey, file, ImageFormats.ContentType(format), cancellationToken);
        try
        {
            db.Set<StockImage>().Add(image);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            await blobs.DeleteAsync(image.OriginalKey, CancellationToken.None);
            throw;
        }

        await derivatives.EnqueueAsync(image.Id, cancellationToken);
        return UploadResult.Stored(fileName, image.Id, nearDuplicateOf);
    }

    private async Task ApplyAsync(StockImage image, ImageProvenance provenance, CancellationToken cancellationToken)
    {
        if (provenance.SourceImageId is { } sourceId
            && await db.Set<StockImage>().AsNoTracking().OwnedBy(image.OwnerId).SingleOrDefaultAsync(source => source.Id == sourceId, cancellationToken) is { } source)
        {
            image.SourceImageId = source.Id;
            image.EditDescription = provenance.EditDescription;
            image.Apply(source.Metadata);
            image.GenerationPrompt = source.GenerationPrompt;
            image.GenerationModel = source.GenerationModel;
            image.GenerationSeed = source.GenerationSeed;
            image.TaggedBy = source.TaggedBy;
            image.TaggedAt = source.TaggedAt;
            image.Evidence = [.. source.Evidence];
        }

        if (provenance.DigitalSourceType is { } digitalSourceType)
        {
            image.DigitalSourceType = digitalSourceType;
        }

        if (DigitalSourceType.IsGenerativeAi(image.DigitalSourceType))
        {
            image.Flags |= ContentFlags.AiGenerated;
        }

        image.GenerationPrompt = provenance.GenerationPrompt ?? image.GenerationPrompt;
        image.GenerationModel = provenance.GenerationModel ?? image.GenerationModel;
        image.GenerationSeed = provenance.GenerationSeed ?? image.GenerationSeed;
    }

    /// <summary>
    /// Copies the body to <paramref name="file"/>, returning its size, first bytes and SHA-256; null once it
    /// passes <paramref name="maxBytes"/> (the rest is left for the multipart reader to skip).
    /// </summary>
    private static async Task<(long Size, byte[] Head, string Sha256)?> ReceiveAsync(Stream body, FileStream file, long maxBytes, CancellationToken cancellationToken)
    {
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var head = new byte[FileSignature.Length];
        var headLength = 0;
        long size = 0;
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            int read;
            while ((read = await body.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
            {
                size += read;
                if (size > maxBytes)
                {
                    return null;
                }

                var forHead = Math.Min(read, head.Length - headLength);
                buffer.AsSpan(0, forHead).CopyTo(head.AsSpan(headLength));
                headLength += forHead;
                sha256.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        await file.FlushAsync(cancellationToken);
        return (size, head[..headLength], Convert.ToHexStringLower(sha256.GetHashAndReset()));
    }

    /// <summary>The metadata the file carries, or null when it cannot be read: the image is still worth keeping.</summary>
    private EmbeddedMetadata? ReadEmbeddedMetadata(FileStream file, string fileName)
    {
        try
        {
            file.Position = 0;
            return EmbeddedMetadataReader.Read(file, fileName);
        }
        catch (ImageFileException exception)
        {
            LogUnreadableMetadata(logger, exception, fileName);
            return null;
        }
    }

    /// <summary>The earliest image of the same account whose perceptual hash is within <paramref name="maxDistance"/> bits.</summary>
    private async Task<Guid?> FindNearDuplicateAsync(Guid accountId, long perceptualHash, int maxDistance, CancellationToken cancellationToken)
    {
        var hashes = await db.Set<StockImage>().AsNoTracking()
            .OwnedBy(accountId)
            .OrderBy(image => image.UploadedAt)
            .Select(image => new { image.Id, image.PerceptualHash })
            .ToListAsync(cancellationToken);
        return hashes.FirstOrDefault(earlier => PerceptualHash.Distance(earlier.PerceptualHash, perceptualHash) <= maxDistance)?.Id;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The embedded metadata of {FileName} could not be read; it is stored without.")]
    private static partial void LogUnreadableMetadata(ILogger logger, Exception exception, string fileName);
}
