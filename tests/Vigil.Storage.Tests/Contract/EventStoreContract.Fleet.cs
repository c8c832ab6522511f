using Vigil.Core.Events;
using Vigil.Core.Windows;
using Vigil.Storage;

namespace Vigil.Storage.Tests.Contract;

/// <summary>What a fleet and several instances on one store need: the stored sources and the scoring claims.</summary>
public abstract partial class EventStoreContract
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task TheStoredSourcesAreListedWithTheirCountsAndSpans()
    {
        using var store = Open();
        var web = HostSource.Compose("web01", "syslog");
        await store.AddEventsAsync(web, [Event("1", Noon), Event("2", Noon.AddDays(2)), Event("3", Noon.AddHours(1))], null, CancellationToken.None);
        await store.AddEventsAsync(web, [Event("1", Noon)], null, CancellationToken.None);
        await store.AddEventsAsync("journald", [Event("j", Noon.AddMinutes(7))], "cursor", CancellationToken.None);

        var sources = await store.GetSourcesAsync(CancellationToken.None);

        Assert.Equal(
            [new SourceSummary(web, 3, Noon, Noon.AddDays(2)), new SourceSummary("journald", 1, Noon.AddMinutes(7), Noon.AddMinutes(7))],
            sources.OrderBy(s => s.Name, StringComparer.Ordinal));
    }

    [Fact]
    public async Task OfTwoInstancesClaimingTheSameHourAtOnceExactlyOneWins()
    {
        using var one = Open();
        using var two = Open();

        for (var h = 0; h < 20; h++)
        {
            var hour = Noon.AddHours(h);
            var results = await Task.WhenAll(
                Task.Run(() => one.TryClaimAsync("host:web01/syslog", hour, "serve-a", Noon, Lease, CancellationToken.None)),
                Task.Run(() => two.TryClaimAsync("host:web01/syslog", hour, "serve-b", Noon, Lease, CancellationToken.None)));

            Assert.Equal(1, results.Count(won => won));
        }
    }

    [Fact]
    public async Task AClaimWhoseLeaseRanOutIsTakenOverAndACompletedOneNever()
    {
        using var store = Open();
        const string Scope = "host:web01/syslog";

        Assert.True(await store.TryClaimAsync(Scope, Noon, "serve-a", Noon, Lease, CancellationToken.None));
        Assert.False(await store.TryClaimAsync(Scope, Noon, "serve-b", Noon.AddMinutes(9), Lease, CancellationToken.None));
        Assert.True(await store.TryClaimAsync(Scope, Noon, "serve-a", Noon.AddMinutes(9), Lease, CancellationToken.None));
        Assert.True(await store.TryClaimAsync(Scope, Noon, "serve-b", Noon.AddMinutes(20), Lease, CancellationToken.None));
        Assert.False(await store.CompleteClaimAsync(Scope, Noon, "serve-a", CancellationToken.None));
        Assert.True(await store.CompleteClaimAsync(Scope, Noon, "serve-b", CancellationToken.None));
        Assert.False(await store.TryClaimAsync(Scope, Noon, "serve-a", Noon.AddDays(1), Lease, CancellationToken.None));
        Assert.True(await store.TryClaimAsync("host:web02/syslog", Noon, "serve-a", Noon.AddDays(1), Lease, CancellationToken.None));
    }

    [Fact]
    public async Task TwoInstancesStoringTheSameBatchAtOnceStoreItOnce()
    {
        using var one = Open();
        using var two = Open();
        var batch = Enumerable.Range(0, 500).Select(i => Event("k" + i, Noon.AddSeconds(i))).ToList();

        var added = await Task.WhenAll(
            Task.Run(() => one.AddEventsAsync("host:web01/otlp", batch, "a", CancellationToken.None)),
            Task.Run(() => two.AddEventsAsync("host:web01/otlp", batch, "b", CancellationToken.None)));

        Assert.Equal(500, added.Sum());
        Assert.Equal(500, Assert.Single(await one.GetSourcesAsync(CancellationToken.None)).Events);
        Assert.Equal(500, (await ReadAllAsync(two, ["host:web01/otlp"], new HourRange(Noon, Noon.AddHours(1)))).Count);
    }
}
