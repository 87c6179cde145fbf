using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NetVips;
using TagMyStock.Core.Metadata;
using TagMyStock.Web.Features.Gallery;
using TagMyStock.Web.Features.Generation;
using TagMyStock.Web.Features.Generation.Fal;
using TagMyStock.Web.Features.Usage;

namespace TagMyStock.Web.Features.ImageEditing;

public sealed class FalEditTests
{
    private const string Sample = "dune-grass-by-the-sea.jpg";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(Databases))]
    public async Task An_upscale_sends_the_whole_image_and_stores_the_enlarged_result_linked_to_its_source_with_its_metadata(Database database)
    {
        await using var fal = await FalStandIn.StartAsync();
        await using var app = await TestApp.StartAsync(database, Generations.Settings(fal));
        var ada = await Users.SignUpAsync(app, "Ada");
        var original = Uploads.Sample(Sample);
        var sourceId = await Uploads.UploadOneAsync(ada, "dune-grass.jpg", original);
        await app.WithDbAsync(async db =>
        {
            var image = await db.Set<StockImage>().SingleAsync(i => i.Id == sourceId, Token);
            image.Title = "Dune grass by the sea";
            image.Keywords = ["dune", "grass", "sea"];
            return await db.SaveChangesAsync(Token);
        });
        var source = await Uploads.WaitForDerivativesAsync(app, sourceId);

        var finished = await ImageEdits.EditAsync(ada, sourceId, "upscale", new { });

        Assert.Equal(("succeeded", (string?)null), (finished.State, finished.Error));
        var submitted = fal.Submitted();
        Assert.Equal(2, (int?)submitted["scale"]);
        using (var sent = Image.NewFromBuffer(ImageEdits.DataUrlBytes(submitted["image_url"], "image/jpeg")))
        {
            Assert.Equal((1200, 750), (sent.Width, sent.Height));
        }

        var detail = finished.Detail<EditDetail>();
        Assert.Equal((sourceId, "Upscale", "dune-grass-upscaled.jpg"), (detail.SourceImageId, detail.Operation, detail.ResultFileName));
        var edited = await Images.GetAsync(app, detail.ResultImageId!.Value);
        Assert.Equal((sourceId, ImageFormats.Jpeg, 2400, 1500), (edited.SourceImageId, edited.Format, edited.Width, edited.Height));
        Assert.Equal("Upscaled 2× by ESRGAN 2x upscale", edited.EditDescription);
        Assert.Equal(("Dune grass by the sea", "dune, grass, sea", source.DigitalSourceType), (edited.Title, string.Join(", ", edited.Keywords), edited.DigitalSourceType));

        var unchanged = await Images.GetAsync(app, sourceId);
        Assert.Equal((source.ContentHash, source.Width, source.Height), (unchanged.ContentHash, unchanged.Width, unchanged.Height));
        Assert.Equal(original, await ada.GetByteArrayAsync($"/api/images/{sourceId}/original", Token));

        var usage = await app.WithDbAsync(db => db.Set<UsageRecord>().AsNoTracking().SingleAsync(record => record.JobId == finished.Id, Token));
        // 2400 × 1500 is 3.6 MP, counted as 4 at $0.002.
        Assert.Equal((EditImageJob.Kind, FalRequestRunner.Engine, "fal-ai/esrgan", 0.008m, UsageResult.Succeeded), (usage.Operation, usage.Engine, usage.Model, usage.ProviderCost, usage.Result));
    }

    [Fact]
    public async Task A_background_removal_makes_a_transparent_PNG_or_a_JPEG_on_pure_white()
    {
        await using var fal = await FalStandIn.StartAsync();
        await using var app = await TestApp.StartAsync(settings: Generations.Settings(fal, ("TagMyStock:Fal:Models:background:MaxInputMegapixels", "0.5")));
        var ada = await Users.SignUpAsync(app, "Ada");
        var sourceId = await Uploads.UploadOneAsync(ada, "dune-grass.jpg", Uploads.Sample(Sample));

        var transparent = await ImageEdits.EditAsync(ada, sourceId, "background", new { fill = "transparent" });
        var white = await ImageEdits.EditAsync(ada, sourceId, "background", new { fill = "white" });

        Assert.Equal(("succeeded", "succeeded"), (transparent.State, white.State));
        foreach (var request in fal.Server.Requests.Where(request => request.Method == "POST"))
        {
            using var sent = Image.NewFromBuffer(ImageEdits.DataUrlBytes(System.Text.Json.Nodes.JsonNode.Parse(request.Body)!["image_url"], "image/jpeg"));
            Assert.InRange((long)sent.Width * sent.Height, 400_000, 500_000);
            Assert.Equal(1200 / 750.0, sent.Width / (double)sent.Height, 0.01);
        }

        var cutout = await Images.GetAsync(app, transparent.Detail<EditDetail>().ResultImageId!.Value);
        Assert.Equal((ImageFormats.Png, "Background removed (transparent) by BEN v2 background removal"), (cutout.Format, cutout.EditDescription));
        using (var png = Image.NewFromBuffer(await ada.GetByteArrayAsync($"/api/images/{cutout.Id}/original", Token)))
        {
            Assert.True(png.HasAlpha());
            Assert.Equal(0, png[png.Bands - 1].Getpoint(2, png.Height / 2)[0]);
        }

        var onWhite = await Images.GetAsync(app, white.Detail<EditDetail>().ResultImageId!.Value);
        Assert.Equal((ImageFormats.Jpeg, "dune-grass-cutout.jpg"), (onWhite.Format, onWhite.FileName));
        using var jpeg = Image.NewFromBuffer(await ada.GetByteArrayAsync($"/api/images/{onWhite.Id}/original", Token));
        Assert.False(jpeg.HasAlpha());
        // The cut-away half is white, to the JPEG's rounding.
        using var cutAway = jpeg.ExtractArea(0, 0, jpeg.Width / 2 - 8, jpeg.Height);
        Assert.InRange(cutAway.Min(), 250, 255);
    }

    [Fact]
    public async Task An_instruction_edit_sends_the_image_downscaled_to_the_models_limit_and_marks_the_result_as_an_AI_composite()
    {
        await using var fal = await FalStandIn.StartAsync();
        await using var app = await TestApp.StartAsync(settings: Generations.Settings(fal, ("TagMyStock:Fal:Models:edit:MaxInputMegapixels", "0.25")));
        var ada = await Users.SignUpAsync(app, "Ada");
        var sourceId = await Uploads.UploadOneAsync(ada, "dune-grass.jpg", Uploads.Sample(Sample));

        var finished = await ImageEdits.EditAsync(ada, sourceId, "instruction", new { instruction = "remove the footprints" });

        Assert.Equal(("succeeded", (string?)null), (finished.State, finished.Error));
        var submitted = fal.Submitted();
        Assert.Equal("remove the footprints", (string?)submitted["prompt"]);
        using var sent = Image.NewFromBuffer(ImageEdits.DataUrlBytes(submitted["image_url"], "image/jpeg"));
        Assert.InRange((long)sent.Width * sent.Height, 240_000, 250_000);
        var edited = await Images.GetAsync(app, finished.Detail<EditDetail>().ResultImageId!.Value);
        Assert.Equal((sourceId, sent.Width, sent.Height), (edited.SourceImageId, edited.Width, edited.Height));
        Assert.Equal(DigitalSourceType.CompositeWithTrainedAlgorithmicMedia, edited.DigitalSourceType);
        Assert.True(edited.Flags.HasFlag(ContentFlags.AiGenerated));
        Assert.Equal("Edited by FLUX.1 Kontext dev (instruction edit): “remove the footprints”", edited.EditDescription);
    }

    [Fact]
    public async Task Inpainting_sends_a_one_band_black_and_white_mask_of_exactly_the_sent_images_size_and_keeps_an_AI_images_type()
    {
        await using var fal = await FalStandIn.StartAsync();
        await using var app = await TestApp.StartAsync(settings: Generations.Settings(fal, ("TagMyStock:Fal:Models:inpaint:MaxInputMegapixels", "0.3")));
        var ada = await Users.SignUpAsync(app, "Ada");
        var sourceId = await Uploads.UploadOneAsync(ada, "dune-grass.jpg", Uploads.Sample(Sample));
        await app.WithDbAsync(async db =>
        {
            var image = await db.Set<StockImage>().SingleAsync(i => i.Id == sourceId, Token);
            image.DigitalSourceType = DigitalSourceType.TrainedAlgorithmicMedia;
            return await db.SaveChangesAsync(Token);
        });

        var finished = await ImageEdits.EditAsync(ada, sourceId, "inpaint", new { prompt = "a plain blue sky", mask = "data:image/png;base64," + Convert.ToBase64String(PaintedMask()) });

        Assert.Equal(("succeeded", (string?)null), (finished.State, finished.Error));
        var submitted = fal.Submitted();
        using var sent = Image.NewFromBuffer(ImageEdits.DataUrlBytes(submitted["image_url"], "image/jpeg"));
        using var mask = Image.NewFromBuffer(ImageEdits.DataUrlBytes(submitted["mask_url"], "image/png"));
        Assert.Equal((sent.Width, sent.Height, 1), (mask.Width, mask.Height, mask.Bands));
        using var top = mask.ExtractArea(0, 0, mask.Width, mask.Height / 2 - 2);
        using var bottom = mask.ExtractArea(0, mask.Height / 2 + 2, mask.Width, mask.Height / 2 - 2);
        Assert.Equal((255.0, 255.0, 0.0, 0.0), (top.Min(), top.Max(), bottom.Min(), bottom.Max()));
        Assert.Equal("a plain blue sky", (string?)submitted["prompt"]);
        var edited = await Images.GetAsync(app, finished.Detail<EditDetail>().ResultImageId!.Value);
        Assert.Equal(DigitalSourceType.TrainedAlgorithmicMedia, edited.DigitalSourceType);
        Assert.Equal("Masked area repainted by FLUX.1 LoRA inpainting: “a plain blue sky”", edited.EditDescription);
    }

    [Fact]
    public async Task An_edit_waiting_in_FALs_queue_says_where_it_stands_and_is_followed_until_it_completes()
    {
        await using var fal = await FalStandIn.StartAsync();
        fal.QueuePolls = 5;
        fal.ProgressPolls = 3;
        await using var app = await TestApp.StartAsync(settings: Generations.Settings(fal));
        var ada = await Users.SignUpAsync(app, "Ada");
        var sourceId = await Uploads.UploadOneAsync(ada, "cup.jpg", Uploads.Sample("espresso-cup-on-wooden-table.jpg"));

        var finished = await ImageEdits.EditAsync(ada, sourceId, "upscale", new { model = "upscale" });

        Assert.Equal("succeeded", finished.State);
        Assert.Equal((1, 5 + 3 + 1), (fal.Submissions(), fal.StatusCalls()));
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<StockImage>().CountAsync(Token)));
    }

    [Fact]
    public async Task Without_a_FAL_key_AI_edits_answer_409_with_how_to_turn_them_on()
    {
        await using var app = await TestApp.StartAsync();
        var ada = await Users.SignUpAsync(app, "Ada");
        var sourceId = await Uploads.UploadOneAsync(ada, "cup.jpg", Uploads.Sample("espresso-cup-on-wooden-table.jpg"));

        foreach (var operation in new[] { "upscale", "background", "instruction", "inpaint" })
        {
            using var response = await ImageEdits.PostAsync(ada, sourceId, operation, new { });
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Contains(FalOptions.KeySetting, (await response.Content.ReadFromJsonAsync<ProblemDetails>(Token))!.Detail, StringComparison.Ordinal);
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Jobs.Job>().CountAsync(Token)));
    }

    [Fact]
    public async Task An_upscale_whose_result_would_be_larger_than_a_gallery_image_may_be_is_refused_before_anything_is_sent()
    {
        await using var fal = await FalStandIn.StartAsync();
        await using var app = await TestApp.StartAsync(settings: Generations.Settings(fal, ("TagMyStock:Upload:MaxPixels", "2000000")));
        var ada = await Users.SignUpAsync(app, "Ada");
        var sourceId = await Uploads.UploadOneAsync(ada, "dune-grass.jpg", Uploads.Sample(Sample));

        using var response = await ImageEdits.PostAsync(ada, sourceId, "upscale", new { });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(Token))!;
        Assert.Equal("Upscaling 2× would make 3.6 MP, more than the 2 MP a gallery image may have.", problem.Errors["model"].Single());
        Assert.Empty(fal.Server.Requests);
    }

    /// <summary>A small canvas, transparent but for its top half painted white, as the browser's mask painter makes it.</summary>
    private static byte[] PaintedMask()
    {
        using var coordinates = Image.Xyz(160, 100);
        using var y = coordinates[1];
        using var painted = y < 50;
        using var rgba = painted.Bandjoin(painted, painted, painted);
        using var srgb = rgba.Copy(interpretation: Enums.Interpretation.Srgb);
        return srgb.PngsaveBuffer();
    }
}
