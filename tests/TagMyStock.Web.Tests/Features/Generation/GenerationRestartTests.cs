using Microsoft.Data.Sqlite;
using TagMyStock.Web.Features.Generation.Fal;

namespace TagMyStock.Web.Features.Generation;

public sealed class GenerationRestartTests
{
    [Fact]
    public async Task A_process_killed_while_FAL_works_follows_the_same_request_after_a_restart_and_stores_its_images_once()
    {
        await using var fal = await FalStandIn.StartAsync();
        // Long enough in the queue that the first process is killed while the request waits there.
        fal.QueuePolls = 30;
        var data = Path.Combine(Path.GetTempPath(), "tagmystock-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        try
        {
            var settings = Generations.Settings(fal, ("TagMyStock:DataDirectory", data), ("TagMyStock:Fal:PollInterval", "00:00:00.100"));
            var address = AppProcess.FreeAddress();
            var email = $"ada-{Guid.NewGuid():N}@example.com";
            Guid job;
            await using (var first = await AppProcess.StartAsync(address, settings))
            {
                using var client = first.NewClient();
                Assert.Equal(System.Net.HttpStatusCode.Redirect, (await Users.SignUpAsync(client, "Ada", email)).StatusCode);
                job = (await Generations.StartAsync(client, Generations.Body(images: 2))).Id;
                // A status call comes only after the request id is saved.
                await fal.WaitForStatusCallsAsync(2);
                first.Kill();
            }

            var statusCallsBefore = fal.StatusCalls();
            await using var second = await AppProcess.StartAsync(address, settings);
            using var again = second.NewClient();
            Assert.Equal(System.Net.HttpStatusCode.Redirect, (await Users.SignInAsync(again, email)).StatusCode);
            var finished = await JobPolling.WaitUntilFinishedAsync(again, job);

            Assert.True(finished.State == "succeeded", $"{finished.State}: {finished.Error}\n{second.Output}");
            Assert.Equal(2, finished.Attempts);
            Assert.Equal(1, fal.Submissions());
            Assert.True(fal.StatusCalls() > statusCallsBefore, "The restarted app did not follow the request.");
            Assert.Equal(2, fal.Downloads());
            Assert.Equal(2, finished.Detail<GenerationDetail>().Images.Count);
            second.Kill();
            Assert.Equal(2L, await AppProcess.CountImagesAsync(data));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }
}
