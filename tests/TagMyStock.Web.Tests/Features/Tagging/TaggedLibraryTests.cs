using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using TagMyStock.Core.Tagging;
using TagMyStock.Vision;
using TagMyStock.Web.Features.Gallery;

namespace TagMyStock.Web.Features.Tagging;

public sealed class TaggedLibraryTests
{
    private const string Ladybird = "ladybird-on-grass-stem-among-forget-me-nots.jpg";

    [Theory, ClassData(typeof(Databases))]
    public async Task An_accounts_own_similar_tagged_images_teach_it_and_another_accounts_never_do(Database database)
    {
        await using var app = await TestApp.StartAsync(database);
        var ada = await Contributor.SignUpAsync(app, "Ada");
        var bob = await Contributor.SignUpAsync(app, "Bob");
        var embedding = app.Services.GetRequiredService<LocalEngine>().Embed(Images.SamplePath(Ladybird)).ToBytes();

        // The same photo in both libraries, as similar to the image tagged as an image can be, tagged differently.
        await Images.AddAsync(app, ada.Id, Ladybird, Tagged(embedding, "ladybird", "forget-me-not"));
        await Images.AddAsync(app, bob.Id, Ladybird, Tagged(embedding, "mushroom", "autumn"));
        var adas = await Images.AddAsync(app, ada.Id, "IMG_0001.jpg", Uploads.Sample(Ladybird));
        var bobs = await Images.AddAsync(app, bob.Id, "IMG_0002.jpg", Uploads.Sample(Ladybird));

        var adaResult = await TagAsync(ada, adas);
        var bobResult = await TagAsync(bob, bobs);

        Assert.Contains("ladybird", adaResult.Metadata.Keywords);
        Assert.Contains(adaResult.Evidence, evidence => evidence.Term == "ladybird" && evidence.Sources.Contains(nameof(EvidenceSource.SimilarImages))
            && evidence.Reasons.Any(reason => reason.Contains(Ladybird, StringComparison.Ordinal)));
        Assert.DoesNotContain("mushroom", adaResult.Metadata.Keywords);
        Assert.DoesNotContain("autumn", adaResult.Metadata.Keywords);
        Assert.DoesNotContain(adaResult.Evidence, evidence => evidence.Term is "mushroom" or "autumn");

        // Bob's image teaches as well as Ada's does: only the account keeps it out of her results.
        Assert.Contains("mushroom", bobResult.Metadata.Keywords);
        Assert.DoesNotContain("forget-me-not", bobResult.Metadata.Keywords);
    }

    [Fact]
    public async Task An_image_tagged_once_teaches_its_keywords_and_title_to_the_next_image_of_its_series()
    {
        await using var app = await TestApp.StartAsync();
        var ada = await Contributor.SignUpAsync(app);
        var first = await Images.AddAsync(app, ada.Id, "IMG_0001.jpg", Uploads.Sample(Ladybird));
        var second = await Images.AddAsync(app, ada.Id, "IMG_0002.jpg", Uploads.ResizedCopy(Ladybird, 500, 80));

        var tagged = await TagAsync(ada, first, "ladybird beetle on a grass stem among forget-me-nots");
        // The contributor files the first shot under a category of their own (the engine chose Animals).
        Assert.Equal("1", tagged.Metadata.Categories["adobe"]);
        var filed = await ada.Client.PutAsJsonAsync(
            $"/api/images/{first}/metadata",
            new { version = tagged.Version, title = tagged.Metadata.Title, keywords = tagged.Metadata.Keywords, categories = new Dictionary<string, string> { ["adobe"] = "14", ["shutterstock"] = "Nature" } },
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, filed.StatusCode);
        var taught = await TagAsync(ada, second);

        Assert.Contains(taught.Evidence, evidence => evidence.Term == "beetle" && evidence.Sources.Contains(nameof(EvidenceSource.SimilarImages))
            && evidence.Reasons.Any(reason => reason.Contains("IMG_0001.jpg", StringComparison.Ordinal)));
        Assert.Equal("Ladybird beetle on a grass stem among forget-me-nots", taught.Metadata.Title);
        Assert.Contains(taught.Evidence, evidence => evidence.Term == EvidenceTerm.Title
            && evidence.Reasons.Any(reason => reason.StartsWith("title of IMG_0001.jpg, similarity ", StringComparison.Ordinal)));
        Assert.Equal("14", taught.Metadata.Categories["adobe"]);
        Assert.Equal("Nature", taught.Metadata.Categories["shutterstock"]);
        Assert.Contains(taught.Evidence, evidence => evidence.Term == EvidenceTerm.Of("adobe", "14")
            && evidence.Reasons.Any(reason => reason.StartsWith("Plants and Flowers, as IMG_0001.jpg (", StringComparison.Ordinal)));
    }

    private static Action<StockImage> Tagged(byte[] embedding, params string[] keywords) => image =>
    {
        image.Embedding = embedding;
        image.Keywords = [.. keywords];
        image.TaggedBy = "local";
    };

    private static async Task<TagResponse> TagAsync(Contributor contributor, Guid id, string? hint = null)
    {
        var response = await contributor.Client.PostAsJsonAsync($"/api/images/{id}/tag", new { hint }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TagResponse>(TestContext.Current.CancellationToken))!;
    }
}
