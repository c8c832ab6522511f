using Npgsql;
using Vigil.Storage.Outbox;

namespace Vigil.Storage.Postgres;

/// <summary>Writes and reads alert outbox rows, for the store (alerts committed with their run) and the outbox alike.</summary>
internal static class PostgresOutboxRows
{
    public const string Columns =
        "id, channel, source, incident_id, kind, first_hour, last_hour, payload, status, attempts, created, next_attempt, sent, last_error";

    /// <summary>The insert of one entry; an entry whose (channel, dedupe key) is stored already adds nothing.</summary>
    public static NpgsqlBatchCommand Insert(OutboxEntry entry, DateTime now)
    {
        var insert = new NpgsqlBatchCommand(
            """
            INSERT INTO alert_outbox (channel, source, incident_id, kind, first_hour, last_hour, dedupe_key, payload, status, created)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', $9)
            ON CONFLICT (channel, dedupe_key) DO NOTHING
            """);
        insert.Parameters.Add(new() { Value = entry.Channel });
        insert.Parameters.Add(new() { Value = entry.Source });
        insert.Parameters.Add(new() { Value = entry.IncidentId });
        insert.Parameters.Add(new() { Value = entry.Kind });
        insert.Parameters.Add(new() { Value = PgTime.ToStored(entry.FirstHour) });
        insert.Parameters.Add(new() { Value = PgTime.ToStored(entry.LastHour) });
        insert.Parameters.Add(new() { Value = entry.DedupeKey });
        insert.Parameters.Add(new() { Value = entry.Payload });
        insert.Parameters.Add(new() { Value = PgTime.ToStored(now) });
        return insert;
    }

    public static OutboxEntry Read(NpgsqlDataReader reader) =>
        new(
            reader.GetString(1),
            reader.GetString(2),
            reader.GetString(3),
            reader.GetString(4),
            PgTime.FromStored(reader.GetDateTime(5)),
            PgTime.FromStored(reader.GetDateTime(6)),
            reader.GetString(7))
        {
            Id = reader.GetInt64(0),
            Status = Enum.Parse<OutboxStatus>(reader.GetString(8), ignoreCase: true),
            Attempts = reader.GetInt32(9),
            CreatedAt = PgTime.FromStored(reader.GetDateTime(10)),
            NextAttemptAt = reader.IsDBNull(11) ? null : PgTime.FromStored(reader.GetDateTime(11)),
            SentAt = reader.IsDBNull(12) ? null : PgTime.FromStored(reader.GetDateTime(12)),
            LastError = reader.IsDBNull(13) ? null : reader.GetString(13),
        };
}
