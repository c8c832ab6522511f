using Microsoft.Data.Sqlite;

namespace Vigil.Storage.Outbox;

/// <summary>Reads and writes outbox rows inside a caller's transaction, shared by the event store and the outbox.</summary>
internal static class OutboxRows
{
    public const string Columns =
        "id, channel, source, incident_id, kind, first_hour_ms, last_hour_ms, payload, status, attempts, created_ms, next_attempt_ms, sent_ms, last_error";

    public static int Insert(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<OutboxEntry> entries, DateTime now)
    {
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT OR IGNORE INTO alert_outbox
                (channel, source, incident_id, kind, first_hour_ms, last_hour_ms, dedupe_key, payload, status, created_ms)
            VALUES ($c, $s, $i, $k, $f, $l, $d, $p, 'pending', $t)
            """;
        var added = 0;
        foreach (var entry in entries)
        {
            insert.Parameters.Clear();
            insert.Parameters.AddWithValue("$c", entry.Channel);
            insert.Parameters.AddWithValue("$s", entry.Source);
            insert.Parameters.AddWithValue("$i", entry.IncidentId);
            insert.Parameters.AddWithValue("$k", entry.Kind);
            insert.Parameters.AddWithValue("$f", UnixTime.ToMs(entry.FirstHour));
            insert.Parameters.AddWithValue("$l", UnixTime.ToMs(entry.LastHour));
            insert.Parameters.AddWithValue("$d", entry.DedupeKey);
            insert.Parameters.AddWithValue("$p", entry.Payload);
            insert.Parameters.AddWithValue("$t", UnixTime.ToMs(now));
            added += insert.ExecuteNonQuery();
        }

        return added;
    }

    public static OutboxEntry Read(SqliteDataReader reader) =>
        new(
            reader.GetString(1),
            reader.GetString(2),
            reader.GetString(3),
            reader.GetString(4),
            UnixTime.FromMs(reader.GetInt64(5)),
            UnixTime.FromMs(reader.GetInt64(6)),
            reader.GetString(7))
        {
            Id = reader.GetInt64(0),
            Status = Enum.Parse<OutboxStatus>(reader.GetString(8), ignoreCase: true),
            Attempts = reader.GetInt32(9),
            CreatedAt = UnixTime.FromMs(reader.GetInt64(10)),
            NextAttemptAt = reader.IsDBNull(11) ? null : UnixTime.FromMs(reader.GetInt64(11)),
            SentAt = reader.IsDBNull(12) ? null : UnixTime.FromMs(reader.GetInt64(12)),
            LastError = reader.IsDBNull(13) ? null : reader.GetString(13),
        };
}
