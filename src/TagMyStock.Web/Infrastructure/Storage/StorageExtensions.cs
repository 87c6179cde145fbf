using Amazon.S3;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TagMyStock.Web.Infrastructure.Web;

namespace TagMyStock.Web.Infrastructure.Storage;

public static class StorageExtensions
{
    /// <summary>
    /// Registers <see cref="IBlobStore"/> and <see cref="IBlobLinks"/> for <c>TagMyStock:Storage:Provider</c>:
    /// local files under the data folder with links served by this app, or an S3 bucket with presigned
    /// links, whose origin the content security policy then allows for images. Settings are checked at start.
    /// </summary>
    public static IHostApplicationBuilder AddBlobStorage(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton(serviceProvider =>
            new LocalBlobStore(Path.Combine(serviceProvider.GetRequiredService<IOptions<TagMyStockOptions>>().Value.DataPath, "blobs")));
        services.AddSingleton<LinkSigningKeyRing>();
        services.AddHostedService(serviceProvider => serviceProvider.GetRequiredService<LinkSigningKeyRing>());
        services.AddSingleton<LocalBlobLinks>();

        services.AddSingleton<IAmazonS3>(serviceProvider =>
        {
            var s3 = S3Options(serviceProvider);
            return S3Clients.Create(s3, S3Clients.ConfigFor(s3));
        });
        services.AddSingleton(serviceProvider => new S3BlobStore(serviceProvider.GetRequiredService<IAmazonS3>(), S3Options(serviceProvider).Bucket!));
        services.AddSingleton(serviceProvider => new S3BlobLinks(
            serviceProvider.GetRequiredService<IAmazonS3>(),
            S3Options(serviceProvider).Bucket!,
            S3Clients.ProtocolOf(S3Options(serviceProvider)),
            serviceProvider.GetRequiredService<TimeProvider>()));

        services.AddSingleton<IBlobStore>(serviceProvider => UsesS3(serviceProvider)
            ? serviceProvider.GetRequiredService<S3BlobStore>()
            : serviceProvider.GetRequiredService<LocalBlobStore>());
        services.AddSingleton<IBlobLinks>(serviceProvider => UsesS3(serviceProvider)
            ? serviceProvider.GetRequiredService<S3BlobLinks>()
            : serviceProvider.GetRequiredService<LocalBlobLinks>());

        services.AddOptions<ContentSecurityPolicyOptions>().Configure<IServiceProvider>((policy, serviceProvider) =>
        {
            if (UsesS3(serviceProvider))
            {
                policy.ImageSources.Add(serviceProvider.GetRequiredService<S3BlobLinks>().Origin());
            }
        });
        return builder;
    }

    private static bool UsesS3(IServiceProvider serviceProvider) =>
        serviceProvider.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == StorageProvider.S3;

    private static S3StorageOptions S3Options(IServiceProvider serviceProvider) =>
        serviceProvider.GetRequiredService<IOptions<StorageOptions>>().Value.S3;
}
