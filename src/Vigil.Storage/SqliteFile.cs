using Microsoft.Data.Sqlite;

namespace Vigil.Storage;

/// <summary>Opens a connection to the store's SQLite file (creating its folder) and runs the caller's setup SQL.</summary>
internal static class SqliteFile
{
    /// <param name="what">What the caller opens, for the error: "store", "alert outbox".</param>
    public static SqliteConnection Open(string path, string setupSql, string what)
    {
        // Created private (0600 in a 0700 folder) before SQLite opens it: it holds Security-log content.
        PrivateFiles.CreateParent(path);
        PrivateFiles.EnsureFile(path);

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = setupSql;
            command.ExecuteNonQuery();
            return connection;
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw StoreFailures.For(ex, $"the {what} {path}");
        }
    }
}
