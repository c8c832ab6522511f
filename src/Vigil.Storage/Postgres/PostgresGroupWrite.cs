using Npgsql;
using NpgsqlTypes;

namespace Vigil.Storage.Postgres;

/// <summary>
/// Writes a group of batches (each of one source) and their sources' counters and checkpoints in one transaction.
/// First as a binary COPY straight into <c>events</c>, the cheapest write PostgreSQL has: almost always every event is
/// new. When one is not (a resend after a lost answer, two instances given the same record), the primary key refuses
/// the COPY, the transaction rolls back whole, and the group is written again by the statement that skips stored
/// events (<see cref="PostgresSql.InsertGroup"/>). Either way what commits is exactly the events not yet stored.
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
        if (await TryCopyAsync(connection, group).ConfigureAwait(false) is { } added)
        {
            return added;
        }

        return await InsertSkippingStoredAsync(connection, group).ConfigureAwait(false);
    }

    /// <summary>Every event by COPY and the counters, committed; null (rolled back) when one of them was already stored.</summary>
    private static async Task<int[]?> TryCopyAsync(NpgsqlConnection connection, IReadOnlyList<PostgresPendingBatch> group)
    {
        await using var transaction = await connection.BeginTransactionAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            await PostgresEventColumns.CopyAsync(connection, group).ConfigureAwait(false);
            await using var update = new NpgsqlCommand(PostgresSql.CountCopied, connection, transaction);
            PostgresEventColumns.AddCounters(update.Parameters, group);
            await update.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
            await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (PostgresException ex) when (ex.SqlState == UniqueViolation)
        {
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            return null;
        }

        return [.. group.Select(b => b.Events.Count)];
    }

    private static async Task<int[]> InsertSkippingStoredAsync(NpgsqlConnection connection, IReadOnlyList<PostgresPendingBatch> group)
    {
        await using var insert = new NpgsqlCommand(PostgresSql.InsertGroup, connection);
        PostgresEventColumns.AddRows(insert.Parameters, group);
        insert.Parameters.Add(new NpgsqlParameter<int[]>("batch_sources", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = [.. group.Select(b => b.SourceId)] });
        insert.Parameters.Add(new NpgsqlParameter<string?[]>("checkpoints", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. group.Select(b => b.Checkpoint)] });
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
