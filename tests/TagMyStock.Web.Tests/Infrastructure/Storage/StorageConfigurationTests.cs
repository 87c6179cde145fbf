using System.Net;
using Amazon.S3;
using Microsoft.Extensions.DependencyInjection;
using TagMyStock.Web.Infrastructure.Web;

namespace TagMyStock.Web.Infrastructure.Storage;

public sealed class StorageConfigurationTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static Dictionary<string, string?> S3Settings(S3StorageOptions s3) => new()
    {
        ["TagMyStock:Storage:Provider"] = "S3",
        ["TagMyStock:Storage:S3:ServiceUrl"] = s3.ServiceUrl,
        ["TagMyStock:Storage:S3:Region"] = s3.Region,
        ["TagMyStock:Storage:S3:Bucket"] = s3.Bucket,
        ["TagMyStock:Storage:S3:AccessKeyId"] = s3.AccessKeyId,
        ["TagMyStock:Storage:S3:SecretAccessKey"] = s3.SecretAccessKey,
        ["TagMyStock:Storage:S3:ForcePathStyle"] = s3.ForcePathStyle ? "true" : "false",
    };

    private static string ImageSources(HttpResponseMessage response)
    {
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        return policy.Split("; ").Single(directive => directive.StartsWith("img-src ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_app_on_S3_stores_in_the_bucket_links_to_it_and_allows_its_origin_for_images_only()
    {
        var s3 = TestS3.Options(TestS3.NewBucketName());
        using var client = TestS3.Client(s3);
        await TestS3.CreateBucketAsync(client, s3.Bucket!);
        try
        {
            await using var app = await TestApp.StartAsync(settings: S3Settings(s3));
            var store = app.Services.GetRequiredService<IBlobStore>();
            await store.PutAsync("accounts/a/1.txt", new MemoryStream("stored"u8.ToArray()), "text/plain", Token);
            var link = app.Services.GetRequiredService<IBlobLinks>().LinkTo("accounts/a/1.txt", "text/plain", TimeSpan.FromMinutes(5));
            using var browser = new HttpClient();

            var page = await app.NewClient().GetAsync("/", Token);
            var linked = await browser.GetStringAsync(link, Token);
            var localRoute = await app.NewClient().GetAsync("/blobs/accounts/a/1.txt", Token);

            Assert.IsType<S3BlobStore>(store);
            Assert.Equal("stored", linked);
            Assert.Equal(["accounts/a/1.txt"], await new S3BlobStore(client, s3.Bucket!).ListAsync("", Token).ToListAsync(Token));
            var origin = TestS3.Endpoint.GetLeftPart(UriPartial.Authority);
            Assert.Equal($"img-src 'self' data: blob: {origin}", ImageSources(page));
            Assert.Single(Assert.Single(page.Headers.GetValues("Content-Security-Policy")).Split("; "), directive => directive.Contains(origin, StringComparison.Ordinal));
            Assert.Equal(HttpStatusCode.NotFound, localRoute.StatusCode);
        }
        finally
        {
            await TestS3.DeleteBucketAsync(client, s3.Bucket!);
        }
    }

    [Fact]
    public async Task An_app_on_local_storage_allows_images_from_its_own_origin_only()
    {
        await using var app = await TestApp.StartAsync();

        var page = await app.NewClient().GetAsync("/", Token);

        Assert.IsType<LocalBlobStore>(app.Services.GetRequiredService<IBlobStore>());
        Assert.IsType<LocalBlobLinks>(app.Services.GetRequiredService<IBlobLinks>());
        Assert.Equal("img-src 'self' data: blob:", ImageSources(page));
    }

    [Theory]
    [InlineData("ServiceUrl", "https://s3.example.com:9000", true, "https://s3.example.com:9000")]
    [InlineData("ServiceUrl", "http://127.0.0.1:9000/", true, "http://127.0.0.1:9000")]
    [InlineData("ServiceUrl", "https://s3.example.com", false, "https://photos.s3.example.com")]
    [InlineData("Region", "eu-central-1", false, "https://photos.s3.eu-central-1.amazonaws.com")]
    public void The_allowed_origin_is_where_links_point(string setting, string value, bool pathStyle, string origin)
    {
        var options = new S3StorageOptions
        {
            ServiceUrl = setting == "ServiceUrl" ? value : null,
            Region = setting == "Region" ? value : "us-east-1",
            Bucket = "photos",
            AccessKeyId = "key",
            SecretAccessKey = "secret",
            ForcePathStyle = pathStyle,
        };
        using var client = S3Clients.Create(options, S3Clients.ConfigFor(options));

        var links = new S3BlobLinks(client, "photos", S3Clients.ProtocolOf(options), TimeProvider.System);

        Assert.Equal(origin, links.Origin());
        Assert.StartsWith($"{origin}/", links.LinkTo("accounts/a/1.jpg", "image/jpeg", TimeSpan.FromMinutes(1)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_policy_adds_image_sources_to_img_src_and_nowhere_else()
    {
        var policy = SecurityHeaders.ContentSecurityPolicy(["https://photos.s3.example.com"]);

        var directives = policy.Split("; ");
        Assert.Contains("img-src 'self' data: blob: https://photos.s3.example.com", directives);
        Assert.Single(directives, directive => directive.Contains("example.com", StringComparison.Ordinal));
        Assert.Contains("default-src 'self'", directives);
    }

    [Theory]
    [InlineData("TagMyStock:Storage:S3:Bucket", null, "TagMyStock:Storage:S3:Bucket is required when TagMyStock:Storage:Provider is S3.")]
    [InlineData("TagMyStock:Storage:S3:SecretAccessKey", "", "TagMyStock:Storage:S3:SecretAccessKey is required when TagMyStock:Storage:Provider is S3.")]
    [InlineData("TagMyStock:Storage:S3:Region", " ", "TagMyStock:Storage:S3:Region is required when TagMyStock:Storage:Provider is S3.")]
    [InlineData("TagMyStock:Storage:S3:ServiceUrl", "s3.example.com", "TagMyStock:Storage:S3:ServiceUrl must be an absolute http or https URL")]
    public async Task An_app_on_S3_does_not_start_without_a_setting_and_names_it(string key, string? value, string message)
    {
        var settings = S3Settings(new S3StorageOptions
        {
            ServiceUrl = "https://s3.example.com",
            Region = "us-east-1",
            Bucket = "photos",
            AccessKeyId = "key",
            SecretAccessKey = "secret",
        });
        settings[key] = value;

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => TestApp.StartAsync(settings: settings));

        Assert.Contains(message, failure.ToString(), StringComparison.Ordinal);
    }
}
