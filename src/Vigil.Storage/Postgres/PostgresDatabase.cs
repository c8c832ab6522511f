using Npgsql;

namespace Vigil.Storage.Postgres;

/// <summary>
/// A migrated connection pool with the few ways the outbox and the operator's tables use it (a query read row by row, a
/// statement, a batch in one transaction), every PostgreSQL failure turned into the store's one-line error naming host:port.
/// </summary>
internal sealed class PostgresDatabase : IDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    private PostgresDatabase(NpgsqlDataSource dataSource, PostgresTarget target)
    {
        _dataSource = dataSource;
        Target = target;
    }

    public PostgresTarget Target { get; }

    /// <summary>Connects and brings the schema to this build's (refusing a newer one), as the event store does.</summary>
    public static PostgresDatabase Open(string connectionString) =>
        PostgresConnections.OpenMigrated(connectionString, static (dataSource, target) => new PostgresDatabase(dataSource, target));

    public Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        Guard<IReadOnlyList<T>>(async () =>
        {
            await using var command = Command(sql, parameters);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var rows = new List<T>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(read(reader));
            }

            return rows;
        });

    public Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        Guard(async () =>
        {
            await using var command = Command(sql, parameters);
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        });

    /// <summary>Runs the statement; returns the rows it changed.</summary>
    public Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        Guard(async () =>
        {
            await using var command = Command(sql, parameters);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        });

    /// <summary>Runs the statements in one implicit transaction, all or none; returns the rows they changed.</summary>
    public Task<int> ExecuteBatchAsync(IEnumerable<NpgsqlBatchCommand> commands, CancellationToken cancellationToken) =>
        Guard(async () =>
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var batch = new NpgsqlBatch(connection);
            foreach (var command in commands)
            {
                batch.BatchCommands.Add(command);
            }

            return batch.BatchCommands.Count == 0 ? 0 : await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        });

    /// <summary>One statement of a batch, with named parameters (null is SQL NULL).</summary>
    public static NpgsqlBatchCommand BatchCommand(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    public void Dispose() => _dataSource.Dispose();

    private NpgsqlCommand Command(string sql, (string Name, object? Value)[] parameters)
    {
        var command = _dataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private Task<T> Guard<T>(Func<Task<T>> operation) => PostgresFailures.Guard(Target, operation);
}
