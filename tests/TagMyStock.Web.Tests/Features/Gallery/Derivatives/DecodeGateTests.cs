using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TagMyStock.Web.Infrastructure.Storage;

namespace TagMyStock.Web.Features.Gallery.Derivatives;

/// <summary>Uploads and derivatives decode only with a slot of the gate, and wait for one rather than fail.</summary>
public sealed class DecodeGateTests
{
    private static readonly Dictionary<string, string?> OneDecodeAtATime = new() { [$"{GalleryOptions.Section}:ConcurrentDecodes"] = "1" };

    [Fact]
    public async Task An_upload_waits_for_a_free_slot_and_is_then_stored()
    {
        await using var app = await TestApp.StartAsync(settings: OneDecodeAtATime);
        var client = await Users.SignUpAsync(app);
        var gate = app.Services.GetRequiredService<DecodeGate>();

        Task<Guid> upload;
        using (await gate.EnterAsync(TestContext.Current.CancellationToken))
        {
            upload = Uploads.UploadOneAsync(client, "rocket.jpg", Uploads.Sample("rocket-on-launch-pad-at-dusk.jpg"));
            await WaitUntilWaitingAsync(gate);
            Assert.False(upload.IsCompleted);
        }

        var id = await upload;
        Assert.Equal(DerivativeState.Ready, (await Uploads.WaitForDerivativesAsync(app, id)).Derivatives);
    }

    [Fact]
    public async Task Derivatives_wait_for_a_free_slot_and_are_then_made()
    {
        await using var app = await TestApp.StartAsync(settings: OneDecodeAtATime);
        var email = $"ada-{Guid.NewGuid():N}@example.com";
        await Users.SignUpAsync(app.NewClient(), "Ada", email);
        var image = DerivativeTests.NewRow(await Images.AccountIdAsync(app, email), "espresso.jpg");
        await app.Services.GetRequiredService<IBlobStore>().PutAsync(
            image.OriginalKey, new MemoryStream(Uploads.Sample("espresso-cup-on-wooden-table.jpg")), "image/jpeg", TestContext.Current.CancellationToken);
        await app.WithDbAsync(async db =>
        {
            db.Set<StockImage>().Add(image);
            return await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        var gate = app.Services.GetRequiredService<DecodeGate>();

        using (await gate.EnterAsync(TestContext.Current.CancellationToken))
        {
            await app.Services.GetRequiredService<DerivativeQueue>().EnqueueAsync(image.Id, TestContext.Current.CancellationToken);
            await WaitUntilWaitingAsync(gate);
            Assert.Equal(DerivativeState.Pending, await app.WithDbAsync(db => db.Set<StockImage>().Where(i => i.Id == image.Id).Select(i => i.Derivatives).SingleAsync(TestContext.Current.CancellationToken)));
        }

        Assert.Equal(DerivativeState.Ready, (await Uploads.WaitForDerivativesAsync(app, image.Id)).Derivatives);
    }

    /// <summary>Polls until a decode waits at the gate; fails the test if none ever does.</summary>
    private static async Task WaitUntilWaitingAsync(DecodeGate gate)
    {
        for (var attempt = 0; gate.Waiting == 0; attempt++)
        {
            Assert.True(attempt < 1200, "No decode ever waited for the gate.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
