using Microsoft.Extensions.Logging.Abstractions;
using Vigil.Pipeline;
using Vigil.Pipeline.Errors;

namespace Vigil.Api.Jobs;

/// <summary>
/// Runs setup and detect one at a time, in the background, whoever asks (an API call or the scheduler): the store
/// and the model file are shared, and two runs at once would race on both. Keeps the last jobs for <c>GET /jobs/{id}</c>.
/// </summary>
internal sealed class JobCoordinator
{
    private const int JobsKept = 100;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Job> _jobs = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly TimeProvider _time;
    private readonly CancellationToken _stopping;
    private readonly ILogger _log;
    private Job? _running;

    public JobCoordinator(TimeProvider time, CancellationToken stopping, ILogger? log = null)
    {
        _time = time;
        _stopping = stopping;
        _log = log ?? NullLogger.Instance;
    }

    /// <summary>Starts <paramref name="work"/> unless a job is running; then returns false with that job in <paramref name="job"/>.</summary>
    public bool TryStart(string kind, Func<IProgress<PipelineProgress>, CancellationToken, Task<object?>> work, out Job job)
    {
        lock (_gate)
        {
            if (_running is { } running)
            {
                job = running;
                return false;
            }

            job = new Job(Guid.NewGuid().ToString("N"), kind, _time);
            _running = job;
            _jobs[job.Id] = job;
            _order.Enqueue(job.Id);
            while (_order.Count > JobsKept)
            {
                _jobs.Remove(_order.Dequeue());
            }
        }

        var started = job;
        _ = Task.Run(() => RunAsync(started, work), CancellationToken.None);
        return true;
    }

    /// <summary>
    /// <see cref="RunWhenFreeAsync"/> for the scheduler's jobs, which return nothing: the job's failure is rethrown to
    /// the caller (the scheduler logs it and tries again at its next tick).
    /// </summary>
    public async Task RunScheduledAsync(string kind, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        var job = await RunWhenFreeAsync(
            kind,
            async (_, ct) =>
            {
                await work(ct).ConfigureAwait(false);
                return null;
            },
            cancellationToken).ConfigureAwait(false);
        if (job.Failure is { } failure)
        {
            throw failure;
        }
    }

    /// <summary>Waits for any running job to end, then starts <paramref name="work"/> and waits for it (the scheduler's way in).</summary>
    public async Task<Job> RunWhenFreeAsync(string kind, Func<IProgress<PipelineProgress>, CancellationToken, Task<object?>> work, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TryStart(kind, work, out var job))
            {
                await job.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
                return job;
            }

            await job.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public Job? Find(string id)
    {
        lock (_gate)
        {
            return _jobs.GetValueOrDefault(id);
        }
    }

    public Job? Running
    {
        get
        {
            lock (_gate)
            {
                return _running;
            }
        }
    }

    private async Task RunAsync(Job job, Func<IProgress<PipelineProgress>, CancellationToken, Task<object?>> work)
    {
        object? result = null;
        Exception? failure = null;
        try
        {
            result = await work(job, _stopping).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            failure = ex;
            LogFailure(job, ex);
        }

        // Free the gate before anyone waiting on the job hears it ended, so their next run is not refused.
        lock (_gate)
        {
            _running = null;
        }

        if (failure is null)
        {
            job.Succeed(result);
        }
        else
        {
            job.Fail(failure);
        }
    }

    /// <summary>
    /// The API answers a failed job with one line; the server log gets the rest: the operator's line for errors they
    /// can fix, the whole exception for anything else (the API's "see the server log" points here).
    /// </summary>
    private void LogFailure(Job job, Exception failure)
    {
        if (failure is OperationCanceledException && _stopping.IsCancellationRequested)
        {
            _log.LogInformation("{Kind} job {Id} cancelled: the server is stopping", job.Kind, job.Id);
        }
        else if (OperatorFailures.Find(failure) is { } known)
        {
            _log.LogWarning("{Kind} job {Id} failed: {Reason}", job.Kind, job.Id, known.Message);
        }
        else
        {
            _log.LogError(failure, "{Kind} job {Id} failed with an internal error", job.Kind, job.Id);
        }
    }
}
