namespace Vigil.Storage.Postgres;

/// <summary>The statements of the PostgreSQL store that more than one of its parts runs.</summary>
internal static class PostgresSql
{
    /// <summary>
    /// Inserts a group of batches given as column arrays (<see cref="PostgresEventColumns.AddRows"/>), skipping stored
    /// (source, time, record key), and in the same statement advances each batch's source counters and checkpoint;
    /// returns (source id, events new) for every batch. One statement is one transaction: the events and the
    /// checkpoints commit together or not at all.
    /// </summary>
    public const string InsertGroup = """
        WITH added AS (
            INSERT INTO events (source_id, record_key, time, level, event_id, provider, channel, computer, message)
            SELECT * FROM unnest(@sources, @keys, @times, @levels, @ids, @providers, @channels, @computers, @messages)
            ON CONFLICT DO NOTHING
            RETURNING source_id, time),
        counted AS (SELECT source_id, count(*) AS n, min(time) AS first, max(time) AS last FROM added GROUP BY source_id)
        UPDATE sources s SET
            events = s.events + COALESCE(c.n, 0),
            first_time = LEAST(s.first_time, c.first),
            last_time = GREATEST(s.last_time, c.last),
            checkpoint = COALESCE(b.checkpoint, s.checkpoint)
        FROM unnest(@batch_sources, @checkpoints) AS b(source_id, checkpoint)
            LEFT JOIN counted c ON c.source_id = b.source_id
        WHERE s.id = b.source_id
        RETURNING s.id, COALESCE(c.n, 0)::bigint
        """;

    /// <summary>
    /// After a COPY that stored every event of a group (<see cref="PostgresGroupWrite"/>): advances each batch's source
    /// counters and checkpoint in the same transaction.
    /// </summary>
    public const string CountCopied = """
        UPDATE sources s SET
            events = s.events + b.n,
            first_time = LEAST(s.first_time, b.first),
            last_time = GREATEST(s.last_time, b.last),
            checkpoint = COALESCE(b.checkpoint, s.checkpoint)
        FROM unnest(@batch_sources, @counts, @firsts, @lasts, @checkpoints) AS b(source_id, n, first, last, checkpoint)
        WHERE s.id = b.source_id
        """;

    /// <summary>Sets every source's counters from what events hold (after retention dropped some).</summary>
    public const string RecountSources = """
        UPDATE sources s SET events = COALESCE(c.n, 0), first_time = c.first, last_time = c.last
        FROM sources s2 LEFT JOIN (SELECT source_id, count(*) AS n, min(time) AS first, max(time) AS last FROM events GROUP BY source_id) c ON c.source_id = s2.id
        WHERE s.id = s2.id
        """;
}
