using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TagMyStock.Web.Infrastructure.ExternalServices;

namespace TagMyStock.Web.Features.Generation.Fal;

public sealed class FalWebhookTests
{
    private const string Succeeded = """{"request_id":"r-1","gateway_request_id":"g-1","status":"OK","payload":{"images":[{"url":"https://v3.fal.media/files/a.jpg","width":1216,"height":816,"content_type":"image/jpeg"}],"seed":11}}""";
    private const string Failed = """{"request_id":"r-2","gateway_request_id":"g-2","status":"ERROR","error":"Invalid status code: 422","payload":{"detail":[{"loc":["body","prompt"],"msg":"field required"}]}}""";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public void A_notice_gives_the_result_or_the_failure()
    {
        var ok = FalWebhookNotice.Parse(Encoding.UTF8.GetBytes(Succeeded));
        var error = FalWebhookNotice.Parse(Encoding.UTF8.GetBytes(Failed));

        Assert.Equal(("r-1", true), (ok.RequestId, ok.Succeeded));
        Assert.Equal(11, ok.ReadResult().Seed);
        Assert.Equal("https://v3.fal.media/files/a.jpg", Assert.Single(ok.ReadResult().Images).Url);
        Assert.Equal(ExternalServiceFailure.Failed, Assert.Throws<ExternalServiceException>(error.ReadResult).Failure);
        Assert.Throws<ExternalServiceException>(() => FalWebhookNotice.Parse("""{"hello":"world"}"""u8));
    }

    [Fact]
    public async Task Only_a_fresh_signature_of_exactly_this_body_by_a_published_key_passes()
    {
        await using var standIn = await FalStandIn.StartAsync();
        using var host = FalHost.Start(standIn);
        var verifier = host.Services.GetRequiredService<FalWebhookVerifier>();
        var body = Encoding.UTF8.GetBytes(Succeeded);
        var now = DateTimeOffset.UtcNow;

        Assert.True(await verifier.VerifyAsync(Headers(standIn.SignWebhook("r-1", body, now)), body, Cancel));
        Assert.False(await verifier.VerifyAsync(Headers(standIn.SignWebhook("r-1", body, now)), [.. body, (byte)' '], Cancel));
        Assert.False(await verifier.VerifyAsync(Headers(standIn.SignWebhook("r-1", body, now.AddMinutes(-6))), body, Cancel));
        var forged = standIn.SignWebhook("r-1", body, now);
        forged["X-Fal-Webhook-Request-Id"] = "r-other";
        Assert.False(await verifier.VerifyAsync(Headers(forged), body, Cancel));
        Assert.False(await verifier.VerifyAsync(new HeaderDictionary(), body, Cancel));
        Assert.Single(standIn.RequestsTo("/.well-known/jwks.json"));
    }

    private static HeaderDictionary Headers(Dictionary<string, string> values) =>
        new(values.ToDictionary(pair => pair.Key, pair => new Microsoft.Extensions.Primitives.StringValues(pair.Value), StringComparer.OrdinalIgnoreCase));
}
