namespace Vigil.Storage.Postgres;

/// <summary>The statements of the PostgreSQL store that more than one of its parts runs.</summary>
internal static class PostgresSql
{
    /// <summary>The COPY of a group's events (<see cref="PostgresCopyRows"/>): fails whole on an event already stored.</summary>
    public const string CopyEvents = "COPY events (source_id, record_key, time, level, event_id, provider, channel, computer, message) FROM STDIN (FORMAT BINARY)";

    /// <summary>After a COPY that stored every event of the group: each batch's source counters and checkpoint.</summary>
    public const string CountCopiedGroup = """
        UPDATE sources s SET
            events = s.events + b.n,
            first_time = LEAST(s.first_time, b.first),
            last_time = GREATEST(s.last_time, b.last),
            checkpoint = COALESCE(b.checkpoint, s.checkpoint)
        FROM unnest(@batch_sources, @checkpoints, @counts, @firsts, @lasts) AS b(source_id, checkpoint, n, first, last)
        WHERE s.id = b.source_id
        """;

    /// <summary>
    /// Inserts a group of batches given as column arrays (<see cref="PostgresEventColumns.AddRows"/>), skipping the events
    /// already stored (same source, time and record key), and in the same statement advances each batch's source
    /// counters and checkpoint; returns (source id, events new) for every batch. One statement is one transaction: the
    /// events and the checkpoints commit together or not at all. The road of a group whose COPY found a stored event.
    /// </summary>
    public const string InsertGroupSkippingStored = InsertGroupStart + "\nON CONFLICT DO NOTHING" + InsertGroupEnd;

    private const string InsertGroupStart = """
        WITH added AS (
            INSERT INTO events (source_id, record_key, time, level, event_id, provider, channel, computer, message)
            SELECT * FROM unnest(@sources, @keys, @times, @levels, @ids, @providers, @channels, @computers, @messages)
        """;

    private const string InsertGroupEnd = """

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

    /// <summary>Sets every source's counters from what events hold (after retention dropped some).</summary>
    public const string RecountSources = """
        UPDATE sources s SET events = COALESCE(c.n, 0), first_time = c.first, last_time = c.last
        FROM sources s2 LEFT JOIN (SELECT source_id, count(*) AS n, min(time) AS first, max(time) AS last FROM events GROUP BY source_id) c ON c.source_id = s2.id
        WHERE s.id = s2.id
        """;
}
