using Microsoft.Data.Sqlite;
using TagMyStock.Web.Features.Jobs;

namespace TagMyStock.Web.Features.Generation.Fal;

/// <summary>
/// What every job that pays FAL must survive: its real app process killed while FAL holds the request in its queue,
/// then started again on the same data. The job must follow the request it submitted, never submit another.
/// </summary>
internal static class FalRestart
{
    /// <summary>
    /// Signs up in a first process, starts the work with <paramref name="start"/> (which returns its job's id), kills the
    /// process once the request is being followed, restarts it, and waits for the job; checks that FAL saw one
    /// submission and that the second process followed it.
    /// </summary>
    public static async Task<FalRestartOutcome> RunAsync(FalStandIn fal, Func<HttpClient, Task<Guid>> start)
    {
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
                job = await start(client);
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
            second.Kill();
            return new FalRestartOutcome(finished, await AppProcess.CountImagesAsync(data));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }
}

/// <param name="ImagesStored">How many images the account has after the restart, originals and results alike.</param>
internal sealed record FalRestartOutcome(JobResponse Finished, long ImagesStored);
