using TagMyStock.Web.Features.Usage;

namespace TagMyStock.Web.Features.Jobs;

/// <summary>What a <see cref="ScriptedJob"/> does, chosen by each test.</summary>
public enum Script
{
    Succeed,
    FailPermanently,

    /// <summary>Fails transiently until its attempt reaches <see cref="ScriptedInput.Until"/>.</summary>
    FailTransientlyUntil,

    /// <summary>Reports progress until cancelled.</summary>
    RunUntilCancelled,

    /// <summary>Submits outside work once, checkpoints its request id, then waits; a later attempt follows that request.</summary>
    SubmitThenWait,
}

public sealed record ScriptedInput(Script Script, int Until = 0);

/// <summary>Shared by the test and every host it starts: what the outside world saw the jobs do.</summary>
public sealed class JobProbe
{
    private int _submissions;

    public int Submissions => _submissions;

    public TaskCompletionSource Submitted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string? FollowedRequestId { get; set; }

    public string Submit()
    {
        Interlocked.Increment(ref _submissions);
        return $"req-{Guid.NewGuid():N}";
    }
}

/// <summary>A job handler whose behaviour the test picks, to exercise the executor's rules.</summary>
public sealed class ScriptedJob(JobProbe probe) : IJobHandler
{
    public const string Kind = "scripted";

    public async Task RunAsync(JobContext job, CancellationToken cancellationToken)
    {
        var input = job.Input<ScriptedInput>();
        switch (input.Script)
        {
            case Script.Succeed:
                await job.ReportAsync(50, "Half way", new { step = 1 }, cancellationToken);
                job.RecordUsage(new UsageEntry("openrouter", "vision-model", Images: 2, PromptTokens: 900, CompletionTokens: 120, ProviderCost: 0.0021m));
                job.RecordUsage(new UsageEntry("openrouter", "vision-model", Images: 1, PromptTokens: 450, CompletionTokens: 60, ProviderCost: 0.0010m));
                break;
            case Script.FailPermanently:
                throw new JobFailedException("The model refused the image.", transient: false);
            case Script.FailTransientlyUntil when job.Attempt < input.Until:
                throw new JobFailedException("The service is busy.", transient: true, retryAfter: TimeSpan.FromMilliseconds(100));
            case Script.FailTransientlyUntil:
                break;
            case Script.RunUntilCancelled:
                for (var step = 0; ; step++)
                {
                    await job.ReportAsync(step % 100, "Working", null, cancellationToken);
                    await Task.Delay(50, cancellationToken);
                }

            case Script.SubmitThenWait:
                if (job.Checkpoint<SubmittedRequest>() is { } submitted)
                {
                    probe.FollowedRequestId = submitted.RequestId;
                    return;
                }

                await job.SaveCheckpointAsync(new SubmittedRequest(probe.Submit()), cancellationToken);
                probe.Submitted.TrySetResult();
                await Task.Delay(Timeout.Infinite, cancellationToken);
                break;
        }
    }

    private sealed record SubmittedRequest(string RequestId);
}
