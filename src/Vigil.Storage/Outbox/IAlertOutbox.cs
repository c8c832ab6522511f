namespace Vigil.Storage.Outbox;

/// <summary>
/// Durable queue of alerts per channel, in the store's SQLite file. Detection enqueues with
/// <see cref="IEventStore.FinishRunAsync(long, RunOutcome, IReadOnlyList{Vigil.Core.Detection.HourDetection}, IReadOnlyList{OutboxEntry}, CancellationToken)"/>
/// so results and alerts commit together; a sender drains what is due, in any later process.
/// </summary>
public interface IAlertOutbox : IDisposable
{
    /// <summary>Adds entries outside a run; entries whose (channel, dedupe key) is already stored are ignored. Returns how many were new.</summary>
    Task<int> EnqueueAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken);

    /// <summary>Pending entries whose next attempt is due at <paramref name="now"/>, oldest first.</summary>
    Task<IReadOnlyList<OutboxEntry>> GetDueAsync(DateTime now, int limit, CancellationToken cancellationToken);

    Task MarkSentAsync(long id, int attempts, DateTime sentAt, CancellationToken cancellationToken);

    /// <summary>Keeps the entry pending, to be tried again at <paramref name="nextAttemptAt"/>.</summary>
    Task MarkRetryAsync(long id, int attempts, DateTime nextAttemptAt, string error, CancellationToken cancellationToken);

    /// <summary>Gives up on the entry (a permanent error, or too many attempts).</summary>
    Task MarkFailedAsync(long id, int attempts, string error, CancellationToken cancellationToken);

    /// <summary>
    /// Puts a failed entry back in the queue, due now with a fresh attempt budget. Returns the status the entry had
    /// (only a failed one is changed), or null when there is no entry with that id.
    /// </summary>
    Task<OutboxStatus?> RequeueFailedAsync(long id, CancellationToken cancellationToken);

    /// <summary>Entries newest first, optionally of one status.</summary>
    Task<IReadOnlyList<OutboxEntry>> ListAsync(OutboxStatus? status, int limit, CancellationToken cancellationToken);

    /// <summary>The incident most recently enqueued for the source, or null when none was.</summary>
    Task<OutboxIncident?> GetLatestIncidentAsync(string source, CancellationToken cancellationToken);
}
