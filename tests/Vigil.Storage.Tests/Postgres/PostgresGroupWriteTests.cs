using Vigil.Core.Events;
using Vigil.Core.Windows;
using Vigil.Storage.Postgres;

namespace Vigil.Storage.Tests.Postgres;

/// <summary>
/// The PostgreSQL write road: a group goes in as one binary COPY that Vigil encodes itself, and a group holding a stored
/// event goes again through the insert that skips stored events.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresGroupWriteTests
{
    private static readonly DateTime Noon = new(2026, 3, 2, 12, 0, 0, DateTimeKind.Utc);

    private readonly string _connectionString;

    public PostgresGroupWriteTests(PostgresServer server) => _connectionString = server.CreateDatabase();

    [Fact]
    public async Task EventsOfEveryShapeReadBackAsTheyWereWritten()
    {
        using var store = PostgresEventStore.Open(_connectionString);
        var events = new[]
        {
            new LogEvent(new DateTime(1999, 12, 31, 23, 59, 59, 999, DateTimeKind.Utc), LevelMapping.LogAlways, long.MinValue, "p", "c", "h", null, "before-2000"),
            new LogEvent(Noon.AddMilliseconds(1), LevelMapping.Critical, long.MaxValue, "prövider", "Kanal €", "HÖST", "emoji 🚀 and 'quotes', \\ tabs\t", "unicode-ключ"),
            new LogEvent(Noon.AddMinutes(5), LevelMapping.Verbose, -1, "", "", "", "", "empty"),
            new LogEvent(Noon.AddMinutes(6), LevelMapping.Error, 0, "p", "c", "h", new string('m', 300_000), "long"),
            new LogEvent(new DateTime(2400, 1, 1, 0, 0, 0, DateTimeKind.Utc), LevelMapping.Warning, 1, "p", "c", "h", "far", "future"),
        };

        var added = await store.AddEventsAsync("host:h/otlp", events, "cp-1", CancellationToken.None);

        Assert.Equal(events.Length, added);
        var read = new List<LogEvent>();
        await foreach (var e in store.ReadEventsAsync(["host:h/otlp"], new HourRange(new DateTime(1999, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2401, 1, 1, 0, 0, 0, DateTimeKind.Utc)), CancellationToken.None))
        {
            read.Add(e);
        }

        Assert.Equal(events.OrderBy(e => e.TimeCreated), read);
        Assert.Equal("cp-1", await store.GetCheckpointAsync("host:h/otlp", CancellationToken.None));
        Assert.Equal(new SourceSummary("host:h/otlp", 5, events[0].TimeCreated, events[4].TimeCreated), Assert.Single(await store.GetSourcesAsync(CancellationToken.None)));
    }

    [Fact]
    public async Task AResentBatchWithNewEventsStoresOnlyTheNewAndCountsThemOnce()
    {
        using var store = PostgresEventStore.Open(_connectionString);
        var first = new[] { Event("1", Noon), Event("2", Noon.AddMinutes(1)) };
        await store.AddEventsAsync("host:web01/otlp", first, "a", CancellationToken.None);

        var resent = await store.AddEventsAsync("host:web01/otlp", [.. first, Event("3", Noon.AddHours(2))], "b", CancellationToken.None);
        var again = await store.AddEventsAsync("host:web01/otlp", first, "c", CancellationToken.None);

        Assert.Equal((1, 0), (resent, again));
        Assert.Equal(new SourceSummary("host:web01/otlp", 3, Noon, Noon.AddHours(2)), Assert.Single(await store.GetSourcesAsync(CancellationToken.None)));
        Assert.Equal("c", await store.GetCheckpointAsync("host:web01/otlp", CancellationToken.None));
    }

    private static LogEvent Event(string key, DateTime time) => new(time, LevelMapping.Information, 1, "sshd", "auth", "web01", "msg " + key, key);
}
