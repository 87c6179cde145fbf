using Amazon;
using Amazon.Runtime;
using Amazon.S3;

namespace TagMyStock.Web.Infrastructure.Storage;

/// <summary>Builds the S3 client for <see cref="S3StorageOptions"/>: the one place the SDK is configured.</summary>
public static class S3Clients
{
    public static AmazonS3Config ConfigFor(S3StorageOptions options)
    {
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,
            // The SDK's default CRC trailers ride on aws-chunked bodies, which many S3-compatible
            // services do not decode; SigV4 payload hashes already protect every upload.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (string.IsNullOrWhiteSpace(options.ServiceUrl))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }
        else
        {
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = options.Region;
        }

        return config;
    }

    /// <summary>The scheme of presigned URLs, which the SDK does not take from the service URL.</summary>
    public static Protocol ProtocolOf(S3StorageOptions options) =>
        options.ServiceUrl is { } url && url.StartsWith("http:", StringComparison.OrdinalIgnoreCase) ? Protocol.HTTP : Protocol.HTTPS;

    public static AmazonS3Client Create(S3StorageOptions options, AmazonS3Config config) =>
        new(new BasicAWSCredentials(options.AccessKeyId, options.SecretAccessKey), config);
}
