using Microsoft.Data.Sqlite;
using Vigil.Core.Events;
using Vigil.Core.Windows;
using Vigil.Storage.Outbox;

namespace Vigil.Storage;

/// <summary>The default store: one SQLite file (WAL mode), one connection, every write in a transaction.</summary>
public sealed partial class SqliteEventStore : IEventStore
{
    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private readonly Dictionary<string, long> _sourceIds = new(StringComparer.Ordinal);

    private SqliteEventStore(string path, SqliteConnection connection)
    {
        Location = path;
        _connection = connection;
    }

    public string Location { get; }

    /// <summary>Opens (creating when needed) the store at <paramref name="path"/>; fails with one line when the file is not a Vigil store.</summary>
    public static SqliteEventStore Open(string path)
    {
        var connection = SqliteFile.Open(
            path,
            SqliteSchema.Create + SqliteOutboxSchema.Create + "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY; PRAGMA wal_autocheckpoint = 8192;",
            "store");
        try
        {
            var version = Scalar(connection, "SELECT value FROM meta WHERE key = 'schema_version'");
            if (version is null)
            {
                Execute(connection, $"INSERT INTO meta (key, value) VALUES ('schema_version', '{SqliteSchema.Version}')");
            }
            else if (version as string is "1" or "2")
            {
                // A version 2 store may predate the suppressed column its migration copies.
                SqliteColumnAdditions.Apply(connection);
                using var transaction = connection.BeginTransaction();
                using var migrate = connection.CreateCommand();
                migrate.Transaction = transaction;
                migrate.CommandText = version as string == "1" ? SqliteSchema.MigrateFrom1 : SqliteSchema.MigrateFrom2;
                migrate.ExecuteNonQuery();
                transaction.Commit();
            }
            else if (version as string != SqliteSchema.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                throw new StoreException($"{path}: store schema version {version} is not supported (this Vigil uses {SqliteSchema.Version}).");
            }

            SqliteColumnAdditions.Apply(connection);
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw StoreFailures.For(ex, $"the store {path}");
        }
        catch (StoreException)
        {
            connection.Dispose();
            throw;
        }

        return new SqliteEventStore(path, connection);
    }

    public async Task<string?> GetCheckpointAsync(string source, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return Scalar(_connection, "SELECT checkpoint FROM sources WHERE name = $n", ("$n", source)) as string;
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task<EventSpan?> GetEventSpanAsync(IReadOnlyCollection<string> sources, DateTime notAfter, CancellationToken cancellationToken) =>
        GetEventSpanAsync(sources, DateTime.MinValue, notAfter >= DateTime.MaxValue.AddMilliseconds(-1) ? DateTime.MaxValue : notAfter.AddMilliseconds(1), cancellationToken);

    public async Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            long Count(string table) => (long)Scalar(_connection, $"SELECT COUNT(*) FROM {table}")!;
            var size = new FileInfo(Location).Length + (File.Exists(Location + "-wal") ? new FileInfo(Location + "-wal").Length : 0);
            return new StoreStatistics(Count("events"), Count("sources"), Count("runs"), Count("hours"), size);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _connection.Dispose();
        _gate.Dispose();
    }

    /// <summary>The first and last stored event of the sources in [<paramref name="from"/>, <paramref name="before"/>).</summary>
    private async Task<EventSpan?> GetEventSpanAsync(IReadOnlyCollection<string> sources, DateTime from, DateTime before, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = $"""
                SELECT MIN(time_ms), MAX(time_ms) FROM events
                WHERE source_id IN (SELECT id FROM sources WHERE name IN ({InList(command, sources)}))
                  AND time_ms >= $from AND time_ms < $before
                """;
            command.Parameters.AddWithValue("$from", UnixTime.ToMs(from));
            command.Parameters.AddWithValue("$before", UnixTime.ToMs(before));
            using var reader = command.ExecuteReader();
            return reader.Read() && !reader.IsDBNull(0) ? new EventSpan(UnixTime.FromMs(reader.GetInt64(0)), UnixTime.FromMs(reader.GetInt64(1))) : null;
        }
        finally
        {
            _gate.Release();
        }
    }

    private long SourceId(string source, SqliteTransaction transaction)
    {
        if (_sourceIds.TryGetValue(source, out var id))
        {
            return id;
        }

        Execute(transaction, "INSERT OR IGNORE INTO sources (name) VALUES ($n)", ("$n", source));
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT id FROM sources WHERE name = $n";
        command.Parameters.AddWithValue("$n", source);
        id = (long)command.ExecuteScalar()!;
        _sourceIds[source] = id;
        return id;
    }

    private static string InList(SqliteCommand command, IReadOnlyCollection<string> values)
    {
        var names = new List<string>();
        foreach (var value in values)
        {
            var name = "$in" + names.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            command.Parameters.AddWithValue(name, value);
            names.Add(name);
        }

        return names.Count == 0 ? "NULL" : string.Join(", ", names);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private void Execute(SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var result = command.ExecuteScalar();
        return result is DBNull ? null : result;
    }
}
