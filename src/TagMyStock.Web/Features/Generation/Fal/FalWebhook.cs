using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using TagMyStock.Web.Infrastructure.ExternalServices;

namespace TagMyStock.Web.Features.Generation.Fal;

/// <summary>
/// What FAL posts to a webhook when a request finishes. FAL retries a delivery up to 10 times over 2 hours,
/// so a handler must be idempotent on <see cref="RequestId"/>.
/// </summary>
/// <param name="Payload">The model's output when <see cref="Succeeded"/>; the error body otherwise; null when FAL could not serialise it.</param>
public sealed record FalWebhookNotice(string RequestId, string? GatewayRequestId, bool Succeeded, string? Error, JsonElement? Payload, string? PayloadError)
{
    /// <exception cref="ExternalServiceException">The request failed, or its output cannot be read.</exception>
    public FalResult ReadResult()
    {
        if (!Succeeded || Payload is not { ValueKind: JsonValueKind.Object } payload)
        {
            var detail = Error ?? PayloadError ?? "no output";
            var failure = Succeeded ? ExternalServiceFailure.MalformedResponse : ExternalServiceFailure.Failed;
            throw new ExternalServiceException(FalQueueClient.ServiceName, failure, ServiceCalls.Describe(FalQueueClient.ServiceName, failure, detail, FalOptions.KeySetting));
        }

        return FalOutput.Read(payload);
    }

    /// <exception cref="ExternalServiceException">The body is not a FAL webhook.</exception>
    public static FalWebhookNotice Parse(ReadOnlySpan<byte> body)
    {
        WebhookBody? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize(body, FalJson.Default.WebhookBody);
        }
        catch (JsonException exception)
        {
            throw Malformed(exception);
        }

        return parsed is { RequestId: { Length: > 0 } requestId, Status: "OK" or "ERROR" }
            ? new FalWebhookNotice(requestId, parsed.GatewayRequestId, parsed.Status == "OK", parsed.Error, parsed.Payload, parsed.PayloadError)
            : throw Malformed(null);
    }

    private static ExternalServiceException Malformed(Exception? inner) => new(
        FalQueueClient.ServiceName,
        ExternalServiceFailure.MalformedResponse,
        ServiceCalls.Describe(FalQueueClient.ServiceName, ExternalServiceFailure.MalformedResponse, "not a webhook notice", FalOptions.KeySetting),
        inner);
}

/// <summary>
/// Checks that a webhook came from FAL: an Ed25519 signature (hex, <c>X-Fal-Webhook-Signature</c>) over
/// <c>request_id \n user_id \n timestamp \n hex(sha256(body))</c>, by one of the keys FAL publishes as a JWKS,
/// with a timestamp no further than <see cref="FalOptions.WebhookTolerance"/> from our clock.
/// </summary>
public sealed class FalWebhookVerifier(IHttpClientFactory clients, IOptions<FalOptions> options, TimeProvider time)
{
    /// <summary>The named client that reads FAL's published keys.</summary>
    public const string KeysClient = "fal-webhook-keys";

    private static readonly TimeSpan KeysLifetime = TimeSpan.FromHours(1);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private (IReadOnlyList<Ed25519PublicKeyParameters> Keys, DateTimeOffset FetchedAt)? _keys;

    /// <summary>Whether the headers carry a valid, fresh signature of exactly this body.</summary>
    public async Task<bool> VerifyAsync(IHeaderDictionary headers, byte[] body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(body);
        var requestId = headers["X-Fal-Webhook-Request-Id"].ToString();
        var userId = headers["X-Fal-Webhook-User-Id"].ToString();
        var timestamp = headers["X-Fal-Webhook-Timestamp"].ToString();
        var signatureHex = headers["X-Fal-Webhook-Signature"].ToString();
        if (requestId.Length == 0 || userId.Length == 0 || signatureHex.Length == 0
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (age.Duration() > options.Value.WebhookTolerance)
        {
            return false;
        }

        byte[] signature;
        try
        {
            signature = Convert.FromHexString(signatureHex);
        }
        catch (FormatException)
        {
            return false;
        }

        var message = Encoding.UTF8.GetBytes($"{requestId}\n{userId}\n{timestamp}\n{Convert.ToHexStringLower(SHA256.HashData(body))}");
        var keys = await KeysAsync(cancellationToken);
        return keys.Any(key => Verifies(key, message, signature));
    }

    private static bool Verifies(Ed25519PublicKeyParameters key, byte[] message, byte[] signature)
    {
        var verifier = new Ed25519Signer();
        verifier.Init(forSigning: false, key);
        verifier.BlockUpdate(message, 0, message.Length);
        return verifier.VerifySignature(signature);
    }

    private async Task<IReadOnlyList<Ed25519PublicKeyParameters>> KeysAsync(CancellationToken cancellationToken)
    {
        if (_keys is { } cached && time.GetUtcNow() - cached.FetchedAt < KeysLifetime)
        {
            return cached.Keys;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (_keys is { } fresh && time.GetUtcNow() - fresh.FetchedAt < KeysLifetime)
            {
                return fresh.Keys;
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, options.Value.WebhookKeysUrl);
            using var response = await clients.CreateClient(KeysClient).SendAsync(request, FalQueueClient.ServiceName, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var failure = ServiceCalls.FailureFor(response.StatusCode);
                throw new ExternalServiceException(FalQueueClient.ServiceName, failure, ServiceCalls.Describe(FalQueueClient.ServiceName, failure, "the webhook keys could not be read", FalOptions.KeySetting));
            }

            JsonWebKeySet? set;
            try
            {
                set = JsonSerializer.Deserialize(await response.Content.ReadAsByteArrayAsync(cancellationToken), FalJson.Default.JsonWebKeySet);
            }
            catch (JsonException exception)
            {
                throw new ExternalServiceException(FalQueueClient.ServiceName, ExternalServiceFailure.MalformedResponse, ServiceCalls.Describe(FalQueueClient.ServiceName, ExternalServiceFailure.MalformedResponse, "the webhook keys are not a JWKS", FalOptions.KeySetting), exception);
            }

            var keys = (set?.Keys ?? [])
                .Where(key => key is { Kty: "OKP", Crv: "Ed25519", X: not null })
                .Select(key => Base64Url.DecodeFromChars(key.X))
                .Where(bytes => bytes.Length == Ed25519PublicKeyParameters.KeySize)
                .Select(bytes => new Ed25519PublicKeyParameters(bytes))
                .ToList();
            _keys = (keys, time.GetUtcNow());
            return keys;
        }
        finally
        {
            _refresh.Release();
        }
    }
}
