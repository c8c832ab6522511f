using Vigil.Core.Events;
using Vigil.Core.Windows;
using Vigil.Storage;

namespace Vigil.Storage.Tests;

public sealed class SqliteEventStoreTests : IDisposable
{
    private static readonly DateTime Noon = new(2026, 2, 16, 12, 0, 0, DateTimeKind.Utc);
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-store-").FullName;

    private string DbPath => Path.Combine(_dir, "vigil.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private static LogEvent Event(string key, DateTime time, int level = LevelMapping.Information) =>
        new(time, level, 7036, "Service Control Manager", "System", "SRV1", "msg " + key, key);

    [Fact]
    public async Task AddingTheSameEventsAgainAddsNothing()
    {
        using var store = SqliteEventStore.Open(DbPath);
        var events = new[] { Event("1", Noon), Event("2", Noon.AddMinutes(1)) };

        var first = await store.AddEventsAsync("file:a", events, null, CancellationToken.None);
        var second = await store.AddEventsAsync("file:a", events, null, CancellationToken.None);
        var otherSource = await store.AddEventsAsync("file:b", events, null, CancellationToken.None);

        Assert.Equal((2, 0, 2), (first, second, otherSource));
        Assert.Equal(4, (await store.GetStatisticsAsync(CancellationToken.None)).Events);
    }

    [Fact]
    public async Task EventsAndTheCheckpointCommitTogetherAndSurviveReopening()
    {
        using (var store = SqliteEventStore.Open(DbPath))
        {
            await store.AddEventsAsync("journald", [Event("c1", Noon)], "cursor-1", CancellationToken.None);
        }

        using var reopened = SqliteEventStore.Open(DbPath);
        Assert.Equal("cursor-1", await reopened.GetCheckpointAsync("journald", CancellationToken.None));
        Assert.Null(await reopened.GetCheckpointAsync("syslog:/var/log/syslog", CancellationToken.None));
        Assert.Equal(1, (await reopened.GetStatisticsAsync(CancellationToken.None)).Events);
    }

    [Fact]
    public async Task ABatchThatFailsHalfwayLeavesThePreviousStateIntact()
    {
        using var store = SqliteEventStore.Open(DbPath);
        await store.AddEventsAsync("journald", [Event("a", Noon)], "cursor-a", CancellationToken.None);
        var broken = Event("c", Noon) with { Provider = null! };

        await Assert.ThrowsAnyAsync<Exception>(() => store.AddEventsAsync("journald", [Event("b", Noon), broken], "cursor-c", CancellationToken.None));

        Assert.Equal("cursor-a", await store.GetCheckpointAsync("journald", CancellationToken.None));
        Assert.Equal(1, (await store.GetStatisticsAsync(CancellationToken.None)).Events);
    }

    [Fact]
    public async Task HourlySummariesCoverEveryHourAndCountTheSeedsClasses()
    {
        using var store = SqliteEventStore.Open(DbPath);
        await store.AddEventsAsync(
            "file:a",
            [
                Event("1", Noon.AddMinutes(5), LevelMapping.Critical),
                Event("2", Noon.AddMinutes(6), LevelMapping.Error),
                Event("3", Noon.AddMinutes(7), LevelMapping.Warning),
                Event("4", Noon.AddMinutes(8), LevelMapping.Verbose),
                Event("5", Noon.AddHours(2), LevelMapping.LogAlways),
                Event("6", Noon.AddHours(3), LevelMapping.Error),
            ],
            null,
            CancellationToken.None);
        await store.AddEventsAsync("file:other", [Event("x", Noon, LevelMapping.Error)], null, CancellationToken.None);

        var rows = await store.GetHourlySummariesAsync(["file:a"], new HourRange(Noon, Noon.AddHours(3)), CancellationToken.None);

        Assert.Equal([Noon, Noon.AddHours(1), Noon.AddHours(2)], rows.Select(r => r.Hour));
        Assert.Equal(new HourlySummary(Noon, 4, 2, 1, 1), rows[0]);
        Assert.Equal(new HourlySummary(Noon.AddHours(1), 0, 0, 0, 0), rows[1]);
        Assert.Equal(new HourlySummary(Noon.AddHours(2), 1, 0, 0, 1), rows[2]);
    }

    [Fact]
    public async Task StoredEventsReadBackAsTheyWereWritten()
    {
        using var store = SqliteEventStore.Open(DbPath);
        var events = new[] { Event("b", Noon.AddMinutes(2)), Event("a", Noon.AddMinutes(1)) with { Message = null } };
        await store.AddEventsAsync("file:a", events, null, CancellationToken.None);

        var read = new List<LogEvent>();
        await foreach (var e in store.ReadEventsAsync(["file:a"], new HourRange(Noon, Noon.AddHours(1)), CancellationToken.None))
        {
            read.Add(e);
        }

        Assert.Equal(events.Reverse(), read);
        Assert.Equal(Noon.AddMinutes(2), await store.GetNewestEventTimeAsync(["file:a"], CancellationToken.None));
    }

    [Fact]
    public void AFileThatIsNotAStoreIsRefusedWithOneLineNamingIt()
    {
        File.WriteAllText(DbPath, "this is not a database, just text that is long enough to be read as a header....................");

        var error = Assert.Throws<StoreException>(() => SqliteEventStore.Open(DbPath));

        Assert.Contains(DbPath, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }
}
