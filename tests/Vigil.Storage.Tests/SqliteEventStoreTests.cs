using Vigil.Core.Events;
using Vigil.Core.Windows;
using Vigil.Storage;
using Vigil.Storage.Outbox;
using Vigil.Storage.Tests.Contract;

namespace Vigil.Storage.Tests;

/// <summary>The store contract on the SQLite engine, and what only a SQLite file can do (be damaged, be of an old version).</summary>
public sealed class SqliteEventStoreTests : EventStoreContract, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-store-").FullName;

    private string DbPath => Path.Combine(_dir, "vigil.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    protected override IEventStore Open() => SqliteEventStore.Open(DbPath);

    protected override IAlertOutbox OpenOutbox() => SqliteAlertOutbox.Open(DbPath);

    [Fact]
    public void AFileThatIsNotAStoreIsRefusedWithOneLineNamingIt()
    {
        File.WriteAllText(DbPath, "this is not a database, just text that is long enough to be read as a header....................");

        var error = Assert.Throws<StoreException>(() => SqliteEventStore.Open(DbPath));

        Assert.Contains(DbPath, error.Message);
        Assert.DoesNotContain('\n', error.Message);
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

    [Fact]
    public async Task EachEventKeepsItsOwnFieldsWhenItsNeighboursInABatchRepeatSomeOfThem()
    {
        // Given one batch whose events repeat, change and change back their provider, channel, computer, level,
        // event id and message (the insert binds again only what changed from the row before)
        using var store = SqliteEventStore.Open(DbPath);
        var fields = new (int Level, long EventId, string Provider, string Channel, string Computer, string? Message)[]
        {
            (4, 0, "sshd", "auth", "web01", "a"),
            (4, 0, "sshd", "auth", "web01", "b"),
            (2, 7, "cron", "auth", "web01", null),
            (2, 7, "cron", "syslog", "db01", string.Empty),
            (4, 0, "sshd", "auth", "web01", "c"),
            (3, 0, string.Empty, "auth", "web01", "d"),
            (3, 0, "sshd", string.Empty, string.Empty, "e"),
        };
        var events = fields.Select((f, i) => new LogEvent(Noon.AddMinutes(i), f.Level, f.EventId, f.Provider, f.Channel, f.Computer, f.Message, $"k{i}")).ToArray();
        await store.AddEventsAsync("file:a", events, null, CancellationToken.None);

        // When they are read back
        var read = new List<LogEvent>();
        await foreach (var e in store.ReadEventsAsync(["file:a"], new HourRange(Noon, Noon.AddHours(1)), CancellationToken.None))
        {
            read.Add(e);
        }

        // Then every one is exactly what was stored
        Assert.Equal(events, read);
    }
}
