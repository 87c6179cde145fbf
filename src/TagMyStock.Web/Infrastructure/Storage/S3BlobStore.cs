using System.Buffers;
using System.Net;
using System.Runtime.CompilerServices;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace TagMyStock.Web.Infrastructure.Storage;

/// <summary>
/// Blobs as objects of one bucket of an S3-compatible service. A put reads the stream in parts of
/// <see cref="PartSize"/> bytes into one pooled buffer: a small blob is one PutObject, a larger one a
/// multipart upload part by part, so memory stays at one part whatever the size, and a stream of unknown
/// length (an HTTP upload) needs no seeking. A failed multipart upload is aborted, leaving nothing.
/// </summary>
public sealed class S3BlobStore : IBlobStore
{
    /// <summary>Above S3's 5 MiB minimum part; 10,000 parts allow 80 GiB, far beyond any image.</summary>
    public const int PartSize = 8 * 1024 * 1024;

    private readonly IAmazonS3 _client;
    private readonly string _bucket;
    private readonly int _pageSize;

    public S3BlobStore(IAmazonS3 client, string bucket)
        : this(client, bucket, pageSize: 1000)
    {
    }

    /// <summary>With <paramref name="pageSize"/> keys per list request, small in tests so that paging is exercised.</summary>
    internal S3BlobStore(IAmazonS3 client, string bucket, int pageSize)
    {
        _client = client;
        _bucket = bucket;
        _pageSize = pageSize;
    }

    public async Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        BlobKeys.EnsureValid(key);
        var buffer = ArrayPool<byte>.Shared.Rent(PartSize);
        try
        {
            var length = await content.ReadAtLeastAsync(buffer.AsMemory(0, PartSize), PartSize, throwOnEndOfStream: false, cancellationToken);
            if (length < PartSize)
            {
                await _client.PutObjectAsync(
                    new PutObjectRequest
                    {
                        BucketName = _bucket,
                        Key = key,
                        ContentType = contentType,
                        InputStream = new MemoryStream(buffer, 0, length, writable: false),
                        UseChunkEncoding = false,
                    },
                    cancellationToken);
                return;
            }

            await PutInPartsAsync(key, content, contentType, buffer, cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Uploads <paramref name="buffer"/>, which holds the first full part, then the rest of <paramref name="content"/>.</summary>
    private async Task PutInPartsAsync(string key, Stream content, string contentType, byte[] buffer, CancellationToken cancellationToken)
    {
        var upload = await _client.InitiateMultipartUploadAsync(
            new InitiateMultipartUploadRequest { BucketName = _bucket, Key = key, ContentType = contentType },
            cancellationToken);
        try
        {
            var parts = new List<PartETag>();
            var length = PartSize;
            while (length > 0)
            {
                var part = await _client.UploadPartAsync(
                    new UploadPartRequest
                    {
                        BucketName = _bucket,
                        Key = key,
                        UploadId = upload.UploadId,
                        PartNumber = parts.Count + 1,
                        InputStream = new MemoryStream(buffer, 0, length, writable: false),
                        PartSize = length,
                        UseChunkEncoding = false,
                    },
                    cancellationToken);
                parts.Add(new PartETag(parts.Count + 1, part.ETag));
                length = await content.ReadAtLeastAsync(buffer.AsMemory(0, PartSize), PartSize, throwOnEndOfStream: false, cancellationToken);
            }

            await _client.CompleteMultipartUploadAsync(
                new CompleteMultipartUploadRequest { BucketName = _bucket, Key = key, UploadId = upload.UploadId, PartETags = parts },
                cancellationToken);
        }
        catch
        {
            await AbortAsync(key, upload.UploadId);
            throw;
        }
    }

    /// <summary>
    /// Drops the parts of a failed upload, which the service would otherwise keep (and bill). Not under
    /// the caller's token, since a cancelled upload must be aborted too; a failure here is left to the
    /// bucket's lifecycle rules, so that the caller sees the error that stopped the upload.
    /// </summary>
    private async Task AbortAsync(string key, string uploadId)
    {
        try
        {
            await _client.AbortMultipartUploadAsync(
                new AbortMultipartUploadRequest { BucketName = _bucket, Key = key, UploadId = uploadId },
                CancellationToken.None);
        }
        catch (Exception e) when (e is AmazonServiceException or AmazonClientException or HttpRequestException)
        {
        }
    }

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        BlobKeys.EnsureValid(key);
        try
        {
            var response = await _client.GetObjectAsync(new GetObjectRequest { BucketName = _bucket, Key = key }, cancellationToken);
            return response.ResponseStream;
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchKey")
        {
            return null;
        }
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken)
    {
        BlobKeys.EnsureValid(key);
        try
        {
            await _client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = _bucket, Key = key }, cancellationToken);
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        BlobKeys.EnsureValid(key);
        await _client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = _bucket, Key = key }, cancellationToken);
    }

    public async IAsyncEnumerable<string> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new ListObjectsV2Request { BucketName = _bucket, Prefix = prefix, MaxKeys = _pageSize };
        ListObjectsV2Response page;
        do
        {
            page = await _client.ListObjectsV2Async(request, cancellationToken);
            // The SDK leaves collections null, not empty, when a page has no objects.
            foreach (var item in page.S3Objects ?? [])
            {
                yield return item.Key;
            }

            request.ContinuationToken = page.NextContinuationToken;
        }
        while (page.IsTruncated == true);
    }
}
