using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TagMyStock.Core.Metadata;
using TagMyStock.Web.Features.Gallery;
using TagMyStock.Web.Features.Usage;

namespace TagMyStock.Web.Features.ImageEditing;

public sealed class TransformTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(Databases))]
    public async Task A_transform_makes_a_new_image_linked_to_its_source_with_its_metadata_and_leaves_the_source_as_it_was(Database database)
    {
        await using var app = await TestApp.StartAsync(database);
        var ada = await Users.SignUpAsync(app, "Ada");
        var original = Uploads.Sample("dune-grass-by-the-sea.jpg");
        var sourceId = await Uploads.UploadOneAsync(ada, "dune-grass.jpg", original);
        await app.WithDbAsync(async db =>
        {
            var image = await db.Set<StockImage>().SingleAsync(i => i.Id == sourceId, Token);
            image.Title = "Dune grass by the sea";
            image.Keywords = ["dune", "grass", "sea"];
            image.Flags = ContentFlags.PropertyReleaseNeeded;
            return await db.SaveChangesAsync(Token);
        });
        var source = await Uploads.WaitForDerivativesAsync(app, sourceId);

        var finished = await ImageEdits.EditAsync(ada, sourceId, "transform", new
        {
            rotate = 90,
            crop = new { left = 0.25, top = 0.0, width = 0.5, height = 1.0 },
            format = "png",
        });

        Assert.Equal(("succeeded", (string?)null), (finished.State, finished.Error));
        var detail = finished.Detail<EditDetail>();
        Assert.Equal((sourceId, "Crop, rotate 90°, convert to PNG", "dune-grass-edited.png"), (detail.SourceImageId, detail.Operation, detail.ResultFileName));
        var edited = await Images.GetAsync(app, detail.ResultImageId!.Value);
        Assert.Equal((sourceId, ImageFormats.Png, source.OwnerId), (edited.SourceImageId, edited.Format, edited.OwnerId));
        // The crop keeps the middle half of the width as the user sees the image; turned a quarter, that is the height.
        var kept = new CropBox(0.25, 0, 0.5, 1).InPixels(source.Width, source.Height);
        Assert.InRange(kept.Width, (source.Width / 2) - 1, (source.Width / 2) + 1);
        Assert.Equal((source.Height, kept.Width), (edited.Width, edited.Height));
        Assert.Equal($"Cropped to {kept.Width} × {source.Height}, rotated 90°, converted to PNG", edited.EditDescription);
        Assert.Equal(("Dune grass by the sea", "dune, grass, sea", ContentFlags.PropertyReleaseNeeded), (edited.Title, string.Join(", ", edited.Keywords), edited.Flags));

        var unchanged = await Images.GetAsync(app, sourceId);
        Assert.Equal((source.ContentHash, source.Width, source.Height, (Guid?)null), (unchanged.ContentHash, unchanged.Width, unchanged.Height, unchanged.SourceImageId));
        Assert.Equal(original, await ada.GetByteArrayAsync($"/api/images/{sourceId}/original", Token));

        var usage = await app.WithDbAsync(db => db.Set<UsageRecord>().AsNoTracking().SingleAsync(record => record.JobId == finished.Id, Token));
        Assert.Equal((EditImageJob.Kind, LocalTransformEditor.Engine, UsageResult.Succeeded, (decimal?)null), (usage.Operation, usage.Engine, usage.Result, usage.ProviderCost));
    }

    [Fact]
    public async Task A_transform_that_changes_nothing_or_leaves_the_image_is_refused_with_what_to_fix()
    {
        await using var app = await TestApp.StartAsync();
        var ada = await Users.SignUpAsync(app, "Ada");
        var sourceId = await Uploads.UploadOneAsync(ada, "cup.jpg", Uploads.Sample("espresso-cup-on-wooden-table.jpg"));

        var problems = new Dictionary<string, object>
        {
            ["transform"] = new { },
            ["rotate"] = new { rotate = 45 },
            ["crop"] = new { crop = new { left = 0.5, top = 0.0, width = 0.6, height = 1.0 } },
            ["longEdge"] = new { longEdge = 100_000 },
            ["format"] = new { format = "gif" },
            ["quality"] = new { format = "png", quality = 80 },
        };
        foreach (var (field, body) in problems)
        {
            using var response = await ImageEdits.PostAsync(ada, sourceId, "transform", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(Token);
            Assert.True(problem!.Errors.ContainsKey(field), $"{field}: {string.Join(", ", problem.Errors.Keys)}");
        }

        Assert.Equal(1, await app.WithDbAsync(db => db.Set<StockImage>().CountAsync(Token)));
    }

    [Fact]
    public async Task Another_accounts_image_cannot_be_edited_or_even_found()
    {
        await using var app = await TestApp.StartAsync();
        var ada = await Users.SignUpAsync(app, "Ada");
        var bob = await Users.SignUpAsync(app, "Bob");
        var sourceId = await Uploads.UploadOneAsync(ada, "cup.jpg", Uploads.Sample("espresso-cup-on-wooden-table.jpg"));

        using var response = await ImageEdits.PostAsync(bob, sourceId, "transform", new { rotate = 90 });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
