using Microsoft.Data.Sqlite;
using Vigil.Core.Detection;

namespace Vigil.Storage.Incidents;

/// <summary>The incidents table and how its rows are written and read.</summary>
internal static class IncidentRows
{
    public const string Columns =
        "id, source, first_hour_ms, last_hour_ms, resolved, severity, hours, summary, model_id, pages, opened_ms, updated_ms, resolved_ms, acknowledged_ms, acknowledged_note";

    public const string Create = """
        CREATE TABLE IF NOT EXISTS incidents (
            id TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            first_hour_ms INTEGER NOT NULL,
            last_hour_ms INTEGER NOT NULL,
            resolved INTEGER NOT NULL,
            severity INTEGER NOT NULL,
            hours INTEGER NOT NULL,
            summary TEXT,
            model_id TEXT,
            pages INTEGER NOT NULL,
            opened_ms INTEGER NOT NULL,
            updated_ms INTEGER NOT NULL,
            resolved_ms INTEGER,
            acknowledged_ms INTEGER,
            acknowledged_note TEXT);
        CREATE INDEX IF NOT EXISTS incidents_by_source ON incidents (source, last_hour_ms);
        """;

    /// <summary>Writes the incidents as planned; an acknowledgement made meanwhile is kept (the planner read the row before it).</summary>
    public static void Upsert(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<IncidentRecord> incidents)
    {
        foreach (var i in incidents)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"""
                INSERT INTO incidents ({Columns})
                VALUES ($id, $source, $first, $last, $resolved, $severity, $hours, $summary, $model, $pages, $opened, $updated, $resolvedAt, $ack, $note)
                ON CONFLICT (id) DO UPDATE SET
                    last_hour_ms = excluded.last_hour_ms, resolved = excluded.resolved, severity = excluded.severity, hours = excluded.hours,
                    model_id = excluded.model_id, pages = excluded.pages, updated_ms = excluded.updated_ms, resolved_ms = excluded.resolved_ms,
                    acknowledged_ms = COALESCE(incidents.acknowledged_ms, excluded.acknowledged_ms),
                    acknowledged_note = COALESCE(incidents.acknowledged_note, excluded.acknowledged_note)
                """;
            command.Parameters.AddWithValue("$id", i.Id);
            command.Parameters.AddWithValue("$source", i.Source);
            command.Parameters.AddWithValue("$first", UnixTime.ToMs(i.FirstHour));
            command.Parameters.AddWithValue("$last", UnixTime.ToMs(i.LastHour));
            command.Parameters.AddWithValue("$resolved", i.Resolved ? 1 : 0);
            command.Parameters.AddWithValue("$severity", (int)i.Severity);
            command.Parameters.AddWithValue("$hours", i.Hours);
            command.Parameters.AddWithValue("$summary", (object?)i.Summary ?? DBNull.Value);
            command.Parameters.AddWithValue("$model", (object?)i.ModelId ?? DBNull.Value);
            command.Parameters.AddWithValue("$pages", i.Pages);
            command.Parameters.AddWithValue("$opened", UnixTime.ToMs(i.OpenedAt));
            command.Parameters.AddWithValue("$updated", UnixTime.ToMs(i.UpdatedAt));
            command.Parameters.AddWithValue("$resolvedAt", i.ResolvedAt is { } r ? UnixTime.ToMs(r) : DBNull.Value);
            command.Parameters.AddWithValue("$ack", i.AcknowledgedAt is { } a ? UnixTime.ToMs(a) : DBNull.Value);
            command.Parameters.AddWithValue("$note", (object?)i.AcknowledgedNote ?? DBNull.Value);
            command.ExecuteNonQuery();
        }
    }

    public static IncidentRecord Read(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), UnixTime.FromMs(r.GetInt64(2)), UnixTime.FromMs(r.GetInt64(3)), r.GetInt64(4) == 1)
        {
            Severity = (AnomalySeverity)r.GetInt32(5),
            Hours = r.GetInt32(6),
            Summary = r.IsDBNull(7) ? null : r.GetString(7),
            ModelId = r.IsDBNull(8) ? null : r.GetString(8),
            Pages = r.GetInt32(9),
            OpenedAt = UnixTime.FromMs(r.GetInt64(10)),
            UpdatedAt = UnixTime.FromMs(r.GetInt64(11)),
            ResolvedAt = r.IsDBNull(12) ? null : UnixTime.FromMs(r.GetInt64(12)),
            AcknowledgedAt = r.IsDBNull(13) ? null : UnixTime.FromMs(r.GetInt64(13)),
            AcknowledgedNote = r.IsDBNull(14) ? null : r.GetString(14),
        };
}
