using Npgsql;
using NpgsqlTypes;

namespace Vigil.Storage.Postgres;

/// <summary>
/// A group of ingest batches as one array per column, the parameters of <see cref="PostgresSql.InsertGroupSkippingStored"/>:
/// the whole group travels in one statement (one round trip, no staging table), and PostgreSQL reads the arrays in
/// binary. Only for a group holding an event already stored; the others go by <see cref="PostgresCopyRows"/>.
/// </summary>
internal static class PostgresEventColumns
{
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
