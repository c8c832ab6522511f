using System.Runtime.CompilerServices;
using Npgsql;
using Vigil.Core.Events;
using Vigil.Core.Windows;

namespace Vigil.Storage.Postgres;

/// <summary>Reading events back, their spans, the stored sources and the counts for status.</summary>
public sealed partial class PostgresEventStore
{
    public async IAsyncEnumerable<LogEvent> ReadEventsAsync(IReadOnlyCollection<string> sources, HourRange range, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var ids = await Guard(() => SourceIdsAsync(sources, cancellationToken)).ConfigureAwait(false);
        if (ids.Length == 0)
        {
            yield break;
        }

        // One query, streamed row by row by Npgsql: a long range is never held whole here, and the time bounds let
        // PostgreSQL read only the day partitions of the range.
        await using var connection = await Guard(() => _dataSource.OpenConnectionAsync(cancellationToken).AsTask()).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            """
            SELECT time, level, event_id, provider, channel, computer, message, record_key FROM events
            WHERE source_id = ANY(@ids) AND time >= @from AND time < @to
            ORDER BY time
            """,
            connection);
        command.Parameters.AddWithValue("ids", ids);
        command.Parameters.AddWithValue("from", PgTime.ToStored(range.Start));
        command.Parameters.AddWithValue("to", PgTime.ToStored(range.End));
        await using var reader = await Guard(() => command.ExecuteReaderAsync(cancellationToken)).ConfigureAwait(false);
        while (await Guard(() => reader.ReadAsync(cancellationToken)).ConfigureAwait(false))
        {
            yield return new LogEvent(
                PgTime.FromStored(reader.GetDateTime(0)),
                reader.GetInt32(1),
                reader.GetInt64(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.GetString(7));
        }
    }

    public Task<EventSpan?> GetEventSpanAsync(IReadOnlyCollection<string> sources, DateTime notAfter, CancellationToken cancellationToken) =>
        Guard(async () =>
        {
            // Per source, so each min/max is one index probe per partition rather than a scan of all the sources' rows.
            await using var command = _dataSource.CreateCommand(
                """
                SELECT min(x.first), max(x.last) FROM sources s
                CROSS JOIN LATERAL (SELECT min(time) AS first, max(time) AS last FROM events WHERE source_id = s.id AND time <= @notAfter) x
                WHERE s.name = ANY(@names)
                """);
            command.Parameters.AddWithValue("names", sources.ToArray());
            command.Parameters.AddWithValue("notAfter", PgTime.ToStored(notAfter));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && !reader.IsDBNull(0)
                ? new EventSpan(PgTime.FromStored(reader.GetDateTime(0)), PgTime.FromStored(reader.GetDateTime(1)))
                : null;
        });

    public Task<IReadOnlyList<SourceSummary>> GetSourcesAsync(CancellationToken cancellationToken) =>
        Guard<IReadOnlyList<SourceSummary>>(async () =>
        {
            await using var command = _dataSource.CreateCommand("SELECT name, events, first_time, last_time FROM sources ORDER BY name");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var sources = new List<SourceSummary>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                sources.Add(new SourceSummary(
                    reader.GetString(0),
                    reader.GetInt64(1),
                    reader.IsDBNull(2) ? null : PgTime.FromStored(reader.GetDateTime(2)),
                    reader.IsDBNull(3) ? null : PgTime.FromStored(reader.GetDateTime(3))));
            }

            return sources;
        });

    public Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken) =>
        Guard(async () =>
        {
            // Events from the per-source counters: a count(*) over a fleet's events would scan every partition.
            await using var command = _dataSource.CreateCommand(
                """
                SELECT (SELECT COALESCE(sum(events), 0)::bigint FROM sources), (SELECT count(*) FROM sources), (SELECT count(*) FROM runs),
                       (SELECT count(*) FROM hours), pg_database_size(current_database())
                """);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            return new StoreStatistics(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
        });

    private async Task<int[]> SourceIdsAsync(IReadOnlyCollection<string> sources, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT id FROM sources WHERE name = ANY(@names)");
        command.Parameters.AddWithValue("names", sources.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var ids = new List<int>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(reader.GetInt32(0));
        }

        return [.. ids];
    }
}
