using Vigil.Pipeline.Fleet;
using Vigil.Pipeline.Operator;
using Vigil.Pipeline.Tests.Support;

namespace Vigil.Pipeline.Tests.Fleet;

/// <summary>In a fleet, a false alarm that names a host joins only that host's training; one that names none, every host's.</summary>
public sealed class FleetFalseAlarmTests : IDisposable
{
    private readonly Workspace _workspace = new(model: "vigil");

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task AFalseAlarmOfOneHostJoinsItsTrainingAndNotTheOtherHostsAndOneOfEveryHostJoinsBoth()
    {
        var fleet = new SimulatedFleet(hosts: 2);
        using var context = _workspace.Open();
        await fleet.StoreAsync(context.Store);
        var service = new FleetService(context);
        var (a, b) = (fleet.Hosts[0].Name, fleet.Hosts[1].Name);
        var before = await HoursLearntAsync(service, fleet);

        // Both hours are after the training week, at midday of a weekday: they hold events on both hosts (the fleet runs 8 days).
        using (var actions = new OperatorActions(context))
        {
            await actions.AddFalseAlarmAsync($"{fleet.WeekEnd.AddHours(12):yyyy-MM-dd HH:00:00}", a.ToUpperInvariant(), "A's backup", CancellationToken.None);
            await actions.AddFalseAlarmAsync($"{fleet.WeekEnd.AddHours(14):yyyy-MM-dd HH:00:00}", null, "fleet-wide patch", CancellationToken.None);
        }

        var after = await HoursLearntAsync(service, fleet);

        Assert.Equal(before[a] + 2, after[a]);
        Assert.Equal(before[b] + 1, after[b]);
    }

    private async Task<Dictionary<string, int>> HoursLearntAsync(FleetService service, SimulatedFleet fleet) =>
        (await service.SetupAsync(null, fleet.WeekEnd, false, _workspace.Warnings.Add, CancellationToken.None))
            .ToDictionary(o => o.Scope.Host, o => o.Trained!.HoursWithEvents, StringComparer.Ordinal);
}
