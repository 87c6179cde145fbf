using TagMyStock.Web.Features.Generation.Fal;

namespace TagMyStock.Web.Features.Generation;

public sealed class GenerationRestartTests
{
    [Fact]
    public async Task A_process_killed_while_FAL_works_follows_the_same_request_after_a_restart_and_stores_its_images_once()
    {
        await using var fal = await FalStandIn.StartAsync();

        var outcome = await FalRestart.RunAsync(fal, async client => (await Generations.StartAsync(client, Generations.Body(images: 2))).Id);

        Assert.Equal(2, fal.Downloads());
        Assert.Equal(2, outcome.Finished.Detail<GenerationDetail>().Images.Count);
        Assert.Equal(2L, outcome.ImagesStored);
    }
}
