using Vigil.Core.Events;
using Vigil.Core.Windows;
using Vigil.Storage;

namespace Vigil.Storage.Tests.Contract;

/// <summary>
/// What every engine of <see cref="IEventStore"/> must do, run against each of them (SQLite, PostgreSQL): a subclass
/// says how to open a store, and how to open the same store again as a second process would.
/// </summary>
public abstract partial class EventStoreContract
{
    protected static readonly DateTime Noon = new(2026, 2, 16, 12, 0, 0, DateTimeKind.Utc);

    /// <summary>Opens the store under test; a second call opens the same stored data again (another connection, another instance).</summary>
    protected abstract IEventStore Open();

    protected static LogEvent Event(string key, DateTime time, int level = LevelMapping.Information) =>
        new(time, level, 7036, "Service Control Manager", "System", "SRV1", "msg " + key, key);

    protected static async Task<List<LogEvent>> ReadAllAsync(IEventStore store, IReadOnlyCollection<string> sources, HourRange range)
    {
        var read = new List<LogEvent>();
        await foreach (var e in store.ReadEventsAsync(sources, range, CancellationToken.None))
        {
            read.Add(e);
        }

        return read;
    }

    [Fact]
    public async Task AddingTheSameEventsAgainAddsNothing()
    {
        using var store = Open();
        var events = new[] { Event("1", Noon), Event("2", Noon.AddMinutes(1)) };

        var first = await store.AddEventsAsync("file:a", events, null, CancellationToken.None);
        var second = await store.AddEventsAsync("file:a", events, null, CancellationToken.None);
        var otherSource = await store.AddEventsAsync("file:b", events, null, CancellationToken.None);

        Assert.Equal((2, 0, 2), (first, second, otherSource));
        Assert.Equal(4, (await store.GetStatisticsAsync(CancellationToken.None)).Events);
    }

    [Fact]
    public async Task ABatchThatRepeatsAnEventStoresItOnce()
    {
        using var store = Open();

        var added = await store.AddEventsAsync("file:a", [Event("1", Noon), Event("2", Noon), Event("1", Noon)], null, CancellationToken.None);

        Assert.Equal(2, added);
        Assert.Equal(2, (await ReadAllAsync(store, ["file:a"], new HourRange(Noon, Noon.AddHours(1)))).Count);
    }

    [Fact]
    public async Task EventsAndTheCheckpointCommitTogetherAndSurviveReopening()
    {
        using (var store = Open())
        {
            await store.AddEventsAsync("journald", [Event("c1", Noon)], "cursor-1", CancellationToken.None);
        }

        using var reopened = Open();
        Assert.Equal("cursor-1", await reopened.GetCheckpointAsync("journald", CancellationToken.None));
        Assert.Null(await reopened.GetCheckpointAsync("syslog:/var/log/syslog", CancellationToken.None));
        Assert.Equal(1, (await reopened.GetStatisticsAsync(CancellationToken.None)).Events);
    }

    [Fact]
    public async Task ABatchThatFailsHalfwayLeavesThePreviousStateIntact()
    {
        using var store = Open();
        await store.AddEventsAsync("journald", [Event("a", Noon)], "cursor-a", CancellationToken.None);
        var broken = Event("c", Noon) with { Provider = null! };

        await Assert.ThrowsAnyAsync<Exception>(() => store.AddEventsAsync("journald", [Event("b", Noon), broken], "cursor-c", CancellationToken.None));

        Assert.Equal("cursor-a", await store.GetCheckpointAsync("journald", CancellationToken.None));
        Assert.Equal(1, (await store.GetStatisticsAsync(CancellationToken.None)).Events);
    }

    [Fact]
    public async Task HourWindowsOfStoredEventsCoverEveryHourAndCountTheSeedsClasses()
    {
        using var store = Open();
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
        foreach (var e in await ReadAllAsync(store, ["file:a"], new HourRange(Noon, Noon.AddHours(3))))
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
        using var store = Open();
        var events = new[] { Event("b", Noon.AddMinutes(2).AddMilliseconds(345)), Event("a", Noon.AddMinutes(1)) with { Message = null } };
        await store.AddEventsAsync("file:a", events, null, CancellationToken.None);

        var read = await ReadAllAsync(store, ["file:a"], new HourRange(Noon, Noon.AddHours(1)));

        Assert.Equal(events.Reverse(), read);
        Assert.All(read, e => Assert.Equal(DateTimeKind.Utc, e.TimeCreated.Kind));
        Assert.Equal(new EventSpan(Noon.AddMinutes(1), events[0].TimeCreated), await store.GetEventSpanAsync(["file:a"], DateTime.MaxValue, CancellationToken.None));
        Assert.Equal(new EventSpan(Noon.AddMinutes(1), Noon.AddMinutes(1)), await store.GetEventSpanAsync(["file:a"], Noon.AddMinutes(1).AddSeconds(30), CancellationToken.None));
        Assert.Null(await store.GetEventSpanAsync(["file:none"], DateTime.MaxValue, CancellationToken.None));
    }

    [Fact]
    public async Task ReadingAcrossAGapOfYearsSkipsTheEmptyYearsAndKeepsTimeOrder()
    {
        using var store = Open();
        var far = new DateTime(2062, 2, 16, 10, 0, 0, DateTimeKind.Utc);
        var old = new DateTime(1985, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        await store.AddEventsAsync("file:a", [Event("late", far), Event("1", Noon), Event("old", old), Event("2", Noon.AddDays(3))], null, CancellationToken.None);

        var read = await ReadAllAsync(store, ["file:a"], new HourRange(DateTime.MinValue, HourRange.LastHour));

        Assert.Equal([old, Noon, Noon.AddDays(3), far], read.Select(e => e.TimeCreated));
    }

    [Fact]
    public async Task ReadingSeveralSourcesMergesThemInTimeOrderAndLeavesOthersOut()
    {
        using var store = Open();
        await store.AddEventsAsync("host:web01/syslog", [Event("a", Noon.AddMinutes(1)), Event("c", Noon.AddMinutes(3))], null, CancellationToken.None);
        await store.AddEventsAsync("host:web02/syslog", [Event("b", Noon.AddMinutes(2))], null, CancellationToken.None);
        await store.AddEventsAsync("host:web03/syslog", [Event("x", Noon.AddMinutes(2))], null, CancellationToken.None);

        var read = await ReadAllAsync(store, ["host:web01/syslog", "host:web02/syslog"], new HourRange(Noon, Noon.AddHours(1)));

        Assert.Equal(["a", "b", "c"], read.Select(e => e.RecordKey));
    }
}
