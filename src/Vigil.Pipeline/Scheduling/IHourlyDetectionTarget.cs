using Vigil.Core.Windows;

namespace Vigil.Pipeline.Scheduling;

/// <summary>
/// What <see cref="HourlyDetectionScheduler"/> drives: something that knows which hours are already scored and can
/// score a run of whole hours. <c>vigil serve</c> routes it through its one-job-at-a-time gate; <c>vigil watch</c>
/// can hand over <see cref="StoreDetectionTarget"/> as it is.
/// </summary>
public interface IHourlyDetectionTarget
{
    /// <summary>The end of the newest hour a detection already scored, or null when none was.</summary>
    Task<DateTime?> GetLastScoredHourEndAsync(CancellationToken cancellationToken);

    /// <summary>Scores every hour of <paramref name="hours"/> and records the run; throws when the run failed.</summary>
    Task ScoreAsync(HourRange hours, CancellationToken cancellationToken);
}
