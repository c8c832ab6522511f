using Npgsql;
using Vigil.Core.Detection;
using Vigil.Storage.Incidents;

namespace Vigil.Storage.Postgres;

/// <summary>
/// The incidents in the shared PostgreSQL database: whichever instance scored a scope's hour continues its incident,
/// and an acknowledgement made through any instance silences the updates of all of them.
/// </summary>
public sealed class PostgresIncidentStore : IIncidentStore
{
    private const string Columns =
        "id, source, first_hour, last_hour, resolved, severity, hours, summary, model_id, pages, opened, updated, resolved_at, acknowledged, acknowledged_note";

    // An acknowledgement made while the run planned stays (the planner read the row before it).
    private const string Upsert = $"""
        INSERT INTO incidents ({Columns})
        VALUES (@id, @source, @first, @last, @resolved, @severity, @hours, @summary, @model, @pages, @opened, @updated, @resolvedAt, @ack, @note)
        ON CONFLICT (id) DO UPDATE SET
            last_hour = EXCLUDED.last_hour, resolved = EXCLUDED.resolved, severity = EXCLUDED.severity, hours = EXCLUDED.hours,
            model_id = EXCLUDED.model_id, pages = EXCLUDED.pages, updated = EXCLUDED.updated, resolved_at = EXCLUDED.resolved_at,
            acknowledged = COALESCE(incidents.acknowledged, EXCLUDED.acknowledged),
            acknowledged_note = COALESCE(incidents.acknowledged_note, EXCLUDED.acknowledged_note)
        """;

    private readonly PostgresDatabase _db;
    private readonly TimeProvider _clock;

    private PostgresIncidentStore(PostgresDatabase db, TimeProvider clock)
    {
        _db = db;
        _clock = clock;
    }

    /// <summary>Opens the incidents of the store at <paramref name="connectionString"/>, migrating the schema like the store does.</summary>
    public static PostgresIncidentStore Open(string connectionString, TimeProvider? clock = null) =>
        new(PostgresDatabase.Open(connectionString), clock ?? TimeProvider.System);

    public Task SaveAsync(IReadOnlyList<IncidentRecord> incidents, CancellationToken cancellationToken) =>
        _db.ExecuteBatchAsync(incidents.Select(i => PostgresDatabase.BatchCommand(Upsert, Parameters(i))), cancellationToken);

    public async Task<IncidentRecord?> GetLatestAsync(string source, CancellationToken cancellationToken) =>
        (await _db.QueryAsync($"SELECT {Columns} FROM incidents WHERE source = @source ORDER BY last_hour DESC, opened DESC LIMIT 1", Read, cancellationToken, ("source", source)).ConfigureAwait(false))
        .FirstOrDefault();

    public Task<IReadOnlyList<IncidentRecord>> ListAsync(bool openOnly, int limit, CancellationToken cancellationToken) =>
        _db.QueryAsync(
            $"SELECT {Columns} FROM incidents {(openOnly ? "WHERE NOT resolved" : string.Empty)} ORDER BY last_hour DESC, opened DESC LIMIT @limit",
            Read,
            cancellationToken,
            ("limit", limit));

    public async Task<IncidentRecord?> GetAsync(string id, CancellationToken cancellationToken) =>
        (await _db.QueryAsync($"SELECT {Columns} FROM incidents WHERE id = @id", Read, cancellationToken, ("id", id)).ConfigureAwait(false)).FirstOrDefault();

    public async Task<IncidentRecord?> AcknowledgeAsync(string id, string? note, CancellationToken cancellationToken) =>
        (await _db.QueryAsync(
            $"""
            UPDATE incidents SET acknowledged = COALESCE(acknowledged, @at), acknowledged_note = COALESCE(acknowledged_note, @note)
            WHERE id = @id RETURNING {Columns}
            """,
            Read,
            cancellationToken,
            ("at", PgTime.ToStored(_clock.GetUtcNow().UtcDateTime)),
            ("note", note),
            ("id", id)).ConfigureAwait(false)).FirstOrDefault();

    public void Dispose() => _db.Dispose();

    private static (string Name, object? Value)[] Parameters(IncidentRecord i) =>
    [
        ("id", i.Id),
        ("source", i.Source),
        ("first", PgTime.ToStored(i.FirstHour)),
        ("last", PgTime.ToStored(i.LastHour)),
        ("resolved", i.Resolved),
        ("severity", (int)i.Severity),
        ("hours", i.Hours),
        ("summary", i.Summary),
        ("model", i.ModelId),
        ("pages", i.Pages),
        ("opened", PgTime.ToStored(i.OpenedAt)),
        ("updated", PgTime.ToStored(i.UpdatedAt)),
        ("resolvedAt", i.ResolvedAt is { } r ? PgTime.ToStored(r) : null),
        ("ack", i.AcknowledgedAt is { } a ? PgTime.ToStored(a) : null),
        ("note", i.AcknowledgedNote),
    ];

    private static IncidentRecord Read(NpgsqlDataReader r) =>
        new(r.GetString(0), r.GetString(1), At(r, 2)!.Value, At(r, 3)!.Value, r.GetBoolean(4))
        {
            Severity = (AnomalySeverity)r.GetInt32(5),
            Hours = r.GetInt32(6),
            Summary = r.IsDBNull(7) ? null : r.GetString(7),
            ModelId = r.IsDBNull(8) ? null : r.GetString(8),
            Pages = r.GetInt32(9),
            OpenedAt = At(r, 10)!.Value,
            UpdatedAt = At(r, 11)!.Value,
            ResolvedAt = At(r, 12),
            AcknowledgedAt = At(r, 13),
            AcknowledgedNote = r.IsDBNull(14) ? null : r.GetString(14),
        };

    private static DateTime? At(NpgsqlDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : PgTime.FromStored(r.GetDateTime(ordinal));
}
