using Vigil.Pipeline.Fleet;
using Vigil.Pipeline.Tests.Support;

namespace Vigil.Pipeline.Tests.Fleet;

/// <summary>A fleet of hosts whose normal differs a lot: setup for all, detect for all, and only the host with the incident is flagged.</summary>
public sealed class FleetIncidentTests : IDisposable
{
    private readonly Workspace _workspace = new(model: "vigil");

    public void Dispose() => _workspace.Dispose();

    [Theory]
    [InlineData(7, "db02")]
    [InlineData(11, "web13")]
    public async Task OnlyTheHostWithTheIncidentIsFlaggedAmongTwentyDifferentHosts(int seed, string victim)
    {
        var fleet = new SimulatedFleet(hosts: 20, seed: seed);
        fleet.InjectIncident(victim, lastHours: 3);
        using var context = _workspace.Open();
        await fleet.StoreAsync(context.Store);
        var service = new FleetService(context);

        await service.SetupAsync(null, fleet.WeekEnd, false, _workspace.Warnings.Add, CancellationToken.None);
        var outcomes = await service.DetectAsync(null, fleet.End, 24, _workspace.Warnings.Add, CancellationToken.None);

        var flagged = outcomes.Where(o => o.State == ScopeState.Anomalous).ToList();
        Assert.True(flagged.Count == 1, "flagged: " + string.Join("; ", flagged.Select(o => $"{o.Scope.Host} {string.Join(" | ", o.Report!.Anomalies.SelectMany(h => h.Reasons))}")));
        Assert.Equal(victim, flagged[0].Scope.Host);
        Assert.All(flagged[0].Report!.Anomalies, h => Assert.True(h.Summary.Hour >= fleet.Incident!.Value.From));
        Assert.Equal(19, outcomes.Count(o => o.State == ScopeState.Ok));
    }
}
