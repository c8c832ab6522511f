using Npgsql;
using NpgsqlTypes;

namespace Vigil.Storage.Postgres;

/// <summary>
/// A group of ingest batches as PostgreSQL takes them: rows of a binary COPY into <c>events</c>, or one array per
/// column (the parameters of <see cref="PostgresSql.InsertGroup"/>, read by PostgreSQL in binary); and each batch's
/// counters and checkpoint for <see cref="PostgresSql.CountCopied"/>.
/// </summary>
internal static class PostgresEventColumns
{
    public const string Copy = "COPY events (source_id, record_key, time, level, event_id, provider, channel, computer, message) FROM STDIN (FORMAT BINARY)";

    public static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<PostgresPendingBatch> group)
    {
        await using var writer = await connection.BeginBinaryImportAsync(Copy, CancellationToken.None).ConfigureAwait(false);
        foreach (var batch in group)
        {
            foreach (var e in batch.Events)
            {
                await writer.StartRowAsync(CancellationToken.None).ConfigureAwait(false);
                await writer.WriteAsync(batch.SourceId, NpgsqlDbType.Integer, CancellationToken.None).ConfigureAwait(false);
                await writer.WriteAsync(e.RecordKey, NpgsqlDbType.Text, CancellationToken.None).ConfigureAwait(false);
                await writer.WriteAsync(PgTime.ToStored(e.TimeCreated), NpgsqlDbType.TimestampTz, CancellationToken.None).ConfigureAwait(false);
                await writer.WriteAsync(e.Level, NpgsqlDbType.Integer, CancellationToken.None).ConfigureAwait(false);
                await writer.WriteAsync(e.EventId, NpgsqlDbType.Bigint, CancellationToken.None).ConfigureAwait(false);
                await writer.WriteAsync(e.Provider, NpgsqlDbType.Text, CancellationToken.None).ConfigureAwait(false);
                await writer.WriteAsync(e.Channel, NpgsqlDbType.Text, CancellationToken.None).ConfigureAwait(false);
                await writer.WriteAsync(e.Computer, NpgsqlDbType.Text, CancellationToken.None).ConfigureAwait(false);
                if (e.Message is null)
                {
                    await writer.WriteNullAsync(CancellationToken.None).ConfigureAwait(false);
                }
                else
                {
                    await writer.WriteAsync(e.Message, NpgsqlDbType.Text, CancellationToken.None).ConfigureAwait(false);
                }
            }
        }

        await writer.CompleteAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Each batch's source, event count, first and last time and checkpoint, for a group whose every event was new.</summary>
    public static void AddCounters(NpgsqlParameterCollection parameters, IReadOnlyList<PostgresPendingBatch> group)
    {
        var n = group.Count;
        var sources = new int[n];
        var counts = new long[n];
        var firsts = new DateTime?[n];
        var lasts = new DateTime?[n];
        var checkpoints = new string?[n];
        for (var i = 0; i < n; i++)
        {
            var batch = group[i];
            sources[i] = batch.SourceId;
            counts[i] = batch.Events.Count;
            checkpoints[i] = batch.Checkpoint;
            foreach (var e in batch.Events)
            {
                var time = PgTime.ToStored(e.TimeCreated);
                firsts[i] = firsts[i] is { } first && first <= time ? first : time;
                lasts[i] = lasts[i] is { } last && last >= time ? last : time;
            }
        }

        parameters.Add(new NpgsqlParameter<int[]>("batch_sources", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = sources });
        parameters.Add(new NpgsqlParameter<long[]>("counts", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = counts });
        parameters.Add(new NpgsqlParameter<DateTime?[]>("firsts", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { TypedValue = firsts });
        parameters.Add(new NpgsqlParameter<DateTime?[]>("lasts", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { TypedValue = lasts });
        parameters.Add(new NpgsqlParameter<string?[]>("checkpoints", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = checkpoints });
    }

    /// <summary>Every event of the group as column arrays, each row with its batch's source.</summary>
    public static void AddRows(NpgsqlParameterCollection parameters, IReadOnlyList<PostgresPendingBatch> group)
    {
        var n = group.Sum(b => b.Events.Count);
        var sources = new int[n];
        var keys = new string[n];
        var times = new DateTime[n];
        var levels = new int[n];
        var ids = new long[n];
        var providers = new string[n];
        var channels = new string[n];
        var computers = new string[n];
        var messages = new string?[n];
        var i = 0;
        foreach (var batch in group)
        {
            foreach (var e in batch.Events)
            {
                sources[i] = batch.SourceId;
                keys[i] = e.RecordKey;
                times[i] = PgTime.ToStored(e.TimeCreated);
                levels[i] = e.Level;
                ids[i] = e.EventId;
                providers[i] = e.Provider;
                channels[i] = e.Channel;
                computers[i] = e.Computer;
                messages[i] = e.Message;
                i++;
            }
        }

        parameters.Add(new NpgsqlParameter<int[]>("sources", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = sources });
        parameters.Add(new NpgsqlParameter<string[]>("keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = keys });
        parameters.Add(new NpgsqlParameter<DateTime[]>("times", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { TypedValue = times });
        parameters.Add(new NpgsqlParameter<int[]>("levels", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = levels });
        parameters.Add(new NpgsqlParameter<long[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = ids });
        parameters.Add(new NpgsqlParameter<string[]>("providers", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = providers });
        parameters.Add(new NpgsqlParameter<string[]>("channels", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = channels });
        parameters.Add(new NpgsqlParameter<string[]>("computers", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = computers });
        parameters.Add(new NpgsqlParameter<string?[]>("messages", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = messages });
    }
}
