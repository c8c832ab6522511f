using Microsoft.Data.Sqlite;

namespace Vigil.Storage.Incidents;

/// <summary>The incidents of this instance in the store's SQLite file, beside the operator's maintenance windows, on their own connection.</summary>
public sealed class SqliteIncidentStore : IIncidentStore
{
    private readonly GatedConnection _db;
    private readonly TimeProvider _clock;

    private SqliteIncidentStore(SqliteConnection connection, TimeProvider clock)
    {
        _db = new GatedConnection(connection, "the store");
        _clock = clock;
    }

    public static SqliteIncidentStore Open(string path, TimeProvider? clock = null) =>
        new(SqliteFile.Open(path, "PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000; " + IncidentRows.Create, "store"), clock ?? TimeProvider.System);

    public Task SaveAsync(IReadOnlyList<IncidentRecord> incidents, CancellationToken cancellationToken) =>
        _db.RunAsync(cancellationToken, () =>
        {
            using var transaction = _db.Connection.BeginTransaction();
            IncidentRows.Upsert(_db.Connection, transaction, incidents);
            transaction.Commit();
            return incidents.Count;
        });

    public async Task<IncidentRecord?> GetLatestAsync(string source, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {IncidentRows.Columns} FROM incidents WHERE source = $s ORDER BY last_hour_ms DESC, opened_ms DESC LIMIT 1", cancellationToken, ("$s", source)).ConfigureAwait(false))
        .FirstOrDefault();

    public Task<IReadOnlyList<IncidentRecord>> ListAsync(bool openOnly, int limit, CancellationToken cancellationToken) =>
        QueryAsync(
            $"SELECT {IncidentRows.Columns} FROM incidents {(openOnly ? "WHERE resolved = 0" : string.Empty)} ORDER BY last_hour_ms DESC, opened_ms DESC LIMIT $n",
            cancellationToken,
            ("$n", limit));

    public async Task<IncidentRecord?> GetAsync(string id, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {IncidentRows.Columns} FROM incidents WHERE id = $id", cancellationToken, ("$id", id)).ConfigureAwait(false)).FirstOrDefault();

    public async Task<IncidentRecord?> AcknowledgeAsync(string id, string? note, CancellationToken cancellationToken)
    {
        await _db.RunAsync(cancellationToken, () => _db.Command(
            "UPDATE incidents SET acknowledged_ms = COALESCE(acknowledged_ms, $t), acknowledged_note = COALESCE(acknowledged_note, $n) WHERE id = $id",
            ("$t", UnixTime.ToMs(_clock.GetUtcNow().UtcDateTime)),
            ("$n", (object?)note ?? DBNull.Value),
            ("$id", id)).ExecuteNonQuery()).ConfigureAwait(false);
        return await GetAsync(id, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _db.Dispose();

    private Task<IReadOnlyList<IncidentRecord>> QueryAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters) =>
        _db.RunAsync<IReadOnlyList<IncidentRecord>>(cancellationToken, () =>
        {
            using var command = _db.Command(sql, parameters);
            using var reader = command.ExecuteReader();
            var incidents = new List<IncidentRecord>();
            while (reader.Read())
            {
                incidents.Add(IncidentRows.Read(reader));
            }

            return incidents;
        });
}
