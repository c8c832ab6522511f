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
    public async Task HourWindowsOfStoredEventsCoverEveryHourAndCountTheSeedsClasses()
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

        var builder = new HourWindowBuilder(new HourRange(Noon, Noon.AddHours(3)));
        await foreach (var e in store.ReadEventsAsync(["file:a"], new HourRange(Noon, Noon.AddHours(3)), CancellationToken.None))
        {
            builder.Add(e);
        }

        var rows = builder.Windows.Select(w => w.Summary).ToList();

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
        Assert.Equal(new EventSpan(Noon.AddMinutes(1), Noon.AddMinutes(2)), await store.GetEventSpanAsync(["file:a"], DateTime.MaxValue, CancellationToken.None));
        Assert.Equal(new EventSpan(Noon.AddMinutes(1), Noon.AddMinutes(1)), await store.GetEventSpanAsync(["file:a"], Noon.AddMinutes(1).AddSeconds(30), CancellationToken.None));
    }

    [Fact]
    public void AFileThatIsNotAStoreIsRefusedWithOneLineNamingIt()
    {
        File.WriteAllText(DbPath, "this is not a database, just text that is long enough to be read as a header....................");

        var error = Assert.Throws<StoreException>(() => SqliteEventStore.Open(DbPath));

        Assert.Contains(DbPath, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task ReadingAcrossAGapOfYearsSkipsTheEmptyYearsAndKeepsTimeOrder()
    {
        using var store = SqliteEventStore.Open(DbPath);
        var far = new DateTime(2062, 2, 16, 10, 0, 0, DateTimeKind.Utc);
        await store.AddEventsAsync("file:a", [Event("late", far), Event("1", Noon), Event("2", Noon.AddDays(3))], null, CancellationToken.None);

        var read = new List<DateTime>();
        await foreach (var e in store.ReadEventsAsync(["file:a"], new HourRange(DateTime.MinValue, HourRange.LastHour), CancellationToken.None))
        {
            read.Add(e.TimeCreated);
        }

        Assert.Equal([Noon, Noon.AddDays(3), far], read);
    }

    [Fact]
    public async Task AVersion1StoreKeepsItsVerdictsUnderTheScopeOfTheRunThatScoredThem()
    {
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DbPath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                INSERT INTO meta VALUES ('schema_version', '1');
                CREATE TABLE runs (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, source TEXT NOT NULL, range_start_ms INTEGER NOT NULL, range_end_ms INTEGER NOT NULL,
                    started_ms INTEGER NOT NULL, finished_ms INTEGER, succeeded INTEGER, events INTEGER, hours INTEGER, anomalies INTEGER, message TEXT);
                INSERT INTO runs VALUES (1, 'detect', 'file:a', 0, 0, 0, 0, 1, 1, 1, 1, 'ok');
                CREATE TABLE hours (hour_ms INTEGER PRIMARY KEY, run_id INTEGER NOT NULL, total INTEGER NOT NULL, errors INTEGER NOT NULL, warnings INTEGER NOT NULL,
                    infos INTEGER NOT NULL, score REAL NOT NULL, is_anomaly INTEGER NOT NULL, reasons TEXT NOT NULL);
                INSERT INTO hours VALUES (3600000, 1, 7, 1, 2, 4, -0.25, 1, '["why"]');
                """;
            command.ExecuteNonQuery();
        }

        using var store = SqliteEventStore.Open(DbPath);

        var verdict = Assert.Single(await store.GetVerdictsAsync("file:a", new HourRange(DateTime.UnixEpoch, DateTime.UnixEpoch.AddHours(2)), CancellationToken.None));
        Assert.Equal((7, true, -0.25), (verdict.Hour.Summary.TotalEvents, verdict.Hour.IsAnomaly, verdict.Hour.AnomalyScore));
        Assert.Equal(["why"], verdict.Hour.Reasons);
    }

    [Fact]
    public async Task WindowsRecordsStoredByVersion1AreNotStoredAgainWhenTheSameExportIsReadAfterTheUpgrade()
    {
        var time = new DateTime(2026, 2, 16, 10, 0, 5, 123, DateTimeKind.Utc).AddTicks(4567);
        const string Channel = "Microsoft-Windows-Sysmon/Operational";
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DbPath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"""
                CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                INSERT INTO meta VALUES ('schema_version', '1');
                CREATE TABLE sources (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, checkpoint TEXT);
                INSERT INTO sources VALUES (1, 'evtx:/x', NULL);
                CREATE TABLE events (source_id INTEGER NOT NULL, record_key TEXT NOT NULL, time_ms INTEGER NOT NULL, level INTEGER NOT NULL,
                    event_id INTEGER NOT NULL, provider TEXT NOT NULL, channel TEXT NOT NULL, computer TEXT NOT NULL, message TEXT,
                    PRIMARY KEY (source_id, record_key)) WITHOUT ROWID;
                INSERT INTO events VALUES (1, 'WIN1/{Channel}/42', {new DateTimeOffset(time).ToUnixTimeMilliseconds()}, 4, 1, 'Sysmon', '{Channel}', 'WIN1', NULL);
                INSERT INTO events VALUES (1, 'csv-record-7', {new DateTimeOffset(time).ToUnixTimeMilliseconds()}, 4, 1, 'P', 'System', 'WIN1', NULL);
                CREATE TABLE hours (hour_ms INTEGER PRIMARY KEY, run_id INTEGER NOT NULL, total INTEGER NOT NULL, errors INTEGER NOT NULL, warnings INTEGER NOT NULL,
                    infos INTEGER NOT NULL, score REAL NOT NULL, is_anomaly INTEGER NOT NULL, reasons TEXT NOT NULL);
                """;
            command.ExecuteNonQuery();
        }

        using var store = SqliteEventStore.Open(DbPath);
        var reread = Event(WindowsRecordKey.Create("WIN1", Channel, 42UL, time), time) with { Channel = Channel, Computer = "WIN1" };
        var reused = reread with { RecordKey = WindowsRecordKey.Create("WIN1", Channel, 42UL, time.AddMinutes(3)), TimeCreated = time.AddMinutes(3) };

        var again = await store.AddEventsAsync("evtx:/x", [reread], null, CancellationToken.None);
        var other = await store.AddEventsAsync("evtx:/x", [reused, Event("csv-record-7", time)], null, CancellationToken.None);

        Assert.Equal((0, 1), (again, other));
    }

    [Fact]
    public async Task AReadLongerThanOnePageReturnsEveryEventOnceInTimeThenKeyOrderEvenWhenThousandsShareOneMillisecond()
    {
        using var store = SqliteEventStore.Open(DbPath);
        var count = (2 * SqliteEventStore.ReadPageRows) + 17;
        var sameTime = Enumerable.Range(0, count).Select(i => Event($"k{i:D6}", Noon.AddMinutes(30))).ToArray();
        await store.AddEventsAsync("file:a", sameTime.Reverse().ToArray(), null, CancellationToken.None);
        await store.AddEventsAsync("file:b", [Event("first", Noon), Event("last", Noon.AddMinutes(59))], null, CancellationToken.None);

        var read = new List<LogEvent>();
        await foreach (var e in store.ReadEventsAsync(["file:a", "file:b"], new HourRange(Noon, Noon.AddHours(1)), CancellationToken.None))
        {
            read.Add(e);
        }

        Assert.Equal(["first", .. sameTime.Select(e => e.RecordKey), "last"], read.Select(e => e.RecordKey));
    }

    [Fact]
    public async Task EmptyTextFieldsAreStoredAsEmptyNotMissing()
    {
        using var store = SqliteEventStore.Open(DbPath);
        await store.AddEventsAsync("file:a", [new LogEvent(Noon, 4, 0, string.Empty, string.Empty, string.Empty, string.Empty, "e1")], null, CancellationToken.None);

        var read = new List<LogEvent>();
        await foreach (var e in store.ReadEventsAsync(["file:a"], new HourRange(Noon, Noon.AddHours(1)), CancellationToken.None))
        {
            read.Add(e);
        }

        var stored = Assert.Single(read);
        Assert.Equal((string.Empty, string.Empty, string.Empty, string.Empty), (stored.Provider, stored.Channel, stored.Computer, stored.Message));
    }
}
