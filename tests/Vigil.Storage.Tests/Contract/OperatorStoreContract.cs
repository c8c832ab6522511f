using Microsoft.Extensions.Time.Testing;
using Vigil.Storage.Operator;

namespace Vigil.Storage.Tests.Contract;

/// <summary>
/// What every engine of <see cref="IOperatorStore"/> must do (SQLite, PostgreSQL): a subclass says how to open it; a
/// second call opens the same stored data again, as another process (another instance) would.
/// </summary>
public abstract class OperatorStoreContract
{
    protected static readonly DateTime Night = new(2026, 3, 1, 2, 0, 0, DateTimeKind.Utc);

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 30, 15, 123, TimeSpan.Zero));

    protected abstract IOperatorStore Open();

    [Fact]
    public async Task WindowsGetTheirOwnIdsAndAreListedEarliestFirst()
    {
        using var store = Open();

        var later = await store.AddMaintenanceAsync(Night.AddDays(1), Night.AddDays(1).AddHours(2), "kernel update", "web01", CancellationToken.None);
        var earlier = await store.AddMaintenanceAsync(Night.AddMilliseconds(250), Night.AddHours(1), null, null, CancellationToken.None);

        Assert.NotEqual(later.Id, earlier.Id);
        Assert.Equal(("web01", (string?)null), (later.Host, earlier.Host));
        Assert.Equal([earlier, later], await store.ListMaintenanceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task RemovingAWindowRemovesOnlyItAndAnUnknownIdIsReportedAsNone()
    {
        using var store = Open();
        var keep = await store.AddMaintenanceAsync(Night, Night.AddHours(1), "a", null, CancellationToken.None);
        var drop = await store.AddMaintenanceAsync(Night.AddHours(5), Night.AddHours(6), "b", null, CancellationToken.None);

        Assert.True(await store.RemoveMaintenanceAsync(drop.Id, CancellationToken.None));
        Assert.False(await store.RemoveMaintenanceAsync(drop.Id, CancellationToken.None));
        Assert.False(await store.RemoveMaintenanceAsync(drop.Id + 1000, CancellationToken.None));
        Assert.Equal([keep], await store.ListMaintenanceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AKindAcceptedTwiceIsKeptOnceWithTheTimeOfTheFirstAcceptance()
    {
        using var store = Open();

        var first = await store.AcceptAsync("Service Control Manager/7045", CancellationToken.None);
        Clock.Advance(TimeSpan.FromHours(1));
        var again = await store.AcceptAsync("Service Control Manager/7045", CancellationToken.None);

        Assert.True(first);
        Assert.False(again);
        var accepted = Assert.Single(await store.ListAcceptedAsync(CancellationToken.None));
        Assert.Equal(new AcceptedKind("Service Control Manager/7045", new DateTime(2026, 3, 2, 9, 30, 15, 123, DateTimeKind.Utc)), accepted);
    }

    [Fact]
    public async Task AcceptedKindsAreListedInOrdinalOrderAndRemovalSaysWhetherTheKindWasAccepted()
    {
        using var store = Open();
        foreach (var kind in new[] { "b/1", "Zeta/3", "a/1", "B/2" })
        {
            await store.AcceptAsync(kind, CancellationToken.None);
        }

        Assert.True(await store.RemoveAcceptedAsync("a/1", CancellationToken.None));
        Assert.False(await store.RemoveAcceptedAsync("a/1", CancellationToken.None));
        Assert.False(await store.RemoveAcceptedAsync("A/1", CancellationToken.None));
        Assert.Equal(["B/2", "Zeta/3", "b/1"], (await store.ListAcceptedAsync(CancellationToken.None)).Select(k => k.Kind));
    }

    [Fact]
    public async Task FalseAlarmsOfTwoHostsAndOfEveryHostAtOneHourAreThreeRowsKeyedByHourAndHost()
    {
        using var store = Open();

        await store.AddFalseAlarmAsync(Night, "web02", "web02's deploy", CancellationToken.None);
        await store.AddFalseAlarmAsync(Night, "web01", "web01's backup", CancellationToken.None);
        await store.AddFalseAlarmAsync(Night, null, "fleet-wide patch", CancellationToken.None);
        await store.AddFalseAlarmAsync(Night, "web01", "web01's backup, again", CancellationToken.None);

        var alarms = await store.ListFalseAlarmsAsync(CancellationToken.None);
        Assert.Equal([(Night, (string?)null, "fleet-wide patch"), (Night, "web01", "web01's backup, again"), (Night, "web02", "web02's deploy")], alarms.Select(a => (a.Hour, a.Host, a.Note)));
    }

    [Fact]
    public async Task AnHourCalledAFalseAlarmAgainKeepsOneRowWithTheNewNote()
    {
        using var store = Open();

        await store.AddFalseAlarmAsync(Night.AddHours(3), null, "deploy", CancellationToken.None);
        await store.AddFalseAlarmAsync(Night, null, null, CancellationToken.None);
        Clock.Advance(TimeSpan.FromMinutes(5));
        await store.AddFalseAlarmAsync(Night.AddHours(3), null, "deploy, second try", CancellationToken.None);

        var alarms = await store.ListFalseAlarmsAsync(CancellationToken.None);
        Assert.Equal([Night, Night.AddHours(3)], alarms.Select(a => a.Hour));
        Assert.Null(alarms[0].Note);
        Assert.Equal("deploy, second try", alarms[1].Note);
        Assert.Equal(Clock.GetUtcNow().UtcDateTime, alarms[1].AddedAt);
    }

    [Fact]
    public async Task WhatOneConnectionSetAnotherReadsAndChanges()
    {
        using var one = Open();
        using var two = Open();

        var window = await one.AddMaintenanceAsync(Night, Night.AddHours(2), "switch swap", null, CancellationToken.None);
        await one.AcceptAsync("Contoso-Deploy/300", CancellationToken.None);
        await one.AddFalseAlarmAsync(Night.AddHours(1), null, "ours", CancellationToken.None);

        Assert.Equal([window], await two.ListMaintenanceAsync(CancellationToken.None));
        Assert.Equal(["Contoso-Deploy/300"], (await two.ListAcceptedAsync(CancellationToken.None)).Select(k => k.Kind));
        Assert.Equal([Night.AddHours(1)], (await two.ListFalseAlarmsAsync(CancellationToken.None)).Select(a => a.Hour));
        Assert.True(await two.RemoveMaintenanceAsync(window.Id, CancellationToken.None));
        Assert.Empty(await one.ListMaintenanceAsync(CancellationToken.None));
    }
}
