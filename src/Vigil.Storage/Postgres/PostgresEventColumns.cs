using Npgsql;
using NpgsqlTypes;
using Vigil.Core.Events;

namespace Vigil.Storage.Postgres;

/// <summary>
/// An ingest batch as one array per column, the parameters of <see cref="PostgresSql.InsertBatch"/>: the whole batch
/// travels in one statement (one round trip, no staging table), and PostgreSQL reads the arrays in binary.
/// </summary>
internal static class PostgresEventColumns
{
    public static void AddTo(NpgsqlParameterCollection parameters, IReadOnlyList<LogEvent> events)
    {
        var n = events.Count;
        var keys = new string[n];
        var times = new DateTime[n];
        var levels = new int[n];
        var ids = new long[n];
        var providers = new string[n];
        var channels = new string[n];
        var computers = new string[n];
        var messages = new string?[n];
        for (var i = 0; i < n; i++)
        {
            var e = events[i];
            keys[i] = e.RecordKey;
            times[i] = PgTime.ToStored(e.TimeCreated);
            levels[i] = e.Level;
            ids[i] = e.EventId;
            providers[i] = e.Provider;
            channels[i] = e.Channel;
            computers[i] = e.Computer;
            messages[i] = e.Message;
        }

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
