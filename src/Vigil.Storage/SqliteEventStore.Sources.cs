namespace Vigil.Storage;

public sealed partial class SqliteEventStore
{
    public async Task<IReadOnlyList<SourceSummary>> GetSourcesAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var command = _connection.CreateCommand();
            // Per source, so SQLite walks events_by_time once per source instead of grouping the whole table.
            command.CommandText = """
                SELECT s.name,
                       (SELECT COUNT(*) FROM events e WHERE e.source_id = s.id),
                       (SELECT MIN(time_ms) FROM events e WHERE e.source_id = s.id),
                       (SELECT MAX(time_ms) FROM events e WHERE e.source_id = s.id)
                FROM sources s ORDER BY s.name
                """;
            var list = new List<SourceSummary>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (!reader.IsDBNull(2))
                {
                    list.Add(new SourceSummary(reader.GetString(0), reader.GetInt64(1), UnixTime.FromMs(reader.GetInt64(2)), UnixTime.FromMs(reader.GetInt64(3))));
                }
            }

            return list;
        }
        finally
        {
            _gate.Release();
        }
    }
}
