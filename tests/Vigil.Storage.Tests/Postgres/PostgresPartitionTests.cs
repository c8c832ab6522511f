using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Vigil.Core.Events;
using Vigil.Core.Windows;
using Vigil.Storage.Postgres;

namespace Vigil.Storage.Tests.Postgres;

/// <summary>What only the PostgreSQL engine does: day partitions, the default partition, retention.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresPartitionTests
{
    private static readonly DateTime Today = new(2026, 3, 10, 9, 30, 0, DateTimeKind.Utc);
    private readonly string _connectionString;

    public PostgresPartitionTests(PostgresServer server) => _connectionString = server.CreateDatabase();

    private static LogEvent Event(string key, DateTime time) =>
        new(time, LevelMapping.Error, 1, "sshd", "auth", "web01", "msg " + key, key);

    [Fact]
    public async Task EventsLandInTheirDaysPartitionAndOddDatesInTheDefaultOne()
    {
        using var store = PostgresEventStore.Open(_connectionString, clock: new FakeTimeProvider(Today));

        await store.AddEventsAsync("host:web01/syslog", [Event("a", Today), Event("b", Today.AddDays(-1)), Event("typo", Today.AddYears(300))], null, CancellationToken.None);

        Assert.Equal(
            [("events_20260309", 1L), ("events_20260310", 1L), ("events_default", 1L)],
            await RowsPerPartitionAsync());
    }

    [Fact]
    public async Task ADayWhoseEventsCameEarlyGetsItsPartitionWithThemWhenItComes()
    {
        var clock = new FakeTimeProvider(Today);
        using var store = PostgresEventStore.Open(_connectionString, clock: clock);
        var nextWeek = Today.AddDays(7);
        await store.AddEventsAsync("host:web01/syslog", [Event("early", nextWeek)], null, CancellationToken.None);

        clock.Advance(TimeSpan.FromDays(7));
        var added = await store.AddEventsAsync("host:web01/syslog", [Event("early", nextWeek), Event("on-time", nextWeek.AddMinutes(1))], null, CancellationToken.None);

        Assert.Equal(1, added);
        Assert.Equal([("events_20260317", 2L)], (await RowsPerPartitionAsync()).Where(p => p.Rows > 0));
        Assert.Equal(2, (await ReadAsync(store, new HourRange(HourRange.FloorHour(nextWeek), HourRange.FloorHour(nextWeek).AddHours(1)))).Count);
    }

    [Fact]
    public async Task RetentionDropsTheDaysOlderThanItKeepsAndRecountsTheSources()
    {
        var clock = new FakeTimeProvider(Today);
        using (var store = PostgresEventStore.Open(_connectionString, retentionDays: 3, clock: clock))
        {
            await store.AddEventsAsync("journald", [Event("old", Today.AddDays(-2)), Event("new", Today)], null, CancellationToken.None);
        }

        clock.Advance(TimeSpan.FromDays(2));
        using var reopened = PostgresEventStore.Open(_connectionString, retentionDays: 3, clock: clock);

        Assert.DoesNotContain("events_20260308", (await RowsPerPartitionAsync()).Select(p => p.Partition));
        Assert.Equal([new SourceSummary("journald", 1, Today, Today)], await reopened.GetSourcesAsync(CancellationToken.None));
        Assert.Equal(["new"], (await ReadAsync(reopened, new HourRange(Today.AddDays(-5), Today.AddDays(1)))).Select(e => e.RecordKey));
    }

    [Fact]
    public async Task WithoutRetentionNothingIsDropped()
    {
        var clock = new FakeTimeProvider(Today);
        using var store = PostgresEventStore.Open(_connectionString, clock: clock);
        await store.AddEventsAsync("journald", [Event("old", Today.AddDays(-30))], null, CancellationToken.None);

        clock.Advance(TimeSpan.FromDays(365));
        await store.ApplyRetentionAsync(CancellationToken.None);

        Assert.Equal(1, (await store.GetStatisticsAsync(CancellationToken.None)).Events);
    }

    private static async Task<List<LogEvent>> ReadAsync(IEventStore store, HourRange range)
    {
        var read = new List<LogEvent>();
        await foreach (var e in store.ReadEventsAsync(["host:web01/syslog", "journald"], range, CancellationToken.None))
        {
            read.Add(e);
        }

        return read;
    }

    private async Task<List<(string Partition, long Rows)>> RowsPerPartitionAsync()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT tableoid::regclass::text, count(*) FROM events GROUP BY 1 ORDER BY 1", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, long)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        return rows;
    }
}
