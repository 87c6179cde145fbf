using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;

namespace TagMyStock.Web.Infrastructure.Storage;

/// <summary>
/// The s3rver that <c>scripts/test</c> starts (<c>scripts/start-s3</c>; its endpoint in
/// <c>TAGMYSTOCK_TEST_S3</c>). Each test makes a bucket of its own. Without the variable, S3 tests are
/// skipped, unless <c>TAGMYSTOCK_TEST_REQUIRE_S3=1</c> (set by the test script) makes that a failure.
/// </summary>
internal static class TestS3
{
    /// <summary>s3rver's built-in credentials.</summary>
    public const string AccessKey = "S3RVER";

    public const string Region = "us-east-1";

    public static Uri Endpoint
    {
        get
        {
            var endpoint = Environment.GetEnvironmentVariable("TAGMYSTOCK_TEST_S3");
            if (string.IsNullOrWhiteSpace(endpoint))
            {
                if (Environment.GetEnvironmentVariable("TAGMYSTOCK_TEST_REQUIRE_S3") == "1")
                {
                    throw new InvalidOperationException("TAGMYSTOCK_TEST_S3 is not set: run the tests through scripts/test, which starts s3rver.");
                }

                Assert.Skip("No S3 server: scripts/test starts one (or run scripts/start-s3 and set TAGMYSTOCK_TEST_S3).");
            }

            return new Uri(endpoint);
        }
    }

    /// <summary>
    /// Settings for path-style addressing at the server's own address, or virtual-hosted addressing at
    /// <c>s3.localhost</c>, which s3rver (started with <c>--service-endpoint localhost</c>) reads as
    /// <c>{bucket}.s3.localhost</c>. Such names do not resolve here, so clients connect through
    /// <see cref="LoopbackHandler"/>.
    /// </summary>
    public static S3StorageOptions Options(string bucket, bool pathStyle = true) => new()
    {
        ServiceUrl = pathStyle ? Endpoint.GetLeftPart(UriPartial.Authority) : $"http://s3.localhost:{Endpoint.Port}",
        Region = Region,
        Bucket = bucket,
        AccessKeyId = AccessKey,
        SecretAccessKey = AccessKey,
        ForcePathStyle = pathStyle,
    };

    public static string NewBucketName() => $"t-{Guid.NewGuid():N}";

    /// <summary>A client as the app builds it, connecting to the test server whatever the host name.</summary>
    public static AmazonS3Client Client(S3StorageOptions options)
    {
        var config = S3Clients.ConfigFor(options);
        config.HttpClientFactory = new LoopbackHttpClientFactory();
        return S3Clients.Create(options, config);
    }

    public static async Task CreateBucketAsync(IAmazonS3 client, string bucket) =>
        await client.PutBucketAsync(bucket, TestContext.Current.CancellationToken);

    /// <summary>Empties and removes a bucket, so that repeated runs do not fill the server's folder.</summary>
    public static async Task DeleteBucketAsync(IAmazonS3 client, string bucket)
    {
        var store = new S3BlobStore(client, bucket);
        await foreach (var key in store.ListAsync("", CancellationToken.None))
        {
            await store.DeleteAsync(key, CancellationToken.None);
        }

        await client.DeleteBucketAsync(bucket, CancellationToken.None);
    }

    /// <summary>An HTTP handler that sends every request to the test server, keeping the URL's host name.</summary>
    public static SocketsHttpHandler LoopbackHandler() => new()
    {
        ConnectCallback = async (_, cancellationToken) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(Endpoint.Host, Endpoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    private sealed class LoopbackHttpClientFactory : HttpClientFactory
    {
        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(LoopbackHandler());
    }
}
