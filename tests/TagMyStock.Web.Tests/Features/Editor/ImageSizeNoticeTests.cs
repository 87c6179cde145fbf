using System.Net;
using NetVips;

namespace TagMyStock.Web.Features.Editor;

public sealed class ImageSizeNoticeTests
{
    private const string Storm = "storm-clouds-over-empty-highway.jpg";

    [Theory, ClassData(typeof(Databases))]
    public async Task A_small_upload_names_the_agencies_whose_minimum_it_misses_and_links_to_the_upscaler(Database database)
    {
        await using var app = await TestApp.StartAsync(database);
        var ada = await Contributor.SignUpAsync(app);
        var id = await Uploads.UploadOneAsync(ada.Client, Storm, Uploads.Sample(Storm));

        var page = WebUtility.HtmlDecode(await ada.Client.GetStringAsync($"/images/{id}", TestContext.Current.CancellationToken));

        // The default agencies, Adobe Stock and Shutterstock, both want 4 MP; the sample is 1200 × 800.
        Assert.Contains("<section class=\"size-notice\" aria-labelledby=\"size-notice-heading\">", page, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"size-notice-heading\">Too small for Adobe Stock and Shutterstock</h2>", page, StringComparison.Ordinal);
        Assert.Contains("0.9 MP (1200 × 800): under Adobe Stock's 4 MP minimum. Adobe Stock refuses upsampled files, so only a larger original will do.", page, StringComparison.Ordinal);
        Assert.Contains("0.9 MP (1200 × 800): under Shutterstock's 4 MP minimum. Upscaling 4× (4800 × 3200) reaches it.", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/images/{id}/tools#upscale\">Upscale this image</a>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_big_enough_for_every_chosen_agency_shows_no_notice()
    {
        await using var app = await TestApp.StartAsync();
        var ada = await Contributor.SignUpAsync(app);
        byte[] big;
        using (var sample = Image.NewFromBuffer(Uploads.Sample(Storm)))
        using (var enlarged = sample.Resize(2.5))
        {
            big = enlarged.JpegsaveBuffer();
        }

        var id = await Uploads.UploadOneAsync(ada.Client, "storm-3000x2000.jpg", big);
        var page = await ada.Client.GetStringAsync($"/images/{id}", TestContext.Current.CancellationToken);
        var image = await Images.GetAsync(app, id);

        Assert.Equal((3000, 2000), (image.Width, image.Height));
        Assert.Contains("Metadata of storm-3000x2000.jpg", page, StringComparison.Ordinal);
        Assert.DoesNotContain("size-notice", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Upscale this image", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_no_chosen_agency_takes_an_upscaled_copy_there_is_no_upscale_link()
    {
        await using var app = await TestApp.StartAsync();
        var ada = await Contributor.SignUpAsync(app);
        var chosen = await Forms.SubmitAsync(ada.Client, "/settings/agencies", "agencies", new Dictionary<string, string> { ["Chosen"] = "adobe" });
        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        var id = await Uploads.UploadOneAsync(ada.Client, Storm, Uploads.Sample(Storm));

        var page = WebUtility.HtmlDecode(await ada.Client.GetStringAsync($"/images/{id}", TestContext.Current.CancellationToken));

        Assert.Contains("Too small for Adobe Stock</h2>", page, StringComparison.Ordinal);
        Assert.Contains("Adobe Stock refuses upsampled files", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Shutterstock's", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Upscale this image", page, StringComparison.Ordinal);
    }
}
