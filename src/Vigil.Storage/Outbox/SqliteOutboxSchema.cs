namespace Vigil.Storage.Outbox;

/// <summary>The outbox table; kept apart from <see cref="SqliteSchema"/> so it can be created by either the store or the outbox.</summary>
internal static class SqliteOutboxSchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS alert_outbox (
            id INTEGER PRIMARY KEY,
            channel TEXT NOT NULL,
            source TEXT NOT NULL,
            incident_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            first_hour_ms INTEGER NOT NULL,
            last_hour_ms INTEGER NOT NULL,
            dedupe_key TEXT NOT NULL,
            payload TEXT NOT NULL,
            status TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            created_ms INTEGER NOT NULL,
            next_attempt_ms INTEGER,
            sent_ms INTEGER,
            last_error TEXT,
            UNIQUE (channel, dedupe_key));
        CREATE INDEX IF NOT EXISTS alert_outbox_due ON alert_outbox (status, next_attempt_ms);
        CREATE INDEX IF NOT EXISTS alert_outbox_by_source ON alert_outbox (source, id);
        """;
}
