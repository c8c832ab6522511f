using Npgsql;
using NpgsqlTypes;

namespace Vigil.Storage.Postgres;

/// <summary>
/// Writes a group of batches (each of one source) and their sources' counters and checkpoints in one statement, one
/// transaction. First as a plain insert: almost always every event is new, and then PostgreSQL skips the speculative
/// insertion that <c>ON CONFLICT</c> costs on every row (about a third of its CPU per event, measured). When an event
/// is already stored (a resend after a lost answer, two instances given the same record) the primary key refuses the
/// statement, nothing of it stays, and the group is written again by the statement that skips stored events. Either
/// way what commits is exactly the events not yet stored.
/// </summary>
internal sealed class PostgresGroupWrite
{
    private const string UniqueViolation = "23505";

    private readonly NpgsqlDataSource _dataSource;

    public PostgresGroupWrite(NpgsqlDataSource dataSource) => _dataSource = dataSource;

    /// <summary>How many events of each batch were new, in the group's order.</summary>
    public async Task<int[]> WriteAsync(IReadOnlyList<PostgresPendingBatch> group)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(CancellationToken.None).ConfigureAwait(false);
        await using var insert = new NpgsqlCommand(PostgresSql.InsertGroup, connection);
        PostgresEventColumns.AddRows(insert.Parameters, group);
        insert.Parameters.Add(new NpgsqlParameter<int[]>("batch_sources", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = [.. group.Select(b => b.SourceId)] });
        insert.Parameters.Add(new NpgsqlParameter<string?[]>("checkpoints", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. group.Select(b => b.Checkpoint)] });
        try
        {
            return await ExecuteAsync(insert, group).ConfigureAwait(false);
        }
        catch (PostgresException ex) when (ex.SqlState == UniqueViolation)
        {
            insert.CommandText = PostgresSql.InsertGroupSkippingStored;
            return await ExecuteAsync(insert, group).ConfigureAwait(false);
        }
    }

    private static async Task<int[]> ExecuteAsync(NpgsqlCommand insert, IReadOnlyList<PostgresPendingBatch> group)
    {
        var added = new Dictionary<int, int>();
        await using (var reader = await insert.ExecuteReaderAsync(CancellationToken.None).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                added[reader.GetInt32(0)] = (int)reader.GetInt64(1);
            }
        }

        return [.. group.Select(b => added.GetValueOrDefault(b.SourceId))];
    }
}
