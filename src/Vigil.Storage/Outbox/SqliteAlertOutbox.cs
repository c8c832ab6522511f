using Microsoft.Data.Sqlite;

namespace Vigil.Storage.Outbox;

/// <summary>The outbox in the store's SQLite file, on its own connection so a sender can run beside (or after) detection.</summary>
public sealed class SqliteAlertOutbox : IAlertOutbox
{
    private readonly GatedConnection _db;
    private readonly TimeProvider _timeProvider;

    private SqliteAlertOutbox(SqliteConnection connection, TimeProvider timeProvider)
    {
        _db = new GatedConnection(connection, "the alert outbox");
        _timeProvider = timeProvider;
    }

    /// <summary>Opens the outbox in the store file at <paramref name="path"/>, creating the file and table when needed.</summary>
    public static SqliteAlertOutbox Open(string path, TimeProvider? timeProvider = null)
    {
        var connection = SqliteFile.Open(path, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000; " + SqliteOutboxSchema.Create, "alert outbox");
        return new SqliteAlertOutbox(connection, timeProvider ?? TimeProvider.System);
    }

    public Task<int> EnqueueAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken) =>
        _db.RunAsync(cancellationToken, () =>
        {
            using var transaction = _db.Connection.BeginTransaction();
            var added = OutboxRows.Insert(_db.Connection, transaction, entries, _timeProvider.GetUtcNow().UtcDateTime);
            transaction.Commit();
            return added;
        });

    public Task<IReadOnlyList<OutboxEntry>> GetDueAsync(DateTime now, int limit, CancellationToken cancellationToken) =>
        Query(
            $"""
            SELECT {OutboxRows.Columns} FROM alert_outbox
            WHERE status = 'pending' AND (next_attempt_ms IS NULL OR next_attempt_ms <= $now)
            ORDER BY id LIMIT $n
            """,
            cancellationToken,
            ("$now", UnixTime.ToMs(now)),
            ("$n", limit));

    public Task MarkSentAsync(long id, int attempts, DateTime sentAt, CancellationToken cancellationToken) =>
        Update(
            "UPDATE alert_outbox SET status = 'sent', attempts = $a, sent_ms = $t, next_attempt_ms = NULL WHERE id = $id",
            cancellationToken,
            ("$a", attempts),
            ("$t", UnixTime.ToMs(sentAt)),
            ("$id", id));

    public Task MarkRetryAsync(long id, int attempts, DateTime nextAttemptAt, string error, CancellationToken cancellationToken) =>
        Update(
            "UPDATE alert_outbox SET status = 'pending', attempts = $a, next_attempt_ms = $t, last_error = $e WHERE id = $id",
            cancellationToken,
            ("$a", attempts),
            ("$t", UnixTime.ToMs(nextAttemptAt)),
            ("$e", error),
            ("$id", id));

    public Task MarkFailedAsync(long id, int attempts, string error, CancellationToken cancellationToken) =>
        Update(
            "UPDATE alert_outbox SET status = 'failed', attempts = $a, next_attempt_ms = NULL, last_error = $e WHERE id = $id",
            cancellationToken,
            ("$a", attempts),
            ("$e", error),
            ("$id", id));

    public Task<OutboxStatus?> RequeueFailedAsync(long id, CancellationToken cancellationToken) =>
        _db.RunAsync<OutboxStatus?>(cancellationToken, () =>
        {
            // One transaction: a sender running beside cannot change the status between the check and the update.
            using var transaction = _db.Connection.BeginTransaction();
            using var read = _db.Command("SELECT status FROM alert_outbox WHERE id = $id", ("$id", id));
            read.Transaction = transaction;
            if (read.ExecuteScalar() is not string status)
            {
                return null;
            }

            var found = Enum.Parse<OutboxStatus>(status, ignoreCase: true);
            if (found == OutboxStatus.Failed)
            {
                using var update = _db.Command("UPDATE alert_outbox SET status = 'pending', attempts = 0, next_attempt_ms = NULL WHERE id = $id", ("$id", id));
                update.Transaction = transaction;
                update.ExecuteNonQuery();
            }

            transaction.Commit();
            return found;
        });

    public Task<IReadOnlyList<OutboxEntry>> ListAsync(OutboxStatus? status, int limit, CancellationToken cancellationToken) =>
        status is { } s
            ? Query($"SELECT {OutboxRows.Columns} FROM alert_outbox WHERE status = $s ORDER BY id DESC LIMIT $n", cancellationToken, ("$s", s.ToString().ToLowerInvariant()), ("$n", limit))
            : Query($"SELECT {OutboxRows.Columns} FROM alert_outbox ORDER BY id DESC LIMIT $n", cancellationToken, ("$n", limit));

    public async Task<OutboxIncident?> GetLatestIncidentAsync(string source, CancellationToken cancellationToken)
    {
        var latest = await Query(
            $"SELECT {OutboxRows.Columns} FROM alert_outbox WHERE source = $s ORDER BY id DESC LIMIT 1",
            cancellationToken,
            ("$s", source)).ConfigureAwait(false);
        return latest.Count == 0
            ? null
            : new OutboxIncident(latest[0].IncidentId, source, latest[0].FirstHour, latest[0].LastHour, latest[0].Kind == "resolved");
    }

    public void Dispose()
    {
        _db.Dispose();
    }

    private Task<IReadOnlyList<OutboxEntry>> Query(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters) =>
        _db.RunAsync<IReadOnlyList<OutboxEntry>>(cancellationToken, () =>
        {
            using var command = _db.Command(sql, parameters);
            using var reader = command.ExecuteReader();
            var entries = new List<OutboxEntry>();
            while (reader.Read())
            {
                entries.Add(OutboxRows.Read(reader));
            }

            return entries;
        });

    private Task Update(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters) =>
        _db.RunAsync(cancellationToken, () =>
        {
            using var command = _db.Command(sql, parameters);
            return command.ExecuteNonQuery();
        });


}
