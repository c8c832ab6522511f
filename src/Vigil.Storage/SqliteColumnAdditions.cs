using Microsoft.Data.Sqlite;

namespace Vigil.Storage;

/// <summary>
/// Columns added to a table after its schema version shipped, each with a default that is right for old rows: added in
/// place when missing, so a store of the same version gains them without a migration and loses nothing.
/// </summary>
internal static class SqliteColumnAdditions
{
    private static readonly (string Table, string Column, string Definition)[] Additions =
    [
        ("hours", "suppressed", "INTEGER NOT NULL DEFAULT 0"),
    ];

    public static void Apply(SqliteConnection connection)
    {
        foreach (var (table, column, definition) in Additions)
        {
            using var probe = connection.CreateCommand();
            probe.CommandText = $"SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = '{column}'";
            if ((long)probe.ExecuteScalar()! > 0)
            {
                continue;
            }

            using var add = connection.CreateCommand();
            add.CommandText = $"ALTER TABLE {table} ADD COLUMN {column} {definition}";
            add.ExecuteNonQuery();
        }
    }
}
