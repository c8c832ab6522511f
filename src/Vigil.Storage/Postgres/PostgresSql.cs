namespace Vigil.Storage.Postgres;

/// <summary>The statements of the PostgreSQL store that more than one of its parts runs.</summary>
internal static class PostgresSql
{
    /// <summary>Each ingest batch is copied (binary COPY) into this session table first, then moved in one INSERT that skips stored events.</summary>
    public const string CreateStaging = """
        CREATE TEMP TABLE IF NOT EXISTS vigil_staging (
            record_key text NOT NULL,
            time timestamptz NOT NULL,
            level integer NOT NULL,
            event_id bigint NOT NULL,
            provider text NOT NULL,
            channel text NOT NULL,
            computer text NOT NULL,
            message text) ON COMMIT DELETE ROWS
        """;

    public const string CopyStaging =
        "COPY vigil_staging (record_key, time, level, event_id, provider, channel, computer, message) FROM STDIN (FORMAT BINARY)";

    /// <summary>
    /// Moves the staged batch into events (a stored (source, record key, time) is skipped) and, in the same statement,
    /// advances the source's counters and checkpoint; returns how many events were new.
    /// </summary>
    public const string MoveStaging = """
        WITH added AS (
            INSERT INTO events (source_id, record_key, time, level, event_id, provider, channel, computer, message)
            SELECT @source, record_key, time, level, event_id, provider, channel, computer, message FROM vigil_staging
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
