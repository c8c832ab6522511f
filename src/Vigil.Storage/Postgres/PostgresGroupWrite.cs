using Npgsql;
using NpgsqlTypes;

namespace Vigil.Storage.Postgres;

/// <summary>
/// Writes a group of batches (each of one source) and their sources' counters and checkpoints in one transaction. First
/// as one binary COPY into <c>events</c> (<see cref="PostgresCopyRows"/>) and one update of the sources: almost always
/// every event is new, and then PostgreSQL pays neither the speculative insertion that <c>ON CONFLICT</c> costs on every
/// row nor the executor's per-row work of an insert from arrays (measured in bench/fleet_bench.sh). When an event is
/// already stored (a resend after a lost answer, two instances given the same record) the primary key refuses the
/// COPY, the transaction is rolled back with nothing of it kept, and the group is written again by the statement that
/// skips stored events. Either way what commits is exactly the events not yet stored.
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
        if (group.Any(b => b.Events.Count > 0))
        {
            using var rows = new PostgresCopyRows(group.Count);
            try
            {
                return await CopyAsync(connection, group, rows).ConfigureAwait(false);
            }
            catch (PostgresException ex) when (ex.SqlState == UniqueViolation)
            {
                // Rolled back: the group goes again, stored events skipped.
            }
        }

        await using var insert = new NpgsqlCommand(PostgresSql.InsertGroupSkippingStored, connection);
        PostgresEventColumns.AddRows(insert.Parameters, group);
        AddBatches(insert.Parameters, group);
        return await ExecuteAsync(insert, group).ConfigureAwait(false);
    }

    private static async Task<int[]> CopyAsync(NpgsqlConnection connection, IReadOnlyList<PostgresPendingBatch> group, PostgresCopyRows rows)
    {
        await using var transaction = await connection.BeginTransactionAsync(CancellationToken.None).ConfigureAwait(false);
        await using (var copy = await connection.BeginRawBinaryCopyAsync(PostgresSql.CopyEvents, CancellationToken.None).ConfigureAwait(false))
        {
            await rows.WriteAsync(copy, group).ConfigureAwait(false);
        }

        await using var count = new NpgsqlCommand(PostgresSql.CountCopiedGroup, connection, transaction);
        AddBatches(count.Parameters, group);
        count.Parameters.Add(new NpgsqlParameter<int[]>("counts", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = [.. group.Select(b => b.Events.Count)] });
        count.Parameters.Add(new NpgsqlParameter<DateTime?[]>("firsts", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { TypedValue = rows.Firsts });
        count.Parameters.Add(new NpgsqlParameter<DateTime?[]>("lasts", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { TypedValue = rows.Lasts });
        await count.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        return [.. group.Select(b => b.Events.Count)];
    }

    private static void AddBatches(NpgsqlParameterCollection parameters, IReadOnlyList<PostgresPendingBatch> group)
    {
        parameters.Add(new NpgsqlParameter<int[]>("batch_sources", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = [.. group.Select(b => b.SourceId)] });
        parameters.Add(new NpgsqlParameter<string?[]>("checkpoints", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. group.Select(b => b.Checkpoint)] });
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
