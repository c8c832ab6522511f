using Vigil.Core.Windows;
using Vigil.Pipeline.Scheduling;

namespace Vigil.Api.Jobs;

/// <summary>The scheduler's runs go through the same gate as the API's: they wait for a running setup or detect, then run as a job.</summary>
internal sealed class GatedDetectionTarget : IHourlyDetectionTarget
{
    public const string JobKind = "scheduled-detect";

    private readonly IHourlyDetectionTarget _inner;
    private readonly JobCoordinator _jobs;

    public GatedDetectionTarget(IHourlyDetectionTarget inner, JobCoordinator jobs)
    {
        _inner = inner;
        _jobs = jobs;
    }

    public Task<DateTime?> GetLastScoredHourEndAsync(CancellationToken cancellationToken) => _inner.GetLastScoredHourEndAsync(cancellationToken);

    public Task ScoreAsync(HourRange hours, CancellationToken cancellationToken) =>
        _jobs.RunScheduledAsync(JobKind, ct => _inner.ScoreAsync(hours, ct), cancellationToken);
}
