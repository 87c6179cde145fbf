using System.Net;
using Amazon.S3;

namespace TagMyStock.Web.Infrastructure.Storage;

/// <summary>
/// Presigned links made by <see cref="S3BlobLinks"/>, fetched from s3rver as a browser would. s3rver
/// checks a link's expiry but not its SigV4 signature, so a tampered link cannot be tested here.
/// </summary>
public sealed class S3BlobLinksTests : IAsyncLifetime
{
    private const string Key = "accounts/a/images/1/original.jpg";

    private static readonly byte[] Photo = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Samples", "dune-grass-by-the-sea.jpg"));

    private readonly string _bucket = TestS3.NewBucketName();
    private AmazonS3Client? _client;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private AmazonS3Client Client => _client ?? throw new InvalidOperationException("The bucket is made before each test.");

    public async ValueTask InitializeAsync()
    {
        _client = TestS3.Client(TestS3.Options(_bucket));
        await TestS3.CreateBucketAsync(_client, _bucket);
        await new S3BlobStore(_client, _bucket).PutAsync(Key, new MemoryStream(Photo), "application/octet-stream", Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            await TestS3.DeleteBucketAsync(_client, _bucket);
            _client.Dispose();
        }
    }

    private S3BlobLinks Links(bool pathStyle = true, TimeProvider? time = null)
    {
        var options = TestS3.Options(_bucket, pathStyle);
        return new S3BlobLinks(pathStyle ? Client : TestS3.Client(options), _bucket, S3Clients.ProtocolOf(options), time ?? TimeProvider.System);
    }

    [Fact]
    public async Task A_presigned_link_serves_the_object_inline_with_the_signed_headers()
    {
        var link = Links().LinkTo(Key, "image/jpeg", TimeSpan.FromMinutes(10));
        using var browser = new HttpClient();

        var response = await browser.GetAsync(link, Token);

        Assert.StartsWith($"{TestS3.Endpoint.GetLeftPart(UriPartial.Authority)}/{_bucket}/{Key}?", link, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Photo, await response.Content.ReadAsByteArrayAsync(Token));
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.True(response.Headers.CacheControl?.Private);
        Assert.Equal(TimeSpan.FromMinutes(10), response.Headers.CacheControl?.MaxAge);
    }

    [Fact]
    public async Task A_presigned_download_link_names_the_file_safely_as_an_attachment()
    {
        var link = Links().LinkTo(Key, "image/jpeg", TimeSpan.FromMinutes(10), "C:\\photos\\Dune \"grass\".jpg");
        using var browser = new HttpClient();

        var response = await browser.GetAsync(link, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("Dune _grass_.jpg", response.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Fact]
    public async Task A_virtual_hosted_link_names_the_bucket_in_the_host_and_serves_the_object()
    {
        var link = Links(pathStyle: false).LinkTo(Key, "image/jpeg", TimeSpan.FromMinutes(10));
        using var browser = new HttpClient(TestS3.LoopbackHandler());

        var response = await browser.GetAsync(link, Token);

        Assert.StartsWith($"http://{_bucket}.s3.localhost:{TestS3.Endpoint.Port}/{Key}?", link, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Photo, await response.Content.ReadAsByteArrayAsync(Token));
    }

    [Fact]
    public async Task An_expired_presigned_link_is_refused_by_the_server()
    {
        var link = Links(time: new ShiftedTime(TimeSpan.FromHours(-1))).LinkTo(Key, "image/jpeg", TimeSpan.FromMinutes(10));
        using var browser = new HttpClient();

        var response = await browser.GetAsync(link, Token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
