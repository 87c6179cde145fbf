using Microsoft.EntityFrameworkCore.Diagnostics;
using TagMyStock.Web.Features.Gallery.Derivatives;

namespace TagMyStock.Web.Features.Gallery;

public static class GalleryExtensions
{
    public static IHostApplicationBuilder AddGallery(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GalleryOptions>().BindConfiguration(GalleryOptions.Section)
            .Validate(options => options.DerivativeWorkers >= 1, $"{GalleryOptions.Section}:DerivativeWorkers must be at least 1.")
            .Validate(options => options.ConcurrentDecodes >= 1, $"{GalleryOptions.Section}:ConcurrentDecodes must be at least 1.");
        builder.Services.AddScoped<IImageCatalog, ImageCatalog>();
        builder.Services.AddScoped<ITaggedLibrary, TaggedLibrary>();
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<GalleryQuery>();
        builder.Services.AddSingleton<GalleryVersions>();
        builder.Services.AddSingleton<ISaveChangesInterceptor, GalleryVersionInterceptor>();
        builder.Services.AddOutputCache(options => options.AddPolicy(GalleryPageCachePolicy.Name, new GalleryPageCachePolicy()));
        builder.Services.AddSingleton<ThumbnailMaker>();
        builder.Services.AddSingleton<DerivativeQueue>();
        builder.Services.AddSingleton<DecodeGate>();
        builder.Services.AddHostedService<DerivativeWorker>();

        // Every upload is a different file read once: libvips' operation cache would only hold memory and
        // file handles (of temporary files, too) for nothing.
        NetVips.Cache.Max = 0;
        NetVips.Cache.MaxFiles = 0;
        return builder;
    }

    public static IEndpointRouteBuilder MapGallery(this IEndpointRouteBuilder routes)
    {
        routes.MapImages();
        return routes;
    }
}
