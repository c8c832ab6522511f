using Microsoft.Data.Sqlite;

namespace Vigil.Storage;

/// <summary>
/// One SQLite connection used by one caller at a time (a connection is not thread-safe, and the CLI, the API and the
/// scheduler share these stores), with SQLite's failures turned into the store's one-line errors.
/// </summary>
internal sealed class GatedConnection : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _location;

    /// <param name="location">What the errors call this store ("the alert outbox").</param>
    public GatedConnection(SqliteConnection connection, string location)
    {
        Connection = connection;
        _location = location;
    }

    public SqliteConnection Connection { get; }

    public SqliteCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    public async Task<T> RunAsync<T>(CancellationToken cancellationToken, Func<T> action)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return action();
        }
        catch (SqliteException ex)
        {
            throw StoreFailures.For(ex, _location);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        Connection.Dispose();
        _gate.Dispose();
    }
}
