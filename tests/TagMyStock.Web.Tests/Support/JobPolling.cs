using System.Net.Http.Json;
using System.Text.Json;
using TagMyStock.Web.Features.Jobs;

namespace TagMyStock.Web.Support;

public static class JobPolling
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Polls a job until it has finished; fails the test if it has not within three minutes, far beyond any job
    /// here even when many test apps share two busy cores, saying where Hangfire has the job and what was logged.
    /// </summary>
    public static async Task<JobResponse> WaitUntilFinishedAsync(HttpClient client, Guid jobId)
    {
        for (var attempt = 0; attempt < 3600; attempt++)
        {
            var job = (await client.GetFromJsonAsync<JobResponse>($"/api/jobs/{jobId}", TestContext.Current.CancellationToken))!;
            if (job.Finished)
            {
                return job;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        var last = (await client.GetFromJsonAsync<JobResponse>($"/api/jobs/{jobId}", TestContext.Current.CancellationToken))!;
        throw new TimeoutException($"Job {jobId} did not finish: {last.State}, attempt {last.Attempts}, {last.Percent} %, \"{last.Note}\"."
            + await JobDiagnostics.DescribeAsync(client, jobId));
    }

    /// <summary>POST /api/jobs/{id}/cancel, as the job panel's Cancel button does.</summary>
    public static Task<HttpResponseMessage> CancelAsync(HttpClient client, Guid jobId) =>
        Forms.SendApiAsync(client, HttpMethod.Post, $"/api/jobs/{jobId}/cancel");

    /// <summary>The job kind's own account of its progress.</summary>
    public static T Detail<T>(this JobResponse job) =>
        job.Detail is { } detail ? detail.Deserialize<T>(Json)! : throw new InvalidOperationException($"Job {job.Id} has no detail.");
}
