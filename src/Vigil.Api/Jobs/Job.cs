using Vigil.Pipeline;

namespace Vigil.Api.Jobs;

/// <summary>One setup or detect run started through the API or the scheduler, with its progress and outcome.</summary>
internal sealed class Job : IProgress<PipelineProgress>
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TimeProvider _time;
    private volatile JobSnapshot _snapshot;

    public Job(string id, string kind, TimeProvider time)
    {
        Id = id;
        Kind = kind;
        _time = time;
        _snapshot = new JobSnapshot(JobState.Running, "Starting", 0, time.GetUtcNow().UtcDateTime, null);
    }

    public string Id { get; }

    public string Kind { get; }

    public JobSnapshot Snapshot => _snapshot;

    /// <summary>The run's result (<see cref="SetupResult"/> or <see cref="DetectReport"/>) once it succeeded.</summary>
    public object? Result { get; private set; }

    public Exception? Failure { get; private set; }

    /// <summary>Completes when the job ends, whether it succeeded or failed; never faults.</summary>
    public Task Completion => _done.Task;

    public void Report(PipelineProgress value) =>
        _snapshot = _snapshot with { Step = value.Step, Fraction = value.Fraction };

    public void Succeed(object? result)
    {
        Result = result;
        _snapshot = _snapshot with { State = JobState.Succeeded, Fraction = 1, FinishedAt = _time.GetUtcNow().UtcDateTime };
        _done.TrySetResult();
    }

    public void Fail(Exception failure)
    {
        Failure = failure;
        _snapshot = _snapshot with { State = JobState.Failed, FinishedAt = _time.GetUtcNow().UtcDateTime };
        _done.TrySetResult();
    }
}
