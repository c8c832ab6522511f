using Npgsql;
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

    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresTarget _target;
    private readonly TimeProvider _clock;

    private PostgresAlertOutbox(NpgsqlDataSource dataSource, PostgresTarget target, TimeProvider clock)
    {
        _dataSource = dataSource;
        _target = target;
        _clock = clock;
    }

    /// <summary>Opens the outbox of the store at <paramref name="connectionString"/>, migrating the schema like the store does.</summary>
    public static PostgresAlertOutbox Open(string connectionString, TimeProvider? clock = null)
    {
        var target = PostgresTarget.Of(connectionString);
        var dataSource = PostgresConnections.Create(connectionString);
        try
        {
            PostgresMigrations.Apply(dataSource, connectionString, target);
            return new PostgresAlertOutbox(dataSource, target, clock ?? TimeProvider.System);
        }
        catch (Exception ex) when (PostgresFailures.Describe(ex, target) is { } failure)
        {
            dataSource.Dispose();
            throw failure;
        }
        catch
        {
            dataSource.Dispose();
            throw;
        }
    }

    public Task<int> EnqueueAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken) =>
        Guard(async () =>
        {
            if (entries.Count == 0)
            {
                return 0;
            }

            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var batch = new NpgsqlBatch(connection);
            var now = _clock.GetUtcNow().UtcDateTime;
            foreach (var entry in entries)
            {
                batch.BatchCommands.Add(PostgresOutboxRows.Insert(entry, now));
            }

            // A batch runs in one implicit transaction: all entries or none.
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            var added = 0;
            foreach (NpgsqlBatchCommand command in batch.BatchCommands)
            {
                added += (int)command.RecordsAffected;
            }

            return added;
        });

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

    public Task<OutboxStatus?> RequeueFailedAsync(long id, CancellationToken cancellationToken) =>
        Guard<OutboxStatus?>(async () =>
        {
            // The old status and the change in one statement: a sender beside cannot slip in between.
            await using var command = _dataSource.CreateCommand(
                """
                WITH old AS (SELECT id, status FROM alert_outbox WHERE id = @id FOR UPDATE),
                changed AS (UPDATE alert_outbox o SET status = 'pending', attempts = 0, next_attempt = NULL FROM old WHERE o.id = old.id AND old.status = 'failed')
                SELECT status FROM old
                """);
            command.Parameters.AddWithValue("id", id);
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string status
                ? Enum.Parse<OutboxStatus>(status, ignoreCase: true)
                : null;
        });

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

    public void Dispose() => _dataSource.Dispose();

    private static string Prefixed(string alias) =>
        string.Join(", ", PostgresOutboxRows.Columns.Split(", ").Select(c => $"{alias}.{c}"));

    private Task<IReadOnlyList<OutboxEntry>> Query(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters) =>
        Guard<IReadOnlyList<OutboxEntry>>(async () =>
        {
            await using var command = Command(sql, parameters);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var entries = new List<OutboxEntry>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                entries.Add(PostgresOutboxRows.Read(reader));
            }

            return entries;
        });

    private Task Update(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters) =>
        Guard(async () =>
        {
            await using var command = Command(sql, parameters);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        });

    private NpgsqlCommand Command(string sql, (string Name, object Value)[] parameters)
    {
        var command = _dataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    private async Task<T> Guard<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && PostgresFailures.Describe(ex, _target) is { } failure)
        {
            throw failure;
        }
    }
}
