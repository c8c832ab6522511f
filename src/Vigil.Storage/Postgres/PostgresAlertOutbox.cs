using Vigil.Storage.Outbox;

namespace Vigil.Storage.Postgres;

/// <summary>
/// The alert outbox in the PostgreSQL store. Several instances may send from it at once: <see cref="GetDueAsync"/>
/// hands an entry to one of them only (it leases the entry for a minute with <c>FOR UPDATE SKIP LOCKED</c>), so an
/// alert is not sent twice by two senders, and an instance that dies mid-send leaves it due again a minute later.
/// </summary>
public sealed class PostgresAlertOutbox : IAlertOutbox
{
    private static readonly TimeSpan SendLease = TimeSpan.FromMinutes(1);

    private readonly PostgresDatabase _db;
    private readonly TimeProvider _clock;

    private PostgresAlertOutbox(PostgresDatabase db, TimeProvider clock)
    {
        _db = db;
        _clock = clock;
    }

    /// <summary>Opens the outbox of the store at <paramref name="connectionString"/>, migrating the schema like the store does.</summary>
    public static PostgresAlertOutbox Open(string connectionString, TimeProvider? clock = null) =>
        new(PostgresDatabase.Open(connectionString), clock ?? TimeProvider.System);

    /// <summary>All entries or none (one batch); an entry already stored adds no row, so the rows changed are the new entries.</summary>
    public Task<int> EnqueueAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        return _db.ExecuteBatchAsync(entries.Select(e => PostgresOutboxRows.Insert(e, now)), cancellationToken);
    }

    public Task<IReadOnlyList<OutboxEntry>> GetDueAsync(DateTime now, int limit, CancellationToken cancellationToken) =>
        Query(
            $"""
            WITH due AS (
                SELECT id FROM alert_outbox
                WHERE status = 'pending' AND (next_attempt IS NULL OR next_attempt <= @now)
                ORDER BY id LIMIT @limit FOR UPDATE SKIP LOCKED)
            UPDATE alert_outbox o SET next_attempt = @lease FROM due WHERE o.id = due.id
            RETURNING {Prefixed("o")}
            """,
            cancellationToken,
            ("now", PgTime.ToStored(now)),
            ("limit", limit),
            ("lease", PgTime.ToStored(now + SendLease)));

    public Task MarkSentAsync(long id, int attempts, DateTime sentAt, CancellationToken cancellationToken) =>
        Update(
            "UPDATE alert_outbox SET status = 'sent', attempts = @attempts, sent = @at, next_attempt = NULL WHERE id = @id",
            cancellationToken,
            ("attempts", attempts),
            ("at", PgTime.ToStored(sentAt)),
            ("id", id));

    public Task MarkRetryAsync(long id, int attempts, DateTime nextAttemptAt, string error, CancellationToken cancellationToken) =>
        Update(
            "UPDATE alert_outbox SET status = 'pending', attempts = @attempts, next_attempt = @at, last_error = @error WHERE id = @id",
            cancellationToken,
            ("attempts", attempts),
            ("at", PgTime.ToStored(nextAttemptAt)),
            ("error", error),
            ("id", id));

    public Task MarkFailedAsync(long id, int attempts, string error, CancellationToken cancellationToken) =>
        Update(
            "UPDATE alert_outbox SET status = 'failed', attempts = @attempts, next_attempt = NULL, last_error = @error WHERE id = @id",
            cancellationToken,
            ("attempts", attempts),
            ("error", error),
            ("id", id));

    // The old status and the change in one statement: a sender beside cannot slip in between.
    public async Task<OutboxStatus?> RequeueFailedAsync(long id, CancellationToken cancellationToken) =>
        await _db.ScalarAsync(
            """
            WITH old AS (SELECT id, status FROM alert_outbox WHERE id = @id FOR UPDATE),
            changed AS (UPDATE alert_outbox o SET status = 'pending', attempts = 0, next_attempt = NULL FROM old WHERE o.id = old.id AND old.status = 'failed')
            SELECT status FROM old
            """,
            cancellationToken,
            ("id", id)).ConfigureAwait(false) is string status
            ? Enum.Parse<OutboxStatus>(status, ignoreCase: true)
            : null;

    public Task<IReadOnlyList<OutboxEntry>> ListAsync(OutboxStatus? status, int limit, CancellationToken cancellationToken) =>
        status is { } s
            ? Query($"SELECT {PostgresOutboxRows.Columns} FROM alert_outbox WHERE status = @status ORDER BY id DESC LIMIT @limit", cancellationToken, ("status", s.ToString().ToLowerInvariant()), ("limit", limit))
            : Query($"SELECT {PostgresOutboxRows.Columns} FROM alert_outbox ORDER BY id DESC LIMIT @limit", cancellationToken, ("limit", limit));

    public async Task<OutboxIncident?> GetLatestIncidentAsync(string source, CancellationToken cancellationToken)
    {
        var latest = await Query(
            $"SELECT {PostgresOutboxRows.Columns} FROM alert_outbox WHERE source = @source ORDER BY id DESC LIMIT 1",
            cancellationToken,
            ("source", source)).ConfigureAwait(false);
        return latest.Count == 0
            ? null
            : new OutboxIncident(latest[0].IncidentId, source, latest[0].FirstHour, latest[0].LastHour, latest[0].Kind == "resolved");
    }

    public void Dispose() => _db.Dispose();

    private static string Prefixed(string alias) =>
        string.Join(", ", PostgresOutboxRows.Columns.Split(", ").Select(c => $"{alias}.{c}"));

    private Task<IReadOnlyList<OutboxEntry>> Query(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        _db.QueryAsync(sql, PostgresOutboxRows.Read, cancellationToken, parameters);

    private Task Update(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        _db.ExecuteAsync(sql, cancellationToken, parameters);
}
