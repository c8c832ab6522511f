using Vigil.Core.Detection;
using Vigil.Core.Events;
using Vigil.Core.Windows;
using Vigil.Storage.Outbox;

namespace Vigil.Storage;

/// <summary>
/// Vigil's durable state: events (deduplicated on source + record key), per-source checkpoints, scored hours and runs.
/// Every write is one transaction: a crash leaves the previous state intact.
/// </summary>
public interface IEventStore : IDisposable
{
    /// <summary>The file behind the store, for status output.</summary>
    string Location { get; }

    /// <summary>
    /// Adds events of one source, ignoring those already stored, and (when given) moves the source's checkpoint
    /// in the same transaction. Returns how many events were new.
    /// </summary>
    Task<int> AddEventsAsync(string source, IReadOnlyList<LogEvent> events, string? checkpoint, CancellationToken cancellationToken);

    /// <summary>The checkpoint last committed with <see cref="AddEventsAsync"/>, or null.</summary>
    Task<string?> GetCheckpointAsync(string source, CancellationToken cancellationToken);

    /// <summary>The seed's hourly rows for the sources over the range, one per hour, empty hours included.</summary>
    Task<IReadOnlyList<HourlySummary>> GetHourlySummariesAsync(IReadOnlyCollection<string> sources, HourRange range, CancellationToken cancellationToken);

    /// <summary>The stored events of the sources in the range, in time order.</summary>
    IAsyncEnumerable<LogEvent> ReadEventsAsync(IReadOnlyCollection<string> sources, HourRange range, CancellationToken cancellationToken);

    /// <summary>The time of the newest stored event of the sources, or null when none is stored.</summary>
    Task<DateTime?> GetNewestEventTimeAsync(IReadOnlyCollection<string> sources, CancellationToken cancellationToken);

    /// <summary>Records the start of a setup or detect run; returns its id.</summary>
    Task<long> StartRunAsync(string kind, string source, HourRange range, CancellationToken cancellationToken);

    /// <summary>Records how a run ended, with the hours it scored (none for setup), in one transaction.</summary>
    Task FinishRunAsync(long runId, RunOutcome outcome, IReadOnlyList<HourDetection> hours, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="FinishRunAsync(long, RunOutcome, IReadOnlyList{HourDetection}, CancellationToken)"/>, and enqueues the run's
    /// alerts in the same transaction, so a crash can lose neither the verdicts nor the alerts they call for.
    /// </summary>
    Task FinishRunAsync(long runId, RunOutcome outcome, IReadOnlyList<HourDetection> hours, IReadOnlyList<OutboxEntry> alerts, CancellationToken cancellationToken);

    /// <summary>The newest runs first.</summary>
    Task<IReadOnlyList<RunRecord>> GetRunsAsync(int limit, CancellationToken cancellationToken);

    /// <summary>The last stored verdict of each hour in the range that was scored.</summary>
    Task<IReadOnlyList<HourDetection>> GetScoredHoursAsync(HourRange range, CancellationToken cancellationToken);

    /// <summary>Counts for status output.</summary>
    Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken);
}
