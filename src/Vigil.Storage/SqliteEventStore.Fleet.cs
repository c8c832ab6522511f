namespace Vigil.Storage;

/// <summary>What several instances and a fleet need of the store: its sources and the scoring claims (see the main part for the gate).</summary>
public sealed partial class SqliteEventStore
{
    public async Task<IReadOnlyList<SourceSummary>> GetSourcesAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = """
                SELECT s.name, COUNT(e.time_ms), MIN(e.time_ms), MAX(e.time_ms)
                FROM sources s LEFT JOIN events e ON e.source_id = s.id
                GROUP BY s.id ORDER BY s.name
                """;
            using var reader = command.ExecuteReader();
            var sources = new List<SourceSummary>();
            while (reader.Read())
            {
                sources.Add(new SourceSummary(
                    reader.GetString(0),
                    reader.GetInt64(1),
                    reader.IsDBNull(2) ? null : UnixTime.FromMs(reader.GetInt64(2)),
                    reader.IsDBNull(3) ? null : UnixTime.FromMs(reader.GetInt64(3))));
            }

            return sources;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<bool> TryClaimAsync(string scope, DateTime hour, string instance, DateTime now, TimeSpan lease, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // One statement: the row is taken when absent, or when its holder's lease ran out; a completed hour never.
            return Scalar(
                _connection,
                """
                INSERT INTO claims (scope, hour_ms, instance, expires_ms, done) VALUES ($s, $h, $i, $x, 0)
                ON CONFLICT (scope, hour_ms) DO UPDATE SET instance = excluded.instance, expires_ms = excluded.expires_ms
                WHERE claims.done = 0 AND (claims.expires_ms <= $now OR claims.instance = excluded.instance)
                RETURNING 1
                """,
                ("$s", scope),
                ("$h", UnixTime.ToMs(hour)),
                ("$i", instance),
                ("$x", UnixTime.ToMs(now + lease)),
                ("$now", UnixTime.ToMs(now))) is not null;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<bool> CompleteClaimAsync(string scope, DateTime hour, string instance, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "UPDATE claims SET done = 1 WHERE scope = $s AND hour_ms = $h AND instance = $i";
            command.Parameters.AddWithValue("$s", scope);
            command.Parameters.AddWithValue("$h", UnixTime.ToMs(hour));
            command.Parameters.AddWithValue("$i", instance);
            return command.ExecuteNonQuery() == 1;
        }
        finally
        {
            _gate.Release();
        }
    }
}
