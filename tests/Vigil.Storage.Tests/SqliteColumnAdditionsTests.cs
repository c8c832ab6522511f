using Vigil.Core.Detection;
using Vigil.Core.Windows;

namespace Vigil.Storage.Tests;

public sealed class SqliteColumnAdditionsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-columns-").FullName;

    private string DbPath => Path.Combine(_dir, "vigil.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task AVersion2StoreWithoutTheSuppressedColumnGainsItAndKeepsItsVerdicts()
    {
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DbPath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                INSERT INTO meta VALUES ('schema_version', '2');
                CREATE TABLE hours (scope TEXT NOT NULL, hour_ms INTEGER NOT NULL, run_id INTEGER NOT NULL, total INTEGER NOT NULL, errors INTEGER NOT NULL,
                    warnings INTEGER NOT NULL, infos INTEGER NOT NULL, score REAL NOT NULL, threshold REAL, severity INTEGER NOT NULL DEFAULT 0,
                    is_anomaly INTEGER NOT NULL, reasons TEXT NOT NULL, model_id TEXT NOT NULL DEFAULT '', PRIMARY KEY (scope, hour_ms)) WITHOUT ROWID;
                INSERT INTO hours VALUES ('file:a', 3600000, 1, 7, 1, 2, 4, -0.25, -0.5, 2, 1, '["why"]', 'vigil@2026-02-16T00:00:00Z');
                """;
            command.ExecuteNonQuery();
        }

        using var store = SqliteEventStore.Open(DbPath);
        var range = new HourRange(DateTime.UnixEpoch, DateTime.UnixEpoch.AddHours(2));
        var old = Assert.Single(await store.GetVerdictsAsync("file:a", range, CancellationToken.None));
        var runId = await store.StartRunAsync("detect", "file:a", range, CancellationToken.None);
        var suppressed = new HourDetection(new HourlySummary(DateTime.UnixEpoch, 3, 3, 0, 0), -0.7, true) { Suppressed = true };
        await store.FinishRunAsync(runId, new RunOutcome(true, 3, 1, 0, "ok"), new RunVerdicts("file:a", "vigil@x", [suppressed]), [], CancellationToken.None);
        var stored = await store.GetVerdictsAsync("file:a", range, CancellationToken.None);

        Assert.Equal(("vigil@2026-02-16T00:00:00Z", false, AnomalySeverity.Medium), (old.ModelId, old.Hour.Suppressed, old.Hour.Severity));
        Assert.Equal([true, false], stored.Select(v => v.Hour.Suppressed));
    }
}
