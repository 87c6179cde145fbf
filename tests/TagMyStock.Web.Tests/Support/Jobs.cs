using System.Net.Http.Json;
using TagMyStock.Web.Features.Tagging;

namespace TagMyStock.Web.Support;

public static class Jobs
{
    /// <summary>Polls a tagging job until it has finished; fails the test if it never does.</summary>
    public static async Task<JobResponse> WaitUntilFinishedAsync(HttpClient client, Guid jobId)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var job = (await client.GetFromJsonAsync<JobResponse>($"/api/jobs/{jobId}", TestContext.Current.CancellationToken))!;
            if (job.State == "finished")
            {
                return job;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"Job {jobId} did not finish.");
    }
}
