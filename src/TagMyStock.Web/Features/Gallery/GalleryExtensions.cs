namespace TagMyStock.Web.Features.Gallery;

public static class GalleryExtensions
{
    public static IHostApplicationBuilder AddGallery(this IHostApplicationBuilder builder) => builder;

    public static IEndpointRouteBuilder MapGallery(this IEndpointRouteBuilder routes) => routes;
}
