using Vigil.Pipeline.Scheduling;

namespace Vigil.Api.Jobs;

/// <summary>Scheduled retrains go through the same one-job-at-a-time gate as the API's runs and the hourly detection.</summary>
internal sealed class GatedRetrainTarget : IRetrainTarget
{
    public const string JobKind = "scheduled-retrain";

    private readonly IRetrainTarget _inner;
    private readonly JobCoordinator _jobs;

    public GatedRetrainTarget(IRetrainTarget inner, JobCoordinator jobs)
    {
        _inner = inner;
        _jobs = jobs;
    }

    public Task<DateTime?> GetTrainedAtAsync(CancellationToken cancellationToken) => _inner.GetTrainedAtAsync(cancellationToken);

    public Task RetrainAsync(CancellationToken cancellationToken) =>
        _jobs.RunScheduledAsync(JobKind, ct => _inner.RetrainAsync(ct), cancellationToken);
}
