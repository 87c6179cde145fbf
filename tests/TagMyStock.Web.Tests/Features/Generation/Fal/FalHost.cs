using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace TagMyStock.Web.Features.Generation.Fal;

/// <summary>The FAL registrations of the app, pointed at a stand-in, without the machine's environment.</summary>
internal static class FalHost
{
    public static IHost Start(FalStandIn standIn, string? key = FalStandIn.Key, int maxRetries = 0, TimeSpan? timeout = null, long? maxDownloadBytes = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TagMyStock:Fal:Key"] = key,
            ["TagMyStock:Fal:QueueBaseUrl"] = standIn.Server.BaseAddress.AbsoluteUri,
            ["TagMyStock:Fal:DownloadHosts:0"] = standIn.Server.BaseAddress.Host,
            ["TagMyStock:Fal:WebhookKeysUrl"] = standIn.JwksUrl.AbsoluteUri,
            ["TagMyStock:Fal:MaxRetries"] = maxRetries.ToString(CultureInfo.InvariantCulture),
            ["TagMyStock:Fal:RetryDelay"] = "00:00:00.050",
            ["TagMyStock:Fal:RequestTimeout"] = (timeout ?? TimeSpan.FromSeconds(20)).ToString("c", CultureInfo.InvariantCulture),
            ["TagMyStock:Fal:MaxDownloadBytes"] = (maxDownloadBytes ?? 200L << 20).ToString(CultureInfo.InvariantCulture),
            ["TagMyStock:Fal:Models:fast:Id"] = "fal-ai/flux/schnell",
            ["TagMyStock:Fal:Models:fast:Kind"] = "TextToImage",
            ["TagMyStock:Fal:Models:fast:Price"] = "0.003",
            ["TagMyStock:Fal:Models:fast:PriceUnit"] = "PerMegapixel",
        });
        builder.AddFal();
        return builder.Build();
    }

    public static FalQueueClient Client(this IHost host) => host.Services.GetRequiredService<FalQueueClient>();
}
