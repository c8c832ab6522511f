using System.Text;
using SQLitePCL;
using Vigil.Core.Events;

namespace Vigil.Storage;

/// <summary>
/// The events insert, prepared once per batch on the raw SQLite handle and stepped once per event: no command,
/// reader or parameter objects per row, and strings are encoded straight into one reused UTF-8 buffer.
/// </summary>
internal sealed class EventInsert : IDisposable
{
    private const string Sql = """
        INSERT OR IGNORE INTO events (source_id, record_key, time_ms, level, event_id, provider, channel, computer, message)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
        """;

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly int _changesBefore;
    private byte[] _utf8 = new byte[4096];

    // SQLite keeps a statement's bindings across resets: a column that holds what the row before bound is not bound
    // again. A file's events share their source, provider, channel and computer, so most rows bind four values, not nine.
    private long? _sourceId;
    private int? _level;
    private long? _eventId;
    private string? _provider;
    private string? _channel;
    private string? _computer;

    public EventInsert(sqlite3 db)
    {
        _db = db;
        SqliteEventStore.Check(raw.sqlite3_prepare_v2(db, Sql, out _statement), db);
        _changesBefore = raw.sqlite3_total_changes(db);
    }

    /// <summary>Inserts the event unless the source already holds its record key (see <see cref="Added"/>).</summary>
    public void Add(long sourceId, LogEvent e)
    {
        if (_sourceId != sourceId)
        {
            raw.sqlite3_bind_int64(_statement, 1, sourceId);
            _sourceId = sourceId;
        }

        BindText(2, Required(e.RecordKey, "record key"));
        raw.sqlite3_bind_int64(_statement, 3, UnixTime.ToMs(e.TimeCreated));
        if (_level != e.Level)
        {
            raw.sqlite3_bind_int64(_statement, 4, e.Level);
            _level = e.Level;
        }

        if (_eventId != e.EventId)
        {
            raw.sqlite3_bind_int64(_statement, 5, e.EventId);
            _eventId = e.EventId;
        }

        BindTextIfChanged(6, Required(e.Provider, "provider"), ref _provider);
        BindTextIfChanged(7, Required(e.Channel, "channel"), ref _channel);
        BindTextIfChanged(8, Required(e.Computer, "computer"), ref _computer);
        BindText(9, e.Message);
        var rc = raw.sqlite3_step(_statement);
        if (rc != raw.SQLITE_DONE)
        {
            SqliteEventStore.Check(rc, _db);
        }

        raw.sqlite3_reset(_statement);
    }

    /// <summary>Rows this insert added so far: one native call per batch rather than one per row.</summary>
    /// <remarks>The connection's count is an int that may wrap over a long life; the difference is right even then.</remarks>
    public int Added => unchecked(raw.sqlite3_total_changes(_db) - _changesBefore);

    public void Dispose() => _statement.Dispose();

    // INSERT OR IGNORE would skip a row that breaks NOT NULL without a word: a source bug must fail the batch instead.
    private static string Required(string? value, string what) =>
        value ?? throw new InvalidOperationException($"An event reached the store without a {what}.");

    private void BindTextIfChanged(int index, string value, ref string? bound)
    {
        if (!string.Equals(value, bound, StringComparison.Ordinal))
        {
            BindText(index, value);
            bound = value;
        }
    }

    private void BindText(int index, string? value)
    {
        if (value is null)
        {
            raw.sqlite3_bind_null(_statement, index);
            return;
        }

        if (value.Length == 0)
        {
            // An empty span binds a null pointer, which SQLite stores as NULL; the string overload stores ''.
            raw.sqlite3_bind_text(_statement, index, string.Empty);
            return;
        }

        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (max > _utf8.Length)
        {
            _utf8 = new byte[Math.Max(max, _utf8.Length * 2)];
        }

        // SQLite copies the bytes (SQLITE_TRANSIENT), so the buffer is free again for the next column.
        var length = Encoding.UTF8.GetBytes(value, _utf8);
        raw.sqlite3_bind_text(_statement, index, _utf8.AsSpan(0, length));
    }
}
