using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetVips;
using TagMyStock.Core.Similarity;
using TagMyStock.Vision.Embeddings;
using TagMyStock.Web.Features.Gallery.Derivatives;
using TagMyStock.Web.Infrastructure.Storage;

namespace TagMyStock.Web.Features.Gallery;

public sealed class DerivativeTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Thumbnail_and_preview_are_made_in_the_background_and_served_to_the_owner(Database database)
    {
        await using var app = await TestApp.StartAsync(database);
        var client = await Users.SignUpAsync(app);
        var id = await Uploads.UploadOneAsync(client, "cat.png", Uploads.Sample("tabby-cat-with-green-eyes.png"));
        var large = await Uploads.UploadOneAsync(client, "big.jpg", Enlarged("ladybird-on-grass-stem-among-forget-me-nots.jpg", 2400));

        Assert.Equal(DerivativeState.Ready, (await Uploads.WaitForDerivativesAsync(app, id)).Derivatives);
        Assert.Equal(DerivativeState.Ready, (await Uploads.WaitForDerivativesAsync(app, large)).Derivatives);
        var thumbnail = await client.GetAsync(ImagesApi.ThumbnailUrl(id), TestContext.Current.CancellationToken);
        var largeThumbnail = Uploads.Decode(await client.GetByteArrayAsync(ImagesApi.ThumbnailUrl(large), TestContext.Current.CancellationToken));
        var largePreview = Uploads.Decode(await client.GetByteArrayAsync(ImagesApi.PreviewUrl(large), TestContext.Current.CancellationToken));
        var original = await client.GetAsync($"/api/images/{id}/original", TestContext.Current.CancellationToken);

        Assert.Equal("image/jpeg", thumbnail.Content.Headers.ContentType?.MediaType);
        var small = Uploads.Decode(await thumbnail.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal((451, 300, "jpegload_buffer"), (small.Width, small.Height, small.Loader));
        Assert.Equal((512, 320), (largeThumbnail.Width, largeThumbnail.Height));
        Assert.Equal((1600, 1000), (largePreview.Width, largePreview.Height));
        Assert.Equal("image/png", original.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Uploads.Sample("tabby-cat-with-green-eyes.png"), await original.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_exif_orientation_is_applied()
    {
        await using var app = await TestApp.StartAsync();
        var client = await Users.SignUpAsync(app);
        byte[] rotated;
        using (var landscape = Image.Black(800, 400).Mutate(image => image.Set(GValue.GIntType, "orientation", 6)))
        {
            rotated = landscape.JpegsaveBuffer();
        }

        var id = await Uploads.UploadOneAsync(client, "turned.jpg", rotated);
        await Uploads.WaitForDerivativesAsync(app, id);
        var thumbnail = Uploads.Decode(await client.GetByteArrayAsync(ImagesApi.ThumbnailUrl(id), TestContext.Current.CancellationToken));

        Assert.Equal((256, 512), (thumbnail.Width, thumbnail.Height));
    }

    [Fact]
    public async Task A_failure_is_recorded_with_its_reason_and_shown_in_the_gallery()
    {
        await using var app = await TestApp.StartAsync();
        var email = $"ada-{Guid.NewGuid():N}@example.com";
        var client = app.NewClient();
        await Users.SignUpAsync(client, "Ada", email);
        var owner = await Images.AccountIdAsync(app, email);
        var image = NewRow(owner, "broken.jpg");
        var blobs = app.Services.GetRequiredService<IBlobStore>();
        await blobs.PutAsync(image.OriginalKey, new MemoryStream([0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 1, 2, 3]), "image/jpeg", TestContext.Current.CancellationToken);
        await app.WithDbAsync(async db =>
        {
            db.Set<StockImage>().Add(image);
            return await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        await app.Services.GetRequiredService<DerivativeQueue>().EnqueueAsync(image.Id, TestContext.Current.CancellationToken);
        var failed = await Uploads.WaitForDerivativesAsync(app, image.Id);

        Assert.Equal(DerivativeState.Failed, failed.Derivatives);
        Assert.StartsWith("The thumbnail could not be made: ", failed.DerivativeError, StringComparison.Ordinal);
        var page = await client.GetStringAsync("/gallery", TestContext.Current.CancellationToken);
        Assert.Contains(WebUtility.HtmlEncode(failed.DerivativeError!), page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(ImagesApi.ThumbnailUrl(image.Id), TestContext.Current.CancellationToken)).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Pending_rows_are_taken_up_again_when_the_worker_starts(Database database)
    {
        await using var app = await TestApp.StartAsync(database);
        var email = $"ada-{Guid.NewGuid():N}@example.com";
        await Users.SignUpAsync(app.NewClient(), "Ada", email);
        var owner = await Images.AccountIdAsync(app, email);
        var image = NewRow(owner, "left-over.jpg");
        await app.Services.GetRequiredService<IBlobStore>().PutAsync(
            image.OriginalKey, new MemoryStream(Uploads.Sample("espresso-cup-on-wooden-table.jpg")), "image/jpeg", TestContext.Current.CancellationToken);
        await app.WithDbAsync(async db =>
        {
            db.Set<StockImage>().Add(image);
            return await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        // As after a restart: a worker starting finds the row pending, though nobody queued it.
        await WithRestartedWorkerAsync(app, async () =>
            Assert.Equal(DerivativeState.Ready, (await Uploads.WaitForDerivativesAsync(app, image.Id)).Derivatives));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_embedding_an_older_model_made_is_made_again_when_the_worker_starts(Database database)
    {
        await using var app = await TestApp.StartAsync(database);
        var client = await Users.SignUpAsync(app);
        var id = await Uploads.UploadOneAsync(client, "cup.jpg", Uploads.Sample("espresso-cup-on-wooden-table.jpg"));
        var made = await Uploads.WaitForDerivativesAsync(app, id);
        var current = ImageEmbedding.FromBytes(made.Embedding);
        Assert.Equal(ImageEmbedder.Model, made.EmbeddingModel);
        await EmbedWithTheFirstModelAsync(app, id);

        await WithRestartedWorkerAsync(app, async () =>
        {
            var refreshed = await WaitForEmbeddingModelAsync(app, id, ImageEmbedder.Model);

            Assert.Equal(1.0, ImageEmbedding.FromBytes(refreshed.Embedding).Similarity(current), 3);
        });
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_refreshed_embedding_is_saved_after_an_edit_made_meanwhile_and_keeps_the_edit(Database database)
    {
        var edit = new EditWhileSaving();
        await using var app = await TestApp.StartAsync(database, services: services => services.AddSingleton<ISaveChangesInterceptor>(edit));
        var client = await Users.SignUpAsync(app);
        var id = await Uploads.UploadOneAsync(client, "cup.jpg", Uploads.Sample("espresso-cup-on-wooden-table.jpg"));
        await Uploads.WaitForDerivativesAsync(app, id);
        await EmbedWithTheFirstModelAsync(app, id);
        // The user renames the image between the worker's read of the row and its save.
        edit.Arm(id, () => app.WithDbAsync(db => db.Set<StockImage>().Where(i => i.Id == id).ExecuteUpdateAsync(
            set => set.SetProperty(i => i.Title, "Renamed meanwhile").SetProperty(i => i.Version, i => i.Version + 1), TestContext.Current.CancellationToken)));

        await WithRestartedWorkerAsync(app, async () =>
        {
            var refreshed = await WaitForEmbeddingModelAsync(app, id, ImageEmbedder.Model);

            Assert.True(edit.Happened);
            Assert.Equal("Renamed meanwhile", refreshed.Title);
        });
    }

    [Fact]
    public async Task The_maker_never_enlarges_and_keeps_the_aspect_ratio()
    {
        var maker = new ThumbnailMaker();
        using var source = new MemoryStream(Uploads.Sample("rocket-on-launch-pad-at-dusk.jpg"));
        using var output = new MemoryStream();

        var made = await maker.MakeAsync(source, 1600, output, TestContext.Current.CancellationToken);

        Assert.Equal(new PixelSize(640, 427), made);
        var decoded = Uploads.Decode(output.ToArray());
        Assert.Equal((640, 427), (decoded.Width, decoded.Height));
    }

    [Fact]
    public async Task A_wide_gamut_photo_is_shown_in_srgb_through_its_embedded_profile()
    {
        // sRGB (230, 40, 30) written as Display P3 with the profile embedded: its stored values are about (211, 61, 46).
        using var red = Image.Black(800, 600).NewFromImage(230, 40, 30);
        using var p3 = red.IccTransform("p3", inputProfile: "srgb");
        using var source = new MemoryStream(p3.JpegsaveBuffer(q: 95));
        using var output = new MemoryStream();

        await new ThumbnailMaker().MakeAsync(source, ThumbnailMaker.ThumbnailSize, output, TestContext.Current.CancellationToken);

        using var thumbnail = Image.NewFromBuffer(output.ToArray());
        var centre = thumbnail.Getpoint(thumbnail.Width / 2, thumbnail.Height / 2);
        Assert.InRange(centre[0], 222, 238);
        Assert.InRange(centre[1], 32, 48);
        Assert.InRange(centre[2], 22, 38);
        Assert.False(thumbnail.Contains("icc-profile-data"));
    }

    /// <summary>As a database from before the model changed: the image's embedding made by the first model.</summary>
    private static Task<int> EmbedWithTheFirstModelAsync(TestApp app, Guid id)
    {
        var older = ImageEmbedding.FromCentredFeatures(1, [.. Enumerable.Range(0, ImageEmbedder.Dimensions).Select(i => (float)Math.Sin(i))]);
        return app.WithDbAsync(db => db.Set<StockImage>().Where(i => i.Id == id)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.Embedding, older.ToBytes()).SetProperty(i => i.EmbeddingModel, (byte?)1), TestContext.Current.CancellationToken));
    }

    /// <summary>Runs <paramref name="check"/> while a second worker runs, started as the app's would be after a restart.</summary>
    private static async Task WithRestartedWorkerAsync(TestApp app, Func<Task> check)
    {
        var restarted = ActivatorUtilities.CreateInstance<DerivativeWorker>(app.Services);
        await restarted.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            await check();
        }
        finally
        {
            await ((IHostedService)restarted).StopAsync(CancellationToken.None);
        }
    }

    private static async Task<StockImage> WaitForEmbeddingModelAsync(TestApp app, Guid imageId, byte model)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (true)
        {
            var image = await app.WithDbAsync(db => db.Set<StockImage>().AsNoTracking().SingleAsync(i => i.Id == imageId, timeout.Token));
            if (image.EmbeddingModel == model)
            {
                return image;
            }

            await Task.Delay(50, timeout.Token);
        }
    }

    internal static StockImage NewRow(Guid owner, string fileName, DateTime? uploadedAt = null)
    {
        var id = Guid.CreateVersion7();
        return new StockImage
        {
            Id = id,
            OwnerId = owner,
            FileName = fileName,
            Format = ImageFormats.Jpeg,
            ByteSize = 1000,
            Width = 100,
            Height = 100,
            OriginalKey = BlobKeys.Original(owner, id, ".jpg"),
            UploadedAt = uploadedAt ?? DateTime.UtcNow,
            UpdatedAt = uploadedAt ?? DateTime.UtcNow,
        };
    }

    private static byte[] Enlarged(string sample, int width)
    {
        using var image = Image.NewFromBuffer(Uploads.Sample(sample));
        using var larger = image.Resize(width / (double)image.Width);
        return larger.JpegsaveBuffer(q: 85);
    }
}

/// <summary>
/// Runs an edit of one image's row, once, just before a save that changes that image's embedding: the race in which
/// the save's view of the row is out of date.
/// </summary>
internal sealed class EditWhileSaving : SaveChangesInterceptor
{
    private Guid _imageId;
    private Func<Task<int>>? _edit;

    public bool Happened { get; private set; }

    public void Arm(Guid imageId, Func<Task<int>> edit)
    {
        _imageId = imageId;
        _edit = edit;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        var saving = eventData.Context?.ChangeTracker.Entries<StockImage>()
            .Any(entry => entry.Entity.Id == _imageId && entry.Property(image => image.EmbeddingModel).IsModified) ?? false;
        if (saving && Interlocked.Exchange(ref _edit, null) is { } edit)
        {
            Assert.Equal(1, await edit());
            Happened = true;
        }

        return result;
    }
}
