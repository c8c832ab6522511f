using Vigil.Pipeline.Fleet;
using Vigil.Pipeline.Operator;
using Vigil.Pipeline.Tests.Support;

namespace Vigil.Pipeline.Tests.Fleet;

/// <summary>In a fleet, a maintenance window that names a host suppresses that host's pages only.</summary>
public sealed class FleetMaintenanceTests : IDisposable
{
    private readonly Workspace _workspace = new(model: "vigil");

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task AWindowOfAnotherHostLeavesTheIncidentPagingAndOneOfItsHostSuppressesIt()
    {
        var fleet = new SimulatedFleet(hosts: 2);
        var (victim, other) = (fleet.Hosts[0].Name, fleet.Hosts[1].Name);
        fleet.InjectIncident(victim, lastHours: 3);
        using var context = _workspace.Open();
        await fleet.StoreAsync(context.Store);
        var service = new FleetService(context);
        await service.SetupAsync(null, fleet.WeekEnd, false, _workspace.Warnings.Add, CancellationToken.None);
        var (from, to) = ($"{fleet.Incident!.Value.From:yyyy-MM-ddTHH:mm}Z", $"{fleet.Incident.Value.To:yyyy-MM-ddTHH:mm}Z");
        using var actions = new OperatorActions(context);

        await actions.AddMaintenanceAsync(from, to, "other's disk swap", other, CancellationToken.None);
        var othersWindow = await VictimAsync();
        await actions.AddMaintenanceAsync(from, to, "victim's disk swap", victim.ToUpperInvariant(), CancellationToken.None);
        var ownWindow = await VictimAsync();

        Assert.Equal(ScopeState.Anomalous, othersWindow.State);
        Assert.DoesNotContain(othersWindow.Report!.Hours, h => h.Suppressed);
        Assert.Equal(ScopeState.Ok, ownWindow.State);
        Assert.Equal(othersWindow.Report.Anomalies.Select(h => h.Summary.Hour), ownWindow.Report!.Hours.Where(h => h.IsAnomaly && h.Suppressed).Select(h => h.Summary.Hour));

        async Task<ScopeOutcome> VictimAsync() =>
            (await service.DetectAsync(null, fleet.End, 24, _workspace.Warnings.Add, CancellationToken.None)).Single(o => o.Scope.Host == victim);
    }
}
