using NetVips;
using TagMyStock.Core.Similarity;
using TagMyStock.Web.Features.Gallery.Upload;

namespace TagMyStock.Web.Features.Gallery.Derivatives;

public sealed class EmbeddingDuplicatesTests
{
    private const string Ladybird = "ladybird-on-grass-stem-among-forget-me-nots.jpg";

    [Theory, ClassData(typeof(Databases))]
    public async Task A_crop_the_perceptual_hash_misses_is_marked_by_its_embedding_and_shown_in_the_gallery(Database database)
    {
        await using var app = await TestApp.StartAsync(database);
        var client = await Users.SignUpAsync(app);
        var whole = Uploads.Sample(Ladybird);
        var crop = CentreCrop(whole, 0.75);
        Assert.True(
            PerceptualHash.Distance(PerceptualHash.Compute(new MemoryStream(whole)), PerceptualHash.Compute(new MemoryStream(crop))) > new UploadOptions().NearDuplicateMaxDistance,
            "the crop must be one the perceptual hash does not catch");

        var results = await Uploads.UploadAsync(client, ("ladybird.jpg", whole), ("ladybird-crop.jpg", crop), ("espresso.jpg", Uploads.Sample("espresso-cup-on-wooden-table.jpg")));
        Assert.All(results, result => Assert.Null(result.NearDuplicateOf));
        var (first, second, unrelated) = (results[0].ImageId!.Value, results[1].ImageId!.Value, results[2].ImageId!.Value);
        foreach (var id in new[] { first, second, unrelated })
        {
            await Uploads.WaitForDerivativesAsync(app, id);
        }

        var (wholeRow, cropRow, unrelatedRow) = (await Images.GetAsync(app, first), await Images.GetAsync(app, second), await Images.GetAsync(app, unrelated));
        Assert.All([wholeRow, cropRow, unrelatedRow], row => Assert.NotNull(row.Embedding));
        Assert.True(ImageEmbedding.FromBytes(wholeRow.Embedding!).Similarity(ImageEmbedding.FromBytes(cropRow.Embedding!)) >= NearDuplicates.DefaultThreshold);
        Assert.Null(wholeRow.NearDuplicateOf);
        Assert.Equal(first, cropRow.NearDuplicateOf);
        Assert.Null(unrelatedRow.NearDuplicateOf);

        var page = await client.GetStringAsync("/gallery?show=duplicates", TestContext.Current.CancellationToken);
        Assert.Contains("ladybird-crop.jpg", page, StringComparison.Ordinal);
        Assert.DoesNotContain("espresso.jpg", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_accounts_look_alike_is_no_near_duplicate()
    {
        await using var app = await TestApp.StartAsync();
        var ada = await Users.SignUpAsync(app, "Ada");
        var bob = await Users.SignUpAsync(app, "Bob");
        var adas = await Uploads.UploadOneAsync(ada, "ladybird.jpg", Uploads.Sample(Ladybird));
        await Uploads.WaitForDerivativesAsync(app, adas);

        var bobs = await Uploads.UploadOneAsync(bob, "ladybird-crop.jpg", CentreCrop(Uploads.Sample(Ladybird), 0.75));

        Assert.NotNull((await Uploads.WaitForDerivativesAsync(app, bobs)).Embedding);
        Assert.Null((await Images.GetAsync(app, bobs)).NearDuplicateOf);
    }

    private static byte[] CentreCrop(byte[] jpeg, double share)
    {
        using var image = Image.NewFromBuffer(jpeg);
        var (width, height) = ((int)(image.Width * share), (int)(image.Height * share));
        using var cropped = image.Crop((image.Width - width) / 2, (image.Height - height) / 2, width, height);
        return cropped.JpegsaveBuffer(q: 90);
    }
}
