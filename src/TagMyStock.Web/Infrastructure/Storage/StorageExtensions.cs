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

        services.AddSingleton(services =>
            new LocalBlobStore(Path.Combine(services.GetRequiredService<IOptions<TagMyStockOptions>>().Value.DataPath, "blobs")));
        services.AddSingleton<LocalBlobLinks>();

        services.AddSingleton<IAmazonS3>(services =>
        {
            var s3 = S3Options(services);
            return S3Clients.Create(s3, S3Clients.ConfigFor(s3));
        });
        services.AddSingleton(services => new S3BlobStore(services.GetRequiredService<IAmazonS3>(), S3Options(services).Bucket!));
        services.AddSingleton(services => new S3BlobLinks(
            services.GetRequiredService<IAmazonS3>(),
            S3Options(services).Bucket!,
            S3Clients.ProtocolOf(S3Options(services)),
            services.GetRequiredService<TimeProvider>()));

        services.AddSingleton<IBlobStore>(services => UsesS3(services)
            ? services.GetRequiredService<S3BlobStore>()
            : services.GetRequiredService<LocalBlobStore>());
        services.AddSingleton<IBlobLinks>(services => UsesS3(services)
            ? services.GetRequiredService<S3BlobLinks>()
            : services.GetRequiredService<LocalBlobLinks>());

        services.AddOptions<ContentSecurityPolicyOptions>().Configure<IServiceProvider>((policy, services) =>
        {
            if (UsesS3(services))
            {
                policy.ImageSources.Add(services.GetRequiredService<S3BlobLinks>().Origin());
            }
        });
        return builder;
    }

    private static bool UsesS3(IServiceProvider services) =>
        services.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == StorageProvider.S3;

    private static S3StorageOptions S3Options(IServiceProvider services) =>
        services.GetRequiredService<IOptions<StorageOptions>>().Value.S3;
}
