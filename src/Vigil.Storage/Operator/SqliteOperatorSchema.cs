namespace Vigil.Storage.Operator;

/// <summary>What the operator told Vigil: maintenance windows, kinds accepted as normal, hours called false alarms. Times are UTC ms since the epoch.</summary>
internal static class SqliteOperatorSchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS maintenance_windows (
            id INTEGER PRIMARY KEY,
            from_ms INTEGER NOT NULL,
            to_ms INTEGER NOT NULL,
            reason TEXT,
            added_ms INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS accepted_kinds (
            kind TEXT PRIMARY KEY,
            added_ms INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS false_alarms (
            hour_ms INTEGER PRIMARY KEY,
            note TEXT,
            added_ms INTEGER NOT NULL);
        """;
}
