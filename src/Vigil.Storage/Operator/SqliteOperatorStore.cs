using Microsoft.Data.Sqlite;
using Vigil.Core.Rules;

namespace Vigil.Storage.Operator;

/// <summary>What the operator told this instance, in the store's SQLite file, on its own connection (as the outbox).</summary>
public sealed class SqliteOperatorStore : IOperatorStore
{
    private readonly GatedConnection _db;
    private readonly TimeProvider _clock;

    private SqliteOperatorStore(SqliteConnection connection, TimeProvider clock)
    {
        _db = new GatedConnection(connection, "the store");
        _clock = clock;
    }

    public static SqliteOperatorStore Open(string path, TimeProvider? clock = null)
    {
        var connection = SqliteFile.Open(path, "PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000; " + SqliteOperatorSchema.Create, "store");
        try
        {
            SqliteOperatorSchema.AddHosts(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        return new(connection, clock ?? TimeProvider.System);
    }

    public Task<MaintenanceWindow> AddMaintenanceAsync(DateTime from, DateTime to, string? reason, string? host, CancellationToken cancellationToken) =>
        _db.RunAsync(cancellationToken, () =>
        {
            var id = (long)_db.Command(
                "INSERT INTO maintenance_windows (from_ms, to_ms, reason, added_ms, host) VALUES ($f, $t, $r, $a, $host) RETURNING id",
                ("$host", (object?)host ?? DBNull.Value),
                ("$f", UnixTime.ToMs(from)),
                ("$t", UnixTime.ToMs(to)),
                ("$r", (object?)reason ?? DBNull.Value),
                ("$a", UnixTime.ToMs(_clock.GetUtcNow().UtcDateTime))).ExecuteScalar()!;
            return new MaintenanceWindow(id, from, to, reason, host);
        });

    public Task<IReadOnlyList<MaintenanceWindow>> ListMaintenanceAsync(CancellationToken cancellationToken) =>
        _db.RunAsync<IReadOnlyList<MaintenanceWindow>>(cancellationToken, () =>
        {
            using var reader = _db.Command("SELECT id, from_ms, to_ms, reason, host FROM maintenance_windows ORDER BY from_ms, id").ExecuteReader();
            var windows = new List<MaintenanceWindow>();
            while (reader.Read())
            {
                windows.Add(new MaintenanceWindow(reader.GetInt64(0), UnixTime.FromMs(reader.GetInt64(1)), UnixTime.FromMs(reader.GetInt64(2)), reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
            }

            return windows;
        });

    public Task<bool> RemoveMaintenanceAsync(long id, CancellationToken cancellationToken) =>
        _db.RunAsync(cancellationToken, () => _db.Command("DELETE FROM maintenance_windows WHERE id = $id", ("$id", id)).ExecuteNonQuery() > 0);

    public Task<bool> AcceptAsync(string kind, CancellationToken cancellationToken) =>
        _db.RunAsync(cancellationToken, () => _db.Command(
            "INSERT OR IGNORE INTO accepted_kinds (kind, added_ms) VALUES ($k, $a)",
            ("$k", kind),
            ("$a", UnixTime.ToMs(_clock.GetUtcNow().UtcDateTime))).ExecuteNonQuery() > 0);

    public Task<bool> RemoveAcceptedAsync(string kind, CancellationToken cancellationToken) =>
        _db.RunAsync(cancellationToken, () => _db.Command("DELETE FROM accepted_kinds WHERE kind = $k", ("$k", kind)).ExecuteNonQuery() > 0);

    public Task<IReadOnlyList<AcceptedKind>> ListAcceptedAsync(CancellationToken cancellationToken) =>
        _db.RunAsync<IReadOnlyList<AcceptedKind>>(cancellationToken, () =>
        {
            using var reader = _db.Command("SELECT kind, added_ms FROM accepted_kinds ORDER BY kind").ExecuteReader();
            var kinds = new List<AcceptedKind>();
            while (reader.Read())
            {
                kinds.Add(new AcceptedKind(reader.GetString(0), UnixTime.FromMs(reader.GetInt64(1))));
            }

            return kinds;
        });

    // '' stands for "every host" so the (hour, host) key holds: SQLite lets NULLs repeat in a primary key.
    public Task AddFalseAlarmAsync(DateTime hour, string? host, string? note, CancellationToken cancellationToken) =>
        _db.RunAsync(cancellationToken, () => _db.Command(
            "INSERT OR REPLACE INTO false_alarms (hour_ms, host, note, added_ms) VALUES ($h, $host, $n, $a)",
            ("$h", UnixTime.ToMs(hour)),
            ("$host", host ?? string.Empty),
            ("$n", (object?)note ?? DBNull.Value),
            ("$a", UnixTime.ToMs(_clock.GetUtcNow().UtcDateTime))).ExecuteNonQuery());

    public Task<IReadOnlyList<FalseAlarm>> ListFalseAlarmsAsync(CancellationToken cancellationToken) =>
        _db.RunAsync<IReadOnlyList<FalseAlarm>>(cancellationToken, () =>
        {
            using var reader = _db.Command("SELECT hour_ms, note, added_ms, host FROM false_alarms ORDER BY hour_ms, host").ExecuteReader();
            var hours = new List<FalseAlarm>();
            while (reader.Read())
            {
                hours.Add(new FalseAlarm(UnixTime.FromMs(reader.GetInt64(0)), reader.IsDBNull(1) ? null : reader.GetString(1), UnixTime.FromMs(reader.GetInt64(2)), reader.GetString(3) is { Length: > 0 } host ? host : null));
            }

            return hours;
        });

    public void Dispose() => _db.Dispose();
}
