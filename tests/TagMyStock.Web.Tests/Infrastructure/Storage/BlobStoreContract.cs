using System.Security.Cryptography;
using System.Text;

namespace TagMyStock.Web.Infrastructure.Storage;

/// <summary>
/// What every <see cref="IBlobStore"/> does alike; each store's test class runs all of it. They run
/// apart from other tests, since the large upload measures the process's allocations.
/// </summary>
[Collection(nameof(BlobStoreContract))]
public abstract class BlobStoreContract : IAsyncLifetime
{
    private IBlobStore? _store;

    protected IBlobStore Store => _store ?? throw new InvalidOperationException("The store is made before each test.");

    /// <summary>An empty store of the kind under test.</summary>
    protected abstract ValueTask<IBlobStore> CreateStoreAsync();

    public async ValueTask InitializeAsync() => _store = await CreateStoreAsync();

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_stored_blob_reads_back_byte_for_byte()
    {
        await PutTextAsync("accounts/a/images/1/original.jpg", "first");

        Assert.Equal("first", await ReadTextAsync("accounts/a/images/1/original.jpg"));
    }

    [Fact]
    public async Task A_put_replaces_the_blob_under_the_same_key()
    {
        await PutTextAsync("accounts/a/note.txt", "a longer first version");
        await PutTextAsync("accounts/a/note.txt", "second");

        Assert.Equal("second", await ReadTextAsync("accounts/a/note.txt"));
    }

    [Fact]
    public async Task Exists_tells_a_stored_blob_from_a_missing_one()
    {
        await PutTextAsync("accounts/a/here.txt", "x");

        Assert.True(await Store.ExistsAsync("accounts/a/here.txt", Token));
        Assert.False(await Store.ExistsAsync("accounts/a/missing.txt", Token));
        Assert.False(await Store.ExistsAsync("accounts/a/here", Token));
    }

    [Fact]
    public async Task Opening_a_missing_blob_gives_null()
    {
        Assert.Null(await Store.OpenReadAsync("accounts/a/missing.txt", Token));
    }

    [Fact]
    public async Task A_deleted_blob_is_gone_and_deleting_a_missing_one_is_fine()
    {
        await PutTextAsync("accounts/a/gone.txt", "x");

        await Store.DeleteAsync("accounts/a/gone.txt", Token);
        await Store.DeleteAsync("accounts/a/gone.txt", Token);
        await Store.DeleteAsync("accounts/b/never.txt", Token);

        Assert.False(await Store.ExistsAsync("accounts/a/gone.txt", Token));
        Assert.Null(await Store.OpenReadAsync("accounts/a/gone.txt", Token));
    }

    [Fact]
    public async Task Listing_gives_every_key_under_the_prefix_and_nothing_else()
    {
        string[] mine = ["accounts/a/1.jpg", "accounts/a/images/2/original.png", "accounts/a/images/2/thumbnail.jpg", "accounts/a/z.txt", "accounts/a/images/3/preview.jpg"];
        foreach (var key in mine.Concat(["accounts/ab/1.jpg", "accounts/b/1.jpg", "other.txt"]))
        {
            await PutTextAsync(key, key);
        }

        var listed = await Store.ListAsync("accounts/a/", Token).ToListAsync(Token);

        Assert.Equal(mine.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        Assert.Empty(await Store.ListAsync("accounts/c/", Token).ToListAsync(Token));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/accounts/a/1.jpg")]
    [InlineData("accounts//1.jpg")]
    [InlineData("accounts/a/../b/1.jpg")]
    [InlineData("./accounts/1.jpg")]
    [InlineData("accounts\\a\\1.jpg")]
    [InlineData("accounts/a/")]
    public async Task An_invalid_key_is_refused_by_every_operation(string key)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync(key, new MemoryStream([1]), "image/jpeg", Token));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.OpenReadAsync(key, Token));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ExistsAsync(key, Token));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.DeleteAsync(key, Token));
    }

    [Fact]
    public async Task A_60_MB_stream_of_unknown_length_is_stored_without_holding_it_in_memory()
    {
        const long size = 60L * 1024 * 1024;
        await using var upload = new GeneratedStream(size);

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        await Store.PutAsync("accounts/a/large.tif", upload, "image/tiff", Token);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        // A store that copied the upload into memory would allocate at least its size.
        Assert.True(allocated < size / 3, $"The put allocated {allocated / (1024 * 1024)} MiB for a {size / (1024 * 1024)} MiB upload.");
        await using var stored = await Store.OpenReadAsync("accounts/a/large.tif", Token);
        Assert.NotNull(stored);
        Assert.Equal(Convert.ToHexString(upload.Hash()), Convert.ToHexString(await SHA256.HashDataAsync(stored, Token)));
    }

    private Task PutTextAsync(string key, string text) =>
        Store.PutAsync(key, new MemoryStream(Encoding.UTF8.GetBytes(text)), "text/plain", Token);

    private async Task<string> ReadTextAsync(string key)
    {
        await using var stream = await Store.OpenReadAsync(key, Token);
        Assert.NotNull(stream);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync(Token);
    }
}

[CollectionDefinition(nameof(BlobStoreContract), DisableParallelization = true)]
public sealed class BlobStoreContractCollection;

public sealed class LocalBlobStoreTests : BlobStoreContract
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "tagmystock-tests", Guid.NewGuid().ToString("N"));

    protected override ValueTask<IBlobStore> CreateStoreAsync() => ValueTask.FromResult<IBlobStore>(new LocalBlobStore(_root));

    public override ValueTask DisposeAsync()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>The contract on s3rver with path-style addressing, listing two keys per request so that paging is exercised.</summary>
public sealed class S3BlobStorePathStyleTests() : S3BlobStoreTests(pathStyle: true);

/// <summary>The contract on s3rver with virtual-hosted addressing (<c>{bucket}.s3.localhost</c>).</summary>
public sealed class S3BlobStoreVirtualHostedTests() : S3BlobStoreTests(pathStyle: false);

public abstract class S3BlobStoreTests(bool pathStyle) : BlobStoreContract
{
    private readonly string _bucket = TestS3.NewBucketName();
    private Amazon.S3.AmazonS3Client? _client;

    protected override async ValueTask<IBlobStore> CreateStoreAsync()
    {
        _client = TestS3.Client(TestS3.Options(_bucket, pathStyle));
        await TestS3.CreateBucketAsync(_client, _bucket);
        return new S3BlobStore(_client, _bucket, pageSize: 2);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            await TestS3.DeleteBucketAsync(_client, _bucket);
            _client.Dispose();
        }
    }
}
