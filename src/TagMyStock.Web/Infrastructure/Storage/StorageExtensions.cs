using Microsoft.Extensions.Options;

namespace TagMyStock.Web.Infrastructure.Storage;

public static class StorageExtensions
{
    /// <summary>Registers the blob store: local files under the data folder.</summary>
    public static IHostApplicationBuilder AddBlobStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IBlobStore>(services =>
            new LocalBlobStore(Path.Combine(services.GetRequiredService<IOptions<TagMyStockOptions>>().Value.DataPath, "blobs")));
        return builder;
    }
}
