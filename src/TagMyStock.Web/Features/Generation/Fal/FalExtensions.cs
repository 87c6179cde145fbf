using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TagMyStock.Web.Infrastructure.ExternalServices;

namespace TagMyStock.Web.Features.Generation.Fal;

public static class FalExtensions
{
    /// <summary>
    /// Registers <see cref="FalQueueClient"/>, its download client, <see cref="FalRequestRunner"/> for jobs and the webhook
    /// verifier, with the catalogue from configuration.
    /// </summary>
    public static IHostApplicationBuilder AddFal(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<FalOptions>().BindConfiguration(FalOptions.Section)
            .ValidateDataAnnotations()
            .Validate(options => options.QueueBaseUrl.IsAbsoluteUri, "TagMyStock:Fal:QueueBaseUrl must be an absolute URL.")
            .Validate(options => options.RequestTimeout > TimeSpan.Zero, "TagMyStock:Fal:RequestTimeout must be positive.")
            .Validate(options => options.PollInterval > TimeSpan.Zero, "TagMyStock:Fal:PollInterval must be positive.")
            .Validate(options => options.WebhookPollInterval >= options.PollInterval, "TagMyStock:Fal:WebhookPollInterval must not be shorter than the poll interval.")
            .Validate(options => options.GiveUpAfter > options.PollInterval, "TagMyStock:Fal:GiveUpAfter must be longer than the poll interval.")
            .Validate(options => options.Models.Values.All(model => !string.IsNullOrWhiteSpace(model.Id) && model.Price >= 0), "Every model under TagMyStock:Fal:Models needs an Id and a price of zero or more.")
            .ValidateOnStart();
        builder.Services.AddHttpClient<FalQueueClient>().AddServiceResilience<FalOptions>();
        // Result files can be large: the attempt timeout covers the headers, the body streams under the caller's token.
        builder.Services.AddHttpClient(FalQueueClient.DownloadClient).AddServiceResilience<FalOptions>();
        builder.Services.AddHttpClient(FalWebhookVerifier.KeysClient).AddServiceResilience<FalOptions>();
        builder.Services.AddSingleton<FalWebhookVerifier>();
        var webhookLimit = (builder.Configuration.GetSection(FalOptions.Section).Get<FalOptions>() ?? new FalOptions()).WebhookRequestsPerMinute;
        builder.Services.AddRateLimiter(options => options.AddPolicy(FalWebhookApi.RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = webhookLimit, Window = TimeSpan.FromMinutes(1) })));
        builder.Services.AddScoped<FalRequestRunner>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>FAL's webhook, <see cref="FalWebhookApi"/>.</summary>
    public static IEndpointRouteBuilder MapFal(this IEndpointRouteBuilder routes) => routes.MapFalWebhookApi();
}
