using Microsoft.Extensions.Options;

namespace TagMyStock.Web.Infrastructure.Storage;

public enum StorageProvider
{
    /// <summary>Files under <c>{data}/blobs</c>, served through signed links of this app.</summary>
    Local,

    /// <summary>A bucket of any S3-compatible service, served through presigned URLs.</summary>
    S3,
}

/// <summary>Settings under <c>TagMyStock:Storage</c>: where image bytes live.</summary>
public sealed class StorageOptions
{
    public const string Section = "TagMyStock:Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Local;

    public S3StorageOptions S3 { get; set; } = new();
}

/// <summary>Settings under <c>TagMyStock:Storage:S3</c>, read when the provider is S3.</summary>
public sealed class S3StorageOptions
{
    /// <summary>The endpoint of an S3-compatible service, e.g. <c>https://s3.example.com</c>; empty for AWS itself (by <see cref="Region"/>).</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>The region requests are signed for; services without regions accept <c>us-east-1</c>.</summary>
    public string? Region { get; set; }

    public string? Bucket { get; set; }

    public string? AccessKeyId { get; set; }

    public string? SecretAccessKey { get; set; }

    /// <summary>
    /// True addresses objects as <c>{ServiceUrl}/{Bucket}/{key}</c>, as most self-hosted services need;
    /// false as <c>{Bucket}.{host}/{key}</c> (virtual-hosted style).
    /// </summary>
    public bool ForcePathStyle { get; set; } = true;
}

/// <summary>Refuses to start with S3 storage that lacks a setting, naming the key to set.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    private const string Section = StorageOptions.Section + ":S3";

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (options.Provider != StorageProvider.S3)
        {
            return ValidateOptionsResult.Success;
        }

        var s3 = options.S3;
        var failures = new List<string>();
        RequireValue(s3.Region, nameof(s3.Region), failures);
        RequireValue(s3.Bucket, nameof(s3.Bucket), failures);
        RequireValue(s3.AccessKeyId, nameof(s3.AccessKeyId), failures);
        RequireValue(s3.SecretAccessKey, nameof(s3.SecretAccessKey), failures);
        if (!string.IsNullOrWhiteSpace(s3.ServiceUrl)
            && !(Uri.TryCreate(s3.ServiceUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)))
        {
            failures.Add($"{Section}:ServiceUrl must be an absolute http or https URL such as https://s3.example.com, not '{s3.ServiceUrl}'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void RequireValue(string? value, string key, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{Section}:{key} is required when {StorageOptions.Section}:Provider is S3.");
        }
    }
}
