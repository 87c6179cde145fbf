using System.Security.Claims;
using System.Threading.RateLimiting;

namespace TagMyStock.Web.Features.Gallery.Upload;

public static class UploadExtensions
{
    /// <summary>Rate-limiting policy of uploads: requests per signed-in account.</summary>
    public const string RateLimitPolicy = "uploads";

    public static IHostApplicationBuilder AddUpload(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<UploadOptions>().BindConfiguration(UploadOptions.Section)
            .Validate(options => options.MaxFileBytes > 0 && options.MaxPixels > 0 && options.MaxFilesPerRequest > 0, "Upload limits must be positive.");
        builder.Services.AddScoped<ImageIntake>();
        builder.Services.AddScoped<IImageIntake>(services => services.GetRequiredService<ImageIntake>());

        var limits = builder.Configuration.GetSection(UploadOptions.Section).Get<UploadOptions>() ?? new UploadOptions();
        builder.Services.AddRateLimiter(options => options.AddPolicy(RateLimitPolicy, context =>
            RateLimitPartition.GetSlidingWindowLimiter(
                context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = limits.RequestsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    SegmentsPerWindow = 6,
                })));
        return builder;
    }
}
