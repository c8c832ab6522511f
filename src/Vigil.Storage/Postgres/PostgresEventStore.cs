using System.Collections.Concurrent;
using Npgsql;
using NpgsqlTypes;
using Vigil.Core.Events;

namespace Vigil.Storage.Postgres;

/// <summary>
/// The store on PostgreSQL, for a fleet and for several Vigil instances sharing one database: pooled connections (no
/// gate: callers run at once), events in day partitions; ingest batches that arrive together are committed together
/// (<see cref="PostgresGroupCommit"/>), each with its checkpoint, stored events skipped.
/// </summary>
public sealed partial class PostgresEventStore : IEventStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresTarget _target;
    private readonly PostgresPartitions _partitions;
    private readonly PostgresGroupCommit _commits;
    private readonly ConcurrentDictionary<string, int> _sourceIds = new(StringComparer.Ordinal);

    private PostgresEventStore(NpgsqlDataSource dataSource, PostgresTarget target, PostgresPartitions partitions)
    {
        _dataSource = dataSource;
        _target = target;
        _partitions = partitions;
        _commits = new PostgresGroupCommit(new PostgresGroupWrite(dataSource));
    }

    /// <summary>postgresql://host:port/database: never the connection string, which may carry the password.</summary>
    public string Location => _target.Location;

    /// <summary>
    /// Connects, migrates the schema (refusing one newer than this build) and drops what retention no longer keeps.
    /// Every failure is one line naming host:port and what to check.
    /// </summary>
    /// <param name="retentionDays">Days of events kept (0 keeps everything).</param>
    public static PostgresEventStore Open(string connectionString, int retentionDays = 0, TimeProvider? clock = null) =>
        PostgresConnections.OpenMigrated(connectionString, (dataSource, target) =>
        {
            var partitions = new PostgresPartitions(dataSource, clock ?? TimeProvider.System, retentionDays);
            partitions.LoadAsync(CancellationToken.None).GetAwaiter().GetResult();
            partitions.DropExpiredAsync(CancellationToken.None).GetAwaiter().GetResult();
            return new PostgresEventStore(dataSource, target, partitions);
        });

    public Task<int> AddEventsAsync(string source, IReadOnlyList<LogEvent> events, string? checkpoint, CancellationToken cancellationToken) =>
        Guard(async () =>
        {
            var sourceId = await SourceIdAsync(source, cancellationToken).ConfigureAwait(false);
            await _partitions.EnsureAsync(events.Select(e => PgTime.ToStored(e.TimeCreated)), cancellationToken).ConfigureAwait(false);

            return await _commits.AddAsync(new PostgresPendingBatch(sourceId, events, checkpoint)).ConfigureAwait(false);
        });

    public Task<string?> GetCheckpointAsync(string source, CancellationToken cancellationToken) =>
        Guard(async () =>
        {
            await using var command = _dataSource.CreateCommand("SELECT checkpoint FROM sources WHERE name = @name");
            command.Parameters.AddWithValue("name", source);
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
        });

    /// <summary>Drops the day partitions older than <c>retention_days</c> now (also done on open and as each new day starts).</summary>
    public Task<int> ApplyRetentionAsync(CancellationToken cancellationToken) =>
        Guard(() => _partitions.DropExpiredAsync(cancellationToken));

    public void Dispose() => _dataSource.Dispose();

    private async Task<int> SourceIdAsync(string source, CancellationToken cancellationToken)
    {
        if (_sourceIds.TryGetValue(source, out var id))
        {
            return id;
        }

        // DO UPDATE (a no-op) so RETURNING names the row whether this call or an earlier one made it.
        await using var command = _dataSource.CreateCommand("INSERT INTO sources (name) VALUES (@name) ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id");
        command.Parameters.AddWithValue("name", source);
        id = (int)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        _sourceIds[source] = id;
        return id;
    }

    /// <summary>Runs a store operation with PostgreSQL's failures turned into the store's one-line errors.</summary>
    private Task<T> Guard<T>(Func<Task<T>> operation) => PostgresFailures.Guard(_target, operation);
}
