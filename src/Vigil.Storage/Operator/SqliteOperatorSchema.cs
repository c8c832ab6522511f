using Microsoft.Data.Sqlite;

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
            added_ms INTEGER NOT NULL,
            host TEXT);
        CREATE TABLE IF NOT EXISTS accepted_kinds (
            kind TEXT PRIMARY KEY,
            added_ms INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS false_alarms (
            hour_ms INTEGER NOT NULL,
            host TEXT NOT NULL DEFAULT '',
            note TEXT,
            added_ms INTEGER NOT NULL,
            PRIMARY KEY (hour_ms, host));
        """;

    /// <summary>
    /// A store made before maintenance windows and false alarms could name a host gains the host in place, losing
    /// nothing: a window's host is a plain added column (NULL, every host, is what an older window meant). False alarms
    /// were keyed by hour alone and SQLite cannot change a primary key, so that table is rebuilt with the (hour, host)
    /// key, every row copied as an every-host alarm ('' host). Checked on every open, under the write lock (BEGIN
    /// IMMEDIATE) so two processes opening an older store at once upgrade it once; an upgraded store is left alone.
    /// </summary>
    public static void AddHosts(SqliteConnection connection)
    {
        if (HasHost(connection, "maintenance_windows") && HasHost(connection, "false_alarms"))
        {
            return;
        }

        using var transaction = connection.BeginTransaction(deferred: false);
        using var upgrade = connection.CreateCommand();
        upgrade.Transaction = transaction;
        if (!HasHost(connection, "maintenance_windows", transaction))
        {
            upgrade.CommandText = "ALTER TABLE maintenance_windows ADD COLUMN host TEXT";
            upgrade.ExecuteNonQuery();
        }

        if (!HasHost(connection, "false_alarms", transaction))
        {
            upgrade.CommandText = """
                CREATE TABLE false_alarms_by_host (
                    hour_ms INTEGER NOT NULL,
                    host TEXT NOT NULL DEFAULT '',
                    note TEXT,
                    added_ms INTEGER NOT NULL,
                    PRIMARY KEY (hour_ms, host));
                INSERT INTO false_alarms_by_host (hour_ms, host, note, added_ms) SELECT hour_ms, '', note, added_ms FROM false_alarms;
                DROP TABLE false_alarms;
                ALTER TABLE false_alarms_by_host RENAME TO false_alarms;
                """;
            upgrade.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static bool HasHost(SqliteConnection connection, string table, SqliteTransaction? transaction = null)
    {
        using var probe = connection.CreateCommand();
        probe.Transaction = transaction;
        probe.CommandText = $"SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = 'host'";
        return (long)probe.ExecuteScalar()! > 0;
    }
}
