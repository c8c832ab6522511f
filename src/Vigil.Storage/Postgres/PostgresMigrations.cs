using DbUp;
using DbUp.Engine;
using Npgsql;

namespace Vigil.Storage.Postgres;

/// <summary>
/// Brings the database to this build's schema with DbUp: the scripts in <c>Postgres/Migrations</c> run once each, in
/// name order, journaled in <c>schemaversions</c>. A database already migrated by a newer Vigil (its journal names a
/// script this build does not have) is refused before anything runs. Instances starting together migrate one at a time.
/// </summary>
internal static class PostgresMigrations
{
    private const string Prefix = "Vigil.Storage.Postgres.Migrations.";

    /// <summary>Any 64-bit key only Vigil uses: the session lock that serializes migrations across instances.</summary>
    private const long LockKey = 0x5669_6769_6C4D_6967;

    /// <summary>The scripts this build knows, by journal name.</summary>
    public static IReadOnlyList<string> Known { get; } =
        [.. typeof(PostgresMigrations).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    public static void Apply(NpgsqlDataSource dataSource, string connectionString, PostgresTarget target)
    {
        using var connection = dataSource.OpenConnection();
        using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({LockKey})", connection))
        {
            take.ExecuteNonQuery();
        }

        try
        {
            var engine = DeployChanges.To
                .PostgresqlDatabase(connectionString)
                .WithScriptsEmbeddedInAssembly(typeof(PostgresMigrations).Assembly, name => name.StartsWith(Prefix, StringComparison.Ordinal))
                .JournalToPostgresqlTable("public", "schemaversions")
                .WithTransactionPerScript()
                .WithVariablesDisabled()
                .LogToNowhere()
                .Build();
            Refuse(engine.GetExecutedButNotDiscoveredScripts(), target);
            var result = engine.PerformUpgrade();
            if (!result.Successful)
            {
                throw PostgresFailures.Describe(result.Error, target)
                    ?? new StoreException($"PostgreSQL at {target.Endpoint}: migrating database '{target.Database}' failed at {result.ErrorScript?.Name ?? "a script"} ({result.Error.Message}).", result.Error);
            }
        }
        finally
        {
            using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({LockKey})", connection);
            release.ExecuteNonQuery();
        }
    }

    private static void Refuse(IEnumerable<string> unknown, PostgresTarget target)
    {
        var newer = unknown.Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Select(n => n[Prefix.Length..]).Order(StringComparer.Ordinal).ToList();
        if (newer.Count > 0)
        {
            throw new StoreException(
                $"PostgreSQL database '{target.Database}' at {target.Endpoint} has a newer Vigil schema than this build knows (it ran {string.Join(", ", newer)}; this build stops at {Known[^1][Prefix.Length..]}); run the newer Vigil, or point [store] connection_string at another database.");
        }
    }
}
