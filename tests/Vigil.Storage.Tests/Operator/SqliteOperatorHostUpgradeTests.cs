using Microsoft.Data.Sqlite;
using Vigil.Core.Rules;
using Vigil.Storage.Operator;

namespace Vigil.Storage.Tests.Operator;

/// <summary>A store made before false alarms and maintenance windows could name a host gains the host in place, losing nothing.</summary>
public sealed class SqliteOperatorHostUpgradeTests : IDisposable
{
    private static readonly DateTime Night = new(2026, 3, 1, 2, 0, 0, DateTimeKind.Utc);

    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-fa-key-").FullName;

    private string DbPath => Path.Combine(_dir, "vigil.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task HourKeyedFalseAlarmsAreKeptAsEveryHostAlarmsAndTheRebuiltTableTakesOnePerHost()
    {
        var hour = new DateTimeOffset(Night).ToUnixTimeMilliseconds();
        using (var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"""
                CREATE TABLE false_alarms (hour_ms INTEGER PRIMARY KEY, note TEXT, added_ms INTEGER NOT NULL);
                INSERT INTO false_alarms VALUES ({hour}, 'deploy', 1000), ({hour + 3_600_000}, NULL, 2000);
                """;
            command.ExecuteNonQuery();
        }

        using (var store = SqliteOperatorStore.Open(DbPath))
        {
            var kept = await store.ListFalseAlarmsAsync(CancellationToken.None);
            Assert.Equal([(Night, (string?)null, (string?)"deploy", DateTime.UnixEpoch.AddSeconds(1)), (Night.AddHours(1), null, null, DateTime.UnixEpoch.AddSeconds(2))],
                kept.Select(a => (a.Hour, a.Host, a.Note, a.AddedAt)));

            // The old key refused a second alarm at one hour; the new one keeps one per host beside the every-host one.
            await store.AddFalseAlarmAsync(Night, "web01", "backup", CancellationToken.None);
            Assert.Equal(3, (await store.ListFalseAlarmsAsync(CancellationToken.None)).Count);
        }

        // Opening again finds the table rebuilt and leaves it (and its rows) alone.
        using var reopened = SqliteOperatorStore.Open(DbPath);
        Assert.Equal([(Night, (string?)null), (Night, "web01"), (Night.AddHours(1), null)], (await reopened.ListFalseAlarmsAsync(CancellationToken.None)).Select(a => (a.Hour, a.Host)));
    }

    [Fact]
    public async Task WindowsMadeBeforeTheyNamedAHostAreKeptAsEveryHostWindows()
    {
        using (var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"""
                CREATE TABLE maintenance_windows (id INTEGER PRIMARY KEY, from_ms INTEGER NOT NULL, to_ms INTEGER NOT NULL, reason TEXT, added_ms INTEGER NOT NULL);
                INSERT INTO maintenance_windows VALUES (7, {new DateTimeOffset(Night).ToUnixTimeMilliseconds()}, {new DateTimeOffset(Night.AddHours(2)).ToUnixTimeMilliseconds()}, 'disk swap', 1000);
                """;
            command.ExecuteNonQuery();
        }

        using var store = SqliteOperatorStore.Open(DbPath);
        var added = await store.AddMaintenanceAsync(Night, Night.AddHours(1), null, "web01", CancellationToken.None);

        Assert.Equal([new MaintenanceWindow(7, Night, Night.AddHours(2), "disk swap"), added], await store.ListMaintenanceAsync(CancellationToken.None));
        Assert.Equal("web01", added.Host);
    }
}
