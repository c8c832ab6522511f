using Npgsql;

namespace Vigil.Storage.Postgres;

/// <summary>The connection pool of a PostgreSQL store, from the operator's connection string.</summary>
internal static class PostgresConnections
{
    public static NpgsqlDataSource Create(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.ApplicationName ??= "vigil";

        // Keeps each pooled session's staging table between batches instead of dropping it on every return.
        builder.ConnectionStringBuilder.NoResetOnClose = true;
        return builder.Build();
    }
}
