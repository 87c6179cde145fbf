using TagMyStock.Web.Features.Generation;
using TagMyStock.Web.Features.Generation.Fal;

namespace TagMyStock.Web.Features.ImageEditing;

public sealed class FalEditRestartTests
{
    [Fact]
    public async Task A_process_killed_while_FAL_edits_follows_the_same_request_after_a_restart_and_stores_the_result_once()
    {
        await using var fal = await FalStandIn.StartAsync();

        var outcome = await FalRestart.RunAsync(fal, async client =>
        {
            var sourceId = await Uploads.UploadOneAsync(client, "dune-grass.jpg", Uploads.Sample("dune-grass-by-the-sea.jpg"));
            return (await ImageEdits.StartAsync(client, sourceId, "upscale", new { })).Id;
        });

        Assert.Equal(1, fal.Downloads());
        Assert.Equal("dune-grass-upscaled.jpg", outcome.Finished.Detail<EditDetail>().ResultFileName);
        // The source and its one upscaled copy.
        Assert.Equal(2L, outcome.ImagesStored);
    }
}
