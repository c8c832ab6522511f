namespace Vigil.Storage.Postgres;

/// <summary>Scoring claims: each (scope, hour) scored by one instance of many sharing the database.</summary>
public sealed partial class PostgresEventStore
{
    public Task<bool> TryClaimAsync(string scope, DateTime hour, string instance, DateTime now, TimeSpan lease, CancellationToken cancellationToken) =>
        Guard(async () =>
        {
            // One statement: ON CONFLICT locks the row, so of two instances claiming at once exactly one gets a row back.
            await using var command = _dataSource.CreateCommand(
                """
                INSERT INTO claims (scope, hour, instance, expires) VALUES (@scope, @hour, @instance, @expires)
                ON CONFLICT (scope, hour) DO UPDATE SET instance = EXCLUDED.instance, expires = EXCLUDED.expires
                WHERE NOT claims.done AND (claims.expires <= @now OR claims.instance = EXCLUDED.instance)
                RETURNING 1
                """);
            command.Parameters.AddWithValue("scope", scope);
            command.Parameters.AddWithValue("hour", PgTime.ToStored(hour));
            command.Parameters.AddWithValue("instance", instance);
            command.Parameters.AddWithValue("expires", PgTime.ToStored(now + lease));
            command.Parameters.AddWithValue("now", PgTime.ToStored(now));
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
        });

    public Task<bool> CompleteClaimAsync(string scope, DateTime hour, string instance, CancellationToken cancellationToken) =>
        Guard(async () =>
        {
            await using var command = _dataSource.CreateCommand("UPDATE claims SET done = true WHERE scope = @scope AND hour = @hour AND instance = @instance");
            command.Parameters.AddWithValue("scope", scope);
            command.Parameters.AddWithValue("hour", PgTime.ToStored(hour));
            command.Parameters.AddWithValue("instance", instance);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        });
}
