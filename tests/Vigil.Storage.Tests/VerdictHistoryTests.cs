using Vigil.Core.Detection;
using Vigil.Core.Windows;

namespace Vigil.Storage.Tests;

/// <summary>The audit trail on SQLite: a version 2 store keeps its verdicts (the engine-neutral rules are in EventStoreContract.History).</summary>
public sealed class VerdictHistoryTests : IDisposable
{
    private static readonly DateTime Three = new(2026, 2, 17, 3, 0, 0, DateTimeKind.Utc);
    private static readonly HourRange Day = new(Three.AddHours(-3), Three.AddHours(21));
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-history-").FullName;

    private string DbPath => Path.Combine(_dir, "vigil.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private static HourDetection Verdict(double score, bool anomaly, string reason) =>
        new(new HourlySummary(Three, 113, 100, 13, 0), score, anomaly) { Threshold = -0.55, Reasons = [reason], Severity = anomaly ? AnomalySeverity.High : AnomalySeverity.None };

    private static async Task StoreAsync(SqliteEventStore store, string model, HourDetection hour)
    {
        var run = await store.StartRunAsync("detect", "file:a", Day, CancellationToken.None);
        await store.FinishRunAsync(run, new RunOutcome(true, 113, 1, hour.IsAnomaly ? 1 : 0, "ok"), new RunVerdicts("file:a", model, [hour]), [], CancellationToken.None);
    }

    [Fact]
    public async Task AVersion2StoreMovesItsVerdictsIntoTheHistoryAsTheyWere()
    {
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DbPath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"""
                CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                INSERT INTO meta VALUES ('schema_version', '2');
                CREATE TABLE runs (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, source TEXT NOT NULL, range_start_ms INTEGER NOT NULL, range_end_ms INTEGER NOT NULL,
                    started_ms INTEGER NOT NULL, finished_ms INTEGER, succeeded INTEGER, events INTEGER, hours INTEGER, anomalies INTEGER, message TEXT);
                INSERT INTO runs VALUES (7, 'detect', 'file:a', 0, 0, 0, 0, 1, 113, 1, 1, 'ok');
                CREATE TABLE hours (scope TEXT NOT NULL, hour_ms INTEGER NOT NULL, run_id INTEGER NOT NULL, total INTEGER NOT NULL, errors INTEGER NOT NULL,
                    warnings INTEGER NOT NULL, infos INTEGER NOT NULL, score REAL NOT NULL, threshold REAL, severity INTEGER NOT NULL DEFAULT 0,
                    is_anomaly INTEGER NOT NULL, reasons TEXT NOT NULL, model_id TEXT NOT NULL DEFAULT '', suppressed INTEGER NOT NULL DEFAULT 0,
                    PRIMARY KEY (scope, hour_ms)) WITHOUT ROWID;
                INSERT INTO hours VALUES ('file:a', {new DateTimeOffset(Three).ToUnixTimeMilliseconds()}, 7, 113, 100, 13, 0, -0.61, -0.55, 3, 1, '["why"]', 'vigil@2026-02-16T00:00:00Z', 0);
                """;
            command.ExecuteNonQuery();
        }

        using var store = SqliteEventStore.Open(DbPath);
        await StoreAsync(store, "vigil-bbbb", Verdict(-0.42, false, "retrained"));
        var history = await store.GetVerdictHistoryAsync("file:a", Day, CancellationToken.None);

        Assert.Equal(["vigil@2026-02-16T00:00:00Z", "vigil-bbbb"], history.Select(v => v.ModelId));
        Assert.Equal((-0.61, true, 7L), (history[0].Hour.AnomalyScore, history[0].Hour.IsAnomaly, history[0].RunId));
    }
}
