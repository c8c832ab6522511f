using Microsoft.Data.Sqlite;
using Vigil.Storage.Operator;

namespace Vigil.Storage.Tests.Operator;

/// <summary>A store whose false alarms were keyed by hour alone (before they could name a host) is rebuilt in place.</summary>
public sealed class SqliteFalseAlarmKeyTests : IDisposable
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
}
