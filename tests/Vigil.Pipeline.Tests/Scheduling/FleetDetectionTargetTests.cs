using Microsoft.Extensions.Time.Testing;
using Vigil.Core.Detection;
using Vigil.Core.Windows;
using Vigil.Pipeline.Fleet;
using Vigil.Pipeline.Scheduling;
using Vigil.Pipeline.Tests.Support;

namespace Vigil.Pipeline.Tests.Scheduling;

public sealed class FleetDetectionTargetTests : IDisposable
{
    private readonly Workspace _workspace = new(model: "vigil");
    private readonly SimulatedFleet _fleet = new(hosts: 4, seed: 3);

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public Task TwoInstancesOnOneStoreScoreEveryHostHourExactlyOnce() => TwoInstancesScoreEveryHostHourOnceAsync(_workspace, _fleet);

    [Fact]
    public async Task HoursClaimedByAnInstanceThatDiedAreScoredByAnotherOnceTheLeaseRunsOut()
    {
        await StoreFleetAsync();
        var hours = HourRange.Ending(_fleet.End, 3);
        var clock = new FakeTimeProvider(_fleet.End.AddMinutes(5));
        using var context = new VigilContext(_workspace.Config, clock);
        var scope = new VerdictScope([Core.Events.HostSource.Compose(_fleet.Hosts[0].Name, _fleet.Hosts[0].Source)]).Key;
        Assert.True(await context.Store.TryClaimAsync(scope, hours.Start, "dead", clock.GetUtcNow().UtcDateTime, FleetDetectionTarget.Lease, CancellationToken.None));
        var survivor = new FleetDetectionTarget(context, _ => { }, "survivor");

        await survivor.ScoreAsync(hours, CancellationToken.None);
        var whileLeased = await context.Store.GetVerdictsAsync(scope, hours, CancellationToken.None);
        clock.Advance(FleetDetectionTarget.Lease + TimeSpan.FromMinutes(1));
        await survivor.ScoreAsync(hours, CancellationToken.None);
        var afterLease = await context.Store.GetVerdictsAsync(scope, hours, CancellationToken.None);

        Assert.Equal(2, whileLeased.Count);
        Assert.DoesNotContain(whileLeased, v => v.Hour.Summary.Hour == hours.Start);
        Assert.Equal(3, afterLease.Count);
    }

    [Fact]
    public async Task ALearningHostIsNotScoredAndItsHoursAreNotClaimedAgain()
    {
        using var context = _workspace.Open();
        await _fleet.StoreHostAsync(context.Store, _fleet.Hosts[0], _fleet.End.AddHours(-30), _fleet.End);
        var hours = HourRange.Ending(_fleet.End, 2);
        var target = new FleetDetectionTarget(context, _ => { }, "a");

        await target.ScoreAsync(hours, CancellationToken.None);

        var scope = new VerdictScope([Core.Events.HostSource.Compose(_fleet.Hosts[0].Name, _fleet.Hosts[0].Source)]).Key;
        Assert.Empty(await context.Store.GetVerdictsAsync(scope, hours, CancellationToken.None));
        Assert.False(await context.Store.TryClaimAsync(scope, hours.Start, "b", _fleet.End, FleetDetectionTarget.Lease, CancellationToken.None));
    }

    private const string SetupRunKind = "setup";

    /// <summary>Two instances (contexts, as two serve processes have) score the same hours of a fleet on one store.</summary>
    internal static async Task TwoInstancesScoreEveryHostHourOnceAsync(Workspace workspace, SimulatedFleet fleet)
    {
        using (var store = workspace.Open())
        {
            await fleet.StoreAsync(store.Store);
        }

        var hours = HourRange.Ending(fleet.End, 6);
        var clock = new FakeTimeProvider(fleet.End.AddMinutes(5));
        using var first = new VigilContext(workspace.Config, clock);
        using var second = new VigilContext(workspace.Config, clock);

        await Task.WhenAll(
            Task.Run(() => new FleetDetectionTarget(first, _ => { }, "a").ScoreAsync(hours, CancellationToken.None)),
            Task.Run(() => new FleetDetectionTarget(second, _ => { }, "b").ScoreAsync(hours, CancellationToken.None)));

        using var context = workspace.Open();
        var runs = await context.Store.GetRunsAsync(1000, CancellationToken.None);
        foreach (var host in fleet.Hosts)
        {
            var scope = Core.Events.HostSource.Compose(host.Name, host.Source);
            var scored = runs.Where(r => r.Kind == DetectService.RunKind && r.Source == scope && r.Outcome?.Succeeded == true)
                .SelectMany(r => Enumerable.Range(0, r.Range.Hours).Select(i => r.Range.Start.AddHours(i))).ToList();
            Assert.Equal(hours.Hours, scored.Count);
            Assert.Equal(hours.Hours, scored.Distinct().Count());
            Assert.Equal(hours.Hours, (await context.Store.GetVerdictsAsync(new VerdictScope([scope]).Key, hours, CancellationToken.None)).Count);
        }

        Assert.Contains(runs, r => r.Kind == SetupRunKind);
        Assert.Equal(fleet.Hosts.Count, runs.Count(r => r.Kind == SetupRunKind && r.Outcome?.Succeeded == true));
    }

    private async Task StoreFleetAsync()
    {
        using var context = _workspace.Open();
        await _fleet.StoreAsync(context.Store);
    }
}
