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
    /// A store made before maintenance windows and false alarms named a host gains the host. A store made before false alarms named a host keyed them by hour alone. SQLite cannot change a primary key in
    /// place, so the table is rebuilt with the (hour, host) key in one transaction, every row copied as an every-host
    /// alarm ('' host), which is what it meant. Checked on every open; a store already rebuilt is left alone.
    /// </summary>
    public static void AddHosts(SqliteConnection connection)
    {
        // A window of one host (NULL: every host, what every window made before meant) is a plain added column.
        using (var windows = connection.CreateCommand())
        {
            windows.CommandText = "SELECT COUNT(*) FROM pragma_table_info('maintenance_windows') WHERE name = 'host'";
            if ((long)windows.ExecuteScalar()! == 0)
            {
                windows.CommandText = "ALTER TABLE maintenance_windows ADD COLUMN host TEXT";
                windows.ExecuteNonQuery();
            }
        }

        using var probe = connection.CreateCommand();
        probe.CommandText = "SELECT COUNT(*) FROM pragma_table_info('false_alarms') WHERE name = 'host'";
        if ((long)probe.ExecuteScalar()! > 0)
        {
            return;
        }

        using var transaction = connection.BeginTransaction();
        using var rebuild = connection.CreateCommand();
        rebuild.Transaction = transaction;
        rebuild.CommandText = """
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
        rebuild.ExecuteNonQuery();
        transaction.Commit();
    }
}
