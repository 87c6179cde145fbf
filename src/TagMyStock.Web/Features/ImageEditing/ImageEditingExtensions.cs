using TagMyStock.Web.Features.Jobs;

namespace TagMyStock.Web.Features.ImageEditing;

public static class ImageEditingExtensions
{
    /// <summary>Image edits as <c>edit</c> jobs; needs <c>AddGallery</c>, <c>AddJobs</c> and <c>AddFal</c>.</summary>
    public static IHostApplicationBuilder AddImageEditing(this IHostApplicationBuilder builder)
    {
        builder.Services.AddJobHandler<EditImageJob>(EditImageJob.Kind);
        builder.Services.AddImageEditor<LocalTransformEditor>(ImageEditKind.Transform);
        builder.Services.AddImageEditor<FalImageEditor>(ImageEditKind.Upscale, ImageEditKind.RemoveBackground, ImageEditKind.InstructionEdit, ImageEditKind.Inpaint);
        return builder;
    }

    public static IEndpointRouteBuilder MapImageEditing(this IEndpointRouteBuilder routes) => routes.MapImageEditingApi();

    internal static IServiceCollection AddImageEditor<TEditor>(this IServiceCollection services, params ImageEditKind[] kinds)
        where TEditor : class, IImageEditor
    {
        services.AddScoped<TEditor>();
        foreach (var kind in kinds)
        {
            services.AddKeyedScoped<IImageEditor>(kind, (provider, _) => provider.GetRequiredService<TEditor>());
        }

        return services;
    }
}
