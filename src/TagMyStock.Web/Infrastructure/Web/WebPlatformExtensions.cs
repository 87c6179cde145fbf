using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using TagMyStock.Web.Components;

namespace TagMyStock.Web.Infrastructure.Web;

/// <summary>The host wiring every feature relies on: options, pages, logs, headers, limits, health.</summary>
public static class WebPlatformExtensions
{
    public static IHostApplicationBuilder AddWebPlatform(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TagMyStockOptions>().BindConfiguration(TagMyStockOptions.Section);
        builder.Services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.Section);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddProblemDetails();
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                await context.HttpContext.Response.WriteAsync("Too many requests: wait a minute and try again.", cancellationToken);
            };
        });
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            var proxies = builder.Configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions();
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
        return builder;
    }

    public static WebApplication UseWebPlatform(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseSecurityHeaders();
        // API clients get bare status codes; people get a page.
        app.UseWhen(
            context => !context.Request.Path.StartsWithSegments("/api"),
            branch => branch.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));

        // Routing after the status-code pages, so that a re-executed request is routed to /not-found.
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        // After authentication and authorization: a cached page is only ever served to a request they let through.
        app.UseOutputCache();
        return app;
    }

    /// <summary><c>/health</c>: 200 "Healthy" when the database answers; for load balancers and uptime checks.</summary>
    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health").DisableRateLimiting();
        return app;
    }

    public static WebApplication MapPages(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}

/// <summary>Reverse proxies whose X-Forwarded-For/Proto headers are believed; none by default.</summary>
public sealed class ProxyOptions
{
    public const string Section = "TagMyStock:Proxy";

    public IReadOnlyList<string> KnownProxies { get; set; } = [];
}
