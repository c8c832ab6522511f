using System.Net;
using System.Text.Json;
using Vigil.Api.Tests.Support;
using Vigil.Pipeline;
using Vigil.Pipeline.Fleet;

namespace Vigil.Api.Tests.Fleet;

/// <summary>A fleet pushed into the store, set up and scored for all hosts: the API shows each host's state and hours.</summary>
public sealed class HostsApiTests
{
    [Fact]
    public async Task HostsShowsTheHostWithTheIncidentAnomalousTheOthersOkAndTheNewcomerLearning()
    {
        await using var server = await RunningServer.EmptyAsync();
        var fleet = await ScoredFleetAsync(server);

        var hosts = (await server.GetJsonAsync("/hosts")).EnumerateArray().ToDictionary(h => h.GetProperty("host").GetString()!);

        Assert.Equal(fleet.Hosts.Select(h => h.Name).Order(), hosts.Keys.Order());
        Assert.Equal("anomalous", hosts["app04"].GetProperty("state").GetString());
        Assert.NotEqual(JsonValueKind.Null, hosts["app04"].GetProperty("last_anomaly").ValueKind);
        var newcomer = hosts[fleet.Hosts[^1].Name];
        Assert.Equal(("learning", 72), (newcomer.GetProperty("state").GetString(), newcomer.GetProperty("learning_hours").GetInt32()));
        Assert.True(newcomer.GetProperty("events_per_hour").GetDouble() > 0);
        var others = hosts.Values.Where(h => h.GetProperty("host").GetString() is not "app04" && h.GetProperty("host").GetString() != fleet.Hosts[^1].Name).ToList();
        Assert.Equal(fleet.Hosts.Count - 2, others.Count);
        Assert.All(others, h => Assert.Equal("ok", h.GetProperty("state").GetString()));
        Assert.All(others, h => Assert.Equal(24, h.GetProperty("sparkline").GetArrayLength()));
        Assert.All(others, h => Assert.Equal(168, h.GetProperty("learning_hours").GetInt32()));
        Assert.All(others, h => Assert.Equal("2026-03-09T23:00:00Z", h.GetProperty("last_verdict").GetString()));
    }

    [Fact]
    public async Task HoursAndAnomaliesOfOneHostNameItsSourceAndAnUnknownHostIs404()
    {
        await using var server = await RunningServer.EmptyAsync();
        var fleet = await ScoredFleetAsync(server);

        var hours = (await server.GetJsonAsync("/hours?host=app04")).EnumerateArray().ToList();
        var anomalies = (await server.GetJsonAsync("/anomalies?host=app04")).EnumerateArray().ToList();
        var quiet = (await server.GetJsonAsync("/anomalies?host=web01")).EnumerateArray().ToList();
        using var unknown = await server.Client.GetAsync("/hours?host=nosuch01");

        Assert.Equal(168, hours.Count);
        Assert.All(hours, h => Assert.Equal(("app04", "syslog"), (h.GetProperty("host").GetString(), h.GetProperty("source").GetString())));
        Assert.Equal(24, hours.Count(h => h.GetProperty("scored").GetBoolean()));
        Assert.NotEmpty(anomalies);
        Assert.All(anomalies, a => Assert.Equal("app04", a.GetProperty("host").GetString()));
        Assert.All(anomalies, a => Assert.True(string.CompareOrdinal(a.GetProperty("hour_timestamp").GetString(), "2026-03-09 21:00:00") >= 0));
        Assert.Empty(quiet);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    /// <summary>8 hosts with 8 days, one that joined 3 days ago, an incident on app04 in the last 3 hours; set up on the first week, the last day scored.</summary>
    internal static async Task<SimulatedFleet> ScoredFleetAsync(RunningServer server)
    {
        var fleet = new SimulatedFleet(hosts: 9, seed: 5);
        fleet.InjectIncident("app04", lastHours: 3);
        using var context = new VigilContext(server.Config);
        foreach (var host in fleet.Hosts)
        {
            await fleet.StoreHostAsync(context.Store, host, host == fleet.Hosts[^1] ? fleet.End.AddHours(-72) : SimulatedFleet.Start, fleet.End);
        }

        var service = new FleetService(context);
        await service.SetupAsync(null, fleet.WeekEnd, false, _ => { }, CancellationToken.None);
        await service.DetectAsync(null, fleet.End, 24, _ => { }, CancellationToken.None);
        return fleet;
    }
}
