using System.Globalization;
using System.Text.Json;
using Vigil.Cli.Tests.Support;
using Vigil.Storage;

namespace Vigil.Cli.Tests.Commands.Fleet;

/// <summary>
/// A new user with a fleet pushing into Vigil: 20 hosts of very different normals with 8 days of logs, one that joined
/// two days ago, one host with an incident in the last hours; setup and detect for all hosts through the real binary.
/// </summary>
public sealed class FleetCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-fleet-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task SetupAndDetectForAllHostsFlagExactlyTheHostWithTheIncident()
    {
        var fleet = new SimulatedFleet(hosts: 21, seed: 11);
        fleet.InjectIncident("web13", lastHours: 3);
        var newcomer = fleet.Hosts[^1];
        using (var store = SqliteEventStore.Open(Path.Combine(_dir, "data", "vigil.db")))
        {
            foreach (var host in fleet.Hosts)
            {
                await fleet.StoreHostAsync(store, host, host == newcomer ? fleet.End.AddHours(-72) : SimulatedFleet.Start, fleet.End);
            }
        }

        var setup = await VigilProcess.RunAsync(_dir, "setup", "--all-hosts", "--now", Iso(fleet.WeekEnd), "--json");
        var detect = await VigilProcess.RunAsync(_dir, "detect", "--all-hosts", "--now", Iso(fleet.End), "--hours", "24", "--json");

        Assert.True(setup.ExitCode == 0, setup.Error);
        var scopes = JsonDocument.Parse(setup.Out).RootElement.EnumerateArray().ToList();
        Assert.Equal(21, scopes.Count);
        var learning = Assert.Single(scopes, s => s.GetProperty("state").GetString() == "learning");
        Assert.Equal((newcomer.Name, 48), (learning.GetProperty("host").GetString(), learning.GetProperty("learning_hours").GetInt32()));
        Assert.Equal(20, scopes.Count(s => s.GetProperty("state").GetString() == "ok" && File.Exists(Path.Combine(_dir, s.GetProperty("model_path").GetString()!))));

        Assert.True(detect.ExitCode == 1, detect.Error);
        var rows = JsonDocument.Parse(detect.Out).RootElement.EnumerateArray().ToList();
        Assert.Equal(20 * 24, rows.Count);
        Assert.Equal(20, rows.Select(r => r.GetProperty("host").GetString()).Distinct().Count());
        var flagged = rows.Where(r => r.GetProperty("is_anomaly").GetBoolean()).ToList();
        Assert.NotEmpty(flagged);
        Assert.All(flagged, r => Assert.Equal("web13", r.GetProperty("host").GetString()));
        Assert.All(flagged, r => Assert.Equal("syslog", r.GetProperty("source").GetString()));
        Assert.Contains($"host:{newcomer.Name}/{newcomer.Source}: learning (48 of 168 hours), not scored yet", detect.Error);

        // `vigil status` counts the hosts by state, as /hosts sees them.
        var status = await VigilProcess.RunAsync(_dir, "status", "--json");
        Assert.True(status.ExitCode == 0, status.Error);
        var hosts = JsonDocument.Parse(status.Out).RootElement.GetProperty("hosts");
        Assert.Equal((21, 1, 1, 19), (hosts.GetProperty("total").GetInt32(), hosts.GetProperty("anomalous").GetInt32(), hosts.GetProperty("learning").GetInt32(), hosts.GetProperty("ok").GetInt32()));
    }

    [Fact]
    public async Task HostOptionsAreRefusedWithSourceOrTogetherAndAnUnknownHostIsExit2()
    {
        var both = await VigilProcess.RunAsync(_dir, "detect", "--all-hosts", "--host", "web01");
        var withSource = await VigilProcess.RunAsync(_dir, "setup", "--all-hosts", "--source", "demo");
        var empty = await VigilProcess.RunAsync(_dir, "detect", "--all-hosts", "--now", "2026-03-10T00:00:00Z");

        Assert.Equal(2, both.ExitCode);
        Assert.Contains("--host and --all-hosts exclude each other", both.Error);
        Assert.Equal(2, withSource.ExitCode);
        Assert.Contains("--source names local sources", withSource.Error);
        Assert.Equal(2, empty.ExitCode);
        Assert.Contains("no host has pushed logs", empty.Error);
        Assert.DoesNotContain("   at ", empty.Error);
    }

    private static string Iso(DateTime time) => time.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
