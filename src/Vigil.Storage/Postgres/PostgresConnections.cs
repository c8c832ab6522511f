using Npgsql;

namespace Vigil.Storage.Postgres;

/// <summary>The connection pool of a PostgreSQL store, from the operator's connection string.</summary>
internal static class PostgresConnections
{
    public static NpgsqlDataSource Create(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.ApplicationName ??= "vigil";

        // Each ingest batch is the same statement: prepared once per pooled session, PostgreSQL skips parsing and
        // planning it for every batch (measured in bench/fleet_bench.sh). An operator's own setting wins.
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 16;
        }

        // Keeps each pooled session's prepared statements between uses instead of resetting the session on every return.
        builder.ConnectionStringBuilder.NoResetOnClose = true;
        return builder.Build();
    }

    /// <summary>
    /// Connects, brings the schema to this build's (refusing a newer one) and builds what runs on the connections;
    /// every failure is one line naming host:port and what to check, and the connections are closed on it.
    /// </summary>
    public static T OpenMigrated<T>(string connectionString, Func<NpgsqlDataSource, PostgresTarget, T> build)
    {
        var target = PostgresTarget.Of(connectionString);
        var dataSource = Create(connectionString);
        try
        {
            PostgresMigrations.Apply(dataSource, connectionString, target);
            return build(dataSource, target);
        }
        catch (Exception ex) when (PostgresFailures.Describe(ex, target) is { } failure)
        {
            dataSource.Dispose();
            throw failure;
        }
        catch
        {
            dataSource.Dispose();
            throw;
        }
    }
}
