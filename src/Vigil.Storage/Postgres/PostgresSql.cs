namespace Vigil.Storage.Postgres;

/// <summary>The statements of the PostgreSQL store that more than one of its parts runs.</summary>
internal static class PostgresSql
{
    /// <summary>
    /// Inserts a batch given as column arrays (<see cref="PostgresEventColumns"/>), skipping stored (source, time,
    /// record key), and in the same statement advances the source's counters and checkpoint; returns how many events
    /// were new. One statement is one transaction: the events and the checkpoint commit together or not at all.
    /// </summary>
    public const string InsertBatch = """
        WITH added AS (
            INSERT INTO events (source_id, record_key, time, level, event_id, provider, channel, computer, message)
            SELECT @source, b.* FROM unnest(@keys, @times, @levels, @ids, @providers, @channels, @computers, @messages) AS b
            ON CONFLICT DO NOTHING
            RETURNING time),
        counted AS (SELECT count(*) AS n, min(time) AS first, max(time) AS last FROM added)
        UPDATE sources SET
            events = events + counted.n,
            first_time = LEAST(first_time, counted.first),
            last_time = GREATEST(last_time, counted.last),
            checkpoint = COALESCE(@checkpoint, checkpoint)
        FROM counted WHERE id = @source
        RETURNING counted.n
        """;

    /// <summary>Sets every source's counters from what events hold (after retention dropped some).</summary>
    public const string RecountSources = """
        UPDATE sources s SET events = COALESCE(c.n, 0), first_time = c.first, last_time = c.last
        FROM sources s2 LEFT JOIN (SELECT source_id, count(*) AS n, min(time) AS first, max(time) AS last FROM events GROUP BY source_id) c ON c.source_id = s2.id
        WHERE s.id = s2.id
        """;
}
