using Vigil.Core.Detection;
using Vigil.Core.Events;
using Vigil.Core.Windows;
using Vigil.Storage.Outbox;

namespace Vigil.Storage;

/// <summary>
/// Vigil's durable state: events (deduplicated on source + record key), per-source checkpoints, verdicts per
/// (scope, hour, model id) and runs.
/// Engine-neutral on purpose (no SQL, no counting): the SQLite engine implements it today, a PostgreSQL one can later.
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

    /// <summary>
    /// The stored events of the sources in the range, in time order, streamed (a long range is never held whole).
    /// Hour windows are built from this alone: the store does no counting of its own.
    /// </summary>
    IAsyncEnumerable<LogEvent> ReadEventsAsync(IReadOnlyCollection<string> sources, HourRange range, CancellationToken cancellationToken);

    /// <summary>
    /// The first and last stored event of the sources dated no later than <paramref name="notAfter"/> (events dated
    /// beyond it, e.g. a typo'd year, never decide a range), or null when there is none.
    /// </summary>
    Task<EventSpan?> GetEventSpanAsync(IReadOnlyCollection<string> sources, DateTime notAfter, CancellationToken cancellationToken);

    /// <summary>Records the start of a setup or detect run; returns its id.</summary>
    Task<long> StartRunAsync(string kind, string source, HourRange range, CancellationToken cancellationToken);

    /// <summary>
    /// Records how a run ended, with the verdicts it stored (none for setup) and the alerts they call for, in one
    /// transaction: a crash can lose neither the verdicts nor their alerts. A verdict replaces the one of the same
    /// (scope, hour, model id); verdicts of other models on the same hour are kept (the audit trail: after a retrain,
    /// what the old model decided, with its score, threshold and reasons, is still there). The hour's current verdict
    /// becomes this run's.
    /// </summary>
    Task FinishRunAsync(long runId, RunOutcome outcome, RunVerdicts? verdicts, IReadOnlyList<OutboxEntry> alerts, CancellationToken cancellationToken);

    /// <summary>The newest runs first.</summary>
    Task<IReadOnlyList<RunRecord>> GetRunsAsync(int limit, CancellationToken cancellationToken);

    /// <summary>
    /// The current verdict of each hour of the range that a run scored for <paramref name="scope"/>: the one stored by
    /// the newest run that scored the hour. Hour order.
    /// </summary>
    Task<IReadOnlyList<StoredVerdict>> GetVerdictsAsync(string scope, HourRange range, CancellationToken cancellationToken);

    /// <summary>Every stored source, by name, with its event count and first/last event time (how a fleet enumerates its hosts).</summary>
    Task<IReadOnlyList<SourceSummary>> GetSourcesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Claims the scoring of one (scope, hour) for <paramref name="instance"/> until <paramref name="now"/> + <paramref name="lease"/>,
    /// so several instances on one store score each hour once. True when this instance holds the claim now: nobody held it,
    /// it already held it (the lease is renewed), or the holder's lease ran out (it died mid-run; nothing is lost). False
    /// when another instance holds a live lease, or the hour was completed (<see cref="CompleteClaimAsync"/>).
    /// </summary>
    Task<bool> TryClaimAsync(string scope, DateTime hour, string instance, DateTime now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Marks a claimed (scope, hour) as scored: no instance can claim it again. False when <paramref name="instance"/> does not hold it.</summary>
    Task<bool> CompleteClaimAsync(string scope, DateTime hour, string instance, CancellationToken cancellationToken);

    /// <summary>
    /// Every verdict kept for the hours of the range (one per model that scored an hour, each as it was stored), in hour
    /// order and, within an hour, oldest run first: the last of an hour is its current verdict.
    /// </summary>
    Task<IReadOnlyList<StoredVerdict>> GetVerdictHistoryAsync(string scope, HourRange range, CancellationToken cancellationToken);

    /// <summary>Counts for status output.</summary>
    Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken);
}
