using Npgsql;

namespace Vigil.Storage.Postgres;

/// <summary>Where a connection string points, without its secrets: what status output and error messages may show.</summary>
public sealed record PostgresTarget(string Host, int Port, string Database, string User)
{
    /// <summary>host:port, as errors name the server.</summary>
    public string Endpoint => $"{Host}:{Port}";

    /// <summary>What status shows as the store's location.</summary>
    public string Location => $"postgresql://{Endpoint}/{Database}";

    /// <summary>The target of <paramref name="connectionString"/>; a string Npgsql cannot read fails with one line that does not quote it.</summary>
    public static PostgresTarget Of(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new StoreException($"[store] connection_string is not a PostgreSQL connection string ({ex.Message.Split('\n')[0].TrimEnd('.')}); write it as Host=…;Port=5432;Username=…;Password=…;Database=…", ex);
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new StoreException("[store] connection_string names no Host; write it as Host=…;Port=5432;Username=…;Password=…;Database=…");
        }

        var user = builder.Username ?? Environment.UserName;
        return new PostgresTarget(builder.Host, builder.Port, builder.Database ?? user, user);
    }
}
