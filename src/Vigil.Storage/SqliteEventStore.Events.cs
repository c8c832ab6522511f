using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Vigil.Core.Events;
using Vigil.Core.Windows;

namespace Vigil.Storage;

/// <summary>The events path of the SQLite store: the batch insert and the streamed read of a range.</summary>
public sealed partial class SqliteEventStore
{
    /// <summary>Events read per query: what a read holds at once, whatever the range or the burst (a few MB).</summary>
    internal const int ReadPageRows = 8192;

    // A time slice bounds each query too: with several sources SQLite sorts what a query covers before its LIMIT.
    private static readonly TimeSpan ReadSlice = TimeSpan.FromHours(24);

    public async Task<int> AddEventsAsync(string source, IReadOnlyList<LogEvent> events, string? checkpoint, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var transaction = _connection.BeginTransaction();
            var sourceId = SourceId(source, transaction);
            int added;
            using (var insert = new EventInsert(_connection.Handle!))
            {
                foreach (var e in events)
                {
                    insert.Add(sourceId, e);
                }

                added = insert.Added;
            }

            if (checkpoint is not null)
            {
                Execute(transaction, "UPDATE sources SET checkpoint = $v WHERE id = $id", ("$v", checkpoint), ("$id", sourceId));
            }

            transaction.Commit();
            return added;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async IAsyncEnumerable<LogEvent> ReadEventsAsync(IReadOnlyCollection<string> sources, HourRange range, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Pages of at most ReadPageRows events in (time, source, record key) order, each page continuing after the
        // last row of the one before: memory stays bounded whatever the range or however many events share one
        // second, and the gate is never held across a yield. An empty slice jumps straight to the next stored event,
        // so a gap of years costs one query.
        var ids = await SourceIdsAsync(sources, cancellationToken).ConfigureAwait(false);
        if (ids.Length == 0)
        {
            yield break;
        }

        var pool = new Utf8StringPool();
        var cursor = range.Start;
        while (cursor < range.End)
        {
            var sliceEnd = range.End - cursor > ReadSlice ? cursor + ReadSlice : range.End;
            EventPosition? after = null;
            var any = false;
            while (true)
            {
                var page = await ReadPageAsync(ids, cursor, sliceEnd, after, pool, cancellationToken).ConfigureAwait(false);
                foreach (var (e, _) in page)
                {
                    yield return e;
                }

                any |= page.Count > 0;
                if (page.Count < ReadPageRows)
                {
                    break;
                }

                var (last, lastSource) = page[^1];
                after = new EventPosition(UnixTime.ToMs(last.TimeCreated), lastSource, last.RecordKey);
            }

            if (any || sliceEnd == range.End)
            {
                cursor = sliceEnd;
                continue;
            }

            var next = await GetEventSpanAsync(sources, sliceEnd, range.End, cancellationToken).ConfigureAwait(false);
            if (next is null)
            {
                yield break;
            }

            cursor = HourRange.FloorHour(next.First);
        }
    }

    private async Task<long[]> SourceIdsAsync(IReadOnlyCollection<string> sources, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = $"SELECT id FROM sources WHERE name IN ({InList(command, sources)}) ORDER BY id";
            using var reader = command.ExecuteReader();
            var ids = new List<long>();
            while (reader.Read())
            {
                ids.Add(reader.GetInt64(0));
            }

            return [.. ids];
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<List<(LogEvent Event, long SourceId)>> ReadPageAsync(long[] sourceIds, DateTime from, DateTime to, EventPosition? after, Utf8StringPool pool, CancellationToken cancellationToken)
    {
        var page = new List<(LogEvent, long)>(ReadPageRows);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var db = _connection.Handle!;
            var sources = sourceIds.Length == 1 ? "source_id = ?4" : $"source_id IN ({string.Join(", ", sourceIds.Select((_, i) => "?" + (i + 7).ToString(CultureInfo.InvariantCulture)))})";
            var sql = $"""
                SELECT time_ms, level, event_id, provider, channel, computer, message, record_key, source_id
                FROM events
                WHERE {sources} AND time_ms >= ?1 AND time_ms < ?2 {(after is null ? string.Empty : "AND (time_ms, source_id, record_key) > (?1, ?5, ?6)")}
                ORDER BY time_ms, source_id, record_key
                LIMIT ?3
                """;
            Check(raw.sqlite3_prepare_v2(db, sql, out var statement), db);
            using (statement)
            {
                raw.sqlite3_bind_int64(statement, 1, after?.TimeMs ?? UnixTime.ToMs(from));
                raw.sqlite3_bind_int64(statement, 2, UnixTime.ToMs(to));
                raw.sqlite3_bind_int64(statement, 3, ReadPageRows);
                if (sourceIds.Length == 1)
                {
                    raw.sqlite3_bind_int64(statement, 4, sourceIds[0]);
                }
                else
                {
                    for (var i = 0; i < sourceIds.Length; i++)
                    {
                        raw.sqlite3_bind_int64(statement, i + 7, sourceIds[i]);
                    }
                }

                if (after is { } position)
                {
                    raw.sqlite3_bind_int64(statement, 5, position.SourceId);
                    raw.sqlite3_bind_text(statement, 6, position.RecordKey);
                }

                int rc;
                while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
                {
                    page.Add((new LogEvent(
                        UnixTime.FromMs(raw.sqlite3_column_int64(statement, 0)),
                        raw.sqlite3_column_int(statement, 1),
                        raw.sqlite3_column_int64(statement, 2),
                        pool.Get(raw.sqlite3_column_blob(statement, 3)),
                        pool.Get(raw.sqlite3_column_blob(statement, 4)),
                        pool.Get(raw.sqlite3_column_blob(statement, 5)),
                        raw.sqlite3_column_type(statement, 6) == raw.SQLITE_NULL ? null : Encoding.UTF8.GetString(raw.sqlite3_column_blob(statement, 6)),
                        Encoding.UTF8.GetString(raw.sqlite3_column_blob(statement, 7))), raw.sqlite3_column_int64(statement, 8)));
                }

                if (rc != raw.SQLITE_DONE)
                {
                    Check(rc, db);
                }
            }
        }
        finally
        {
            _gate.Release();
        }

        return page;
    }

    /// <summary>Throws what Microsoft.Data.Sqlite would for a failed raw call, so store errors read the same.</summary>
    internal static void Check(int rc, sqlite3 db)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }
    }

    /// <summary>Where a read stopped: the last row's place in (time, source, record key) order.</summary>
    private readonly record struct EventPosition(long TimeMs, long SourceId, string RecordKey);
}
