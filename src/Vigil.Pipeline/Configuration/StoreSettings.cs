namespace Vigil.Pipeline.Configuration;

/// <summary>
/// <c>[store]</c>: which engine keeps Vigil's state. SQLite (data_dir/vigil.db) unless <c>kind = postgresql</c>, which
/// needs <c>connection_string</c> (a secret: also <c>VIGIL_STORE__CONNECTION_STRING</c>; never printed).
/// </summary>
/// <param name="Kind">sqlite or postgresql.</param>
/// <param name="ConnectionString">The Npgsql connection string (PostgreSQL only).</param>
/// <param name="RetentionDays">Days of events kept (PostgreSQL drops older day partitions); 0 keeps everything.</param>
public sealed record StoreSettings(StoreKind Kind, string? ConnectionString, int RetentionDays)
{
    public static StoreSettings Default { get; } = new(StoreKind.Sqlite, null, 0);

    /// <summary>Reads <c>[store]</c>; a PostgreSQL store without a connection string is refused, naming both places it can be set.</summary>
    internal static StoreSettings Read(SettingReader r)
    {
        var kindText = r.String("store", "kind", "sqlite").ToLowerInvariant();
        var connectionString = r.OptionalString("store", "connection_string");
        var retentionDays = r.Int("store", "retention_days", 0, min: 0, max: 36_500);
        var kind = kindText switch
        {
            "sqlite" => StoreKind.Sqlite,
            "postgresql" or "postgres" => StoreKind.Postgresql,
            _ => throw r.Invalid("store", "kind", kindText, "is not a store kind (sqlite or postgresql)"),
        };
        if (kind == StoreKind.Postgresql && connectionString is null)
        {
            throw new ConfigException(
                "[store] kind = postgresql needs connection_string (Host=…;Port=5432;Username=…;Password=…;Database=…), set in [store] or as VIGIL_STORE__CONNECTION_STRING");
        }

        return new StoreSettings(kind, connectionString, retentionDays);
    }

    /// <summary>Never the connection string: a record's generated ToString would print the password.</summary>
    public override string ToString() => $"StoreSettings {{ Kind = {Kind}, RetentionDays = {RetentionDays} }}";
}
