namespace Vigil.Storage;

/// <summary>The store's tables. Times are UTC milliseconds since the Unix epoch.</summary>
internal static class SqliteSchema
{
    public const int Version = 1;

    public const string Create = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS sources (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            checkpoint TEXT);
        CREATE TABLE IF NOT EXISTS events (
            source_id INTEGER NOT NULL,
            record_key TEXT NOT NULL,
            time_ms INTEGER NOT NULL,
            level INTEGER NOT NULL,
            event_id INTEGER NOT NULL,
            provider TEXT NOT NULL,
            channel TEXT NOT NULL,
            computer TEXT NOT NULL,
            message TEXT,
            PRIMARY KEY (source_id, record_key)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS events_by_time ON events (source_id, time_ms);
        CREATE TABLE IF NOT EXISTS runs (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            source TEXT NOT NULL,
            range_start_ms INTEGER NOT NULL,
            range_end_ms INTEGER NOT NULL,
            started_ms INTEGER NOT NULL,
            finished_ms INTEGER,
            succeeded INTEGER,
            events INTEGER,
            hours INTEGER,
            anomalies INTEGER,
            message TEXT);
        CREATE TABLE IF NOT EXISTS hours (
            hour_ms INTEGER PRIMARY KEY,
            run_id INTEGER NOT NULL,
            total INTEGER NOT NULL,
            errors INTEGER NOT NULL,
            warnings INTEGER NOT NULL,
            infos INTEGER NOT NULL,
            score REAL NOT NULL,
            is_anomaly INTEGER NOT NULL,
            reasons TEXT NOT NULL);
        """;
}
