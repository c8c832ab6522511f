using Vigil.Core.Rules;
using Vigil.Storage.Operator;

namespace Vigil.Storage.Postgres;

/// <summary>
/// What the operator told Vigil, in the shared PostgreSQL database: a window, an accepted kind or a false alarm set
/// through any instance is read by every instance's next detect run.
/// </summary>
public sealed class PostgresOperatorStore : IOperatorStore
{
    private readonly PostgresDatabase _db;
    private readonly TimeProvider _clock;

    private PostgresOperatorStore(PostgresDatabase db, TimeProvider clock)
    {
        _db = db;
        _clock = clock;
    }

    /// <summary>Opens the operator's tables of the store at <paramref name="connectionString"/>, migrating the schema like the store does.</summary>
    public static PostgresOperatorStore Open(string connectionString, TimeProvider? clock = null) =>
        new(PostgresDatabase.Open(connectionString), clock ?? TimeProvider.System);

    public async Task<MaintenanceWindow> AddMaintenanceAsync(DateTime from, DateTime to, string? reason, string? host, CancellationToken cancellationToken)
    {
        var id = (long)(await _db.ScalarAsync(
            "INSERT INTO maintenance_windows (from_time, to_time, reason, added, host) VALUES (@from, @to, @reason, @added, @host) RETURNING id",
            cancellationToken,
            ("from", PgTime.ToStored(from)),
            ("to", PgTime.ToStored(to)),
            ("reason", reason),
            ("added", Now()),
            ("host", host)).ConfigureAwait(false))!;
        return new MaintenanceWindow(id, from, to, reason, host);
    }

    public Task<IReadOnlyList<MaintenanceWindow>> ListMaintenanceAsync(CancellationToken cancellationToken) =>
        _db.QueryAsync(
            "SELECT id, from_time, to_time, reason, host FROM maintenance_windows ORDER BY from_time, id",
            r => new MaintenanceWindow(r.GetInt64(0), PgTime.FromStored(r.GetDateTime(1)), PgTime.FromStored(r.GetDateTime(2)), r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4)),
            cancellationToken);

    public async Task<bool> RemoveMaintenanceAsync(long id, CancellationToken cancellationToken) =>
        await _db.ExecuteAsync("DELETE FROM maintenance_windows WHERE id = @id", cancellationToken, ("id", id)).ConfigureAwait(false) > 0;

    public async Task<bool> AcceptAsync(string kind, CancellationToken cancellationToken) =>
        await _db.ExecuteAsync(
            "INSERT INTO accepted_kinds (kind, added) VALUES (@kind, @added) ON CONFLICT (kind) DO NOTHING",
            cancellationToken,
            ("kind", kind),
            ("added", Now())).ConfigureAwait(false) > 0;

    public async Task<bool> RemoveAcceptedAsync(string kind, CancellationToken cancellationToken) =>
        await _db.ExecuteAsync("DELETE FROM accepted_kinds WHERE kind = @kind", cancellationToken, ("kind", kind)).ConfigureAwait(false) > 0;

    // COLLATE "C": ordinal order, as SQLite's, whatever collation the operator's database was created with.
    public Task<IReadOnlyList<AcceptedKind>> ListAcceptedAsync(CancellationToken cancellationToken) =>
        _db.QueryAsync(
            "SELECT kind, added FROM accepted_kinds ORDER BY kind COLLATE \"C\"",
            r => new AcceptedKind(r.GetString(0), PgTime.FromStored(r.GetDateTime(1))),
            cancellationToken);

    // '' stands for "every host", as on SQLite, so the (hour, host) key holds.
    public Task AddFalseAlarmAsync(DateTime hour, string? host, string? note, CancellationToken cancellationToken) =>
        _db.ExecuteAsync(
            "INSERT INTO false_alarms (hour, host, note, added) VALUES (@hour, @host, @note, @added) ON CONFLICT (hour, host) DO UPDATE SET note = EXCLUDED.note, added = EXCLUDED.added",
            cancellationToken,
            ("hour", PgTime.ToStored(hour)),
            ("host", host ?? string.Empty),
            ("note", note),
            ("added", Now()));

    public Task<IReadOnlyList<FalseAlarm>> ListFalseAlarmsAsync(CancellationToken cancellationToken) =>
        _db.QueryAsync(
            "SELECT hour, note, added, host FROM false_alarms ORDER BY hour, host COLLATE \"C\"",
            r => new FalseAlarm(PgTime.FromStored(r.GetDateTime(0)), r.IsDBNull(1) ? null : r.GetString(1), PgTime.FromStored(r.GetDateTime(2)), r.GetString(3) is { Length: > 0 } host ? host : null),
            cancellationToken);

    public void Dispose() => _db.Dispose();

    private DateTime Now() => PgTime.ToStored(_clock.GetUtcNow().UtcDateTime);
}
