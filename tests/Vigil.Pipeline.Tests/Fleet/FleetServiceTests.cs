using Vigil.Core.Events;
using Vigil.Pipeline.Fleet;
using Vigil.Pipeline.Tests.Support;

namespace Vigil.Pipeline.Tests.Fleet;

public sealed class FleetServiceTests : IDisposable
{
    private readonly Workspace _workspace = new(model: "vigil");

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task EachHostScopeTrainsItsOwnModelAndTheSingleHostModelFileIsLeftAlone()
    {
        var fleet = new SimulatedFleet(hosts: 3);
        using var context = _workspace.Open();
        await fleet.StoreAsync(context.Store);

        var outcomes = await new FleetService(context).SetupAsync(null, fleet.WeekEnd, false, _workspace.Warnings.Add, CancellationToken.None);

        Assert.Equal(fleet.Hosts.Select(h => h.Name).Order(), outcomes.Select(o => o.Scope.Host));
        Assert.All(outcomes, o => Assert.Equal(ScopeState.Ok, o.State));
        var paths = outcomes.Select(o => o.Trained!.ModelPath).ToList();
        Assert.Equal(paths.Count, paths.Distinct().Count());
        Assert.All(paths, p => Assert.StartsWith(Path.Combine(_workspace.Config.Vigil.ModelsDir, "hosts", string.Empty), p));
        Assert.All(outcomes, o => Assert.Equal(o.Scope.Name, o.Trained!.Model.Source));
        Assert.False(File.Exists(_workspace.Config.Vigil.ModelPath));
    }

    [Fact]
    public async Task AHostShortOfAWeekIsLearningAndOneThatReachesAWeekIsTrainedByDetectWithoutSetup()
    {
        var fleet = new SimulatedFleet(hosts: 2);
        using var context = _workspace.Open();
        await fleet.StoreHostAsync(context.Store, fleet.Hosts[0], SimulatedFleet.Start, fleet.End);
        await fleet.StoreHostAsync(context.Store, fleet.Hosts[1], fleet.End.AddHours(-100), fleet.End);
        var service = new FleetService(context);

        var outcomes = await service.DetectAsync(null, fleet.End, 24, _workspace.Warnings.Add, CancellationToken.None);

        var trained = outcomes.Single(o => o.Scope.Host == fleet.Hosts[0].Name);
        Assert.NotNull(trained.Trained);
        Assert.Equal(fleet.End.AddHours(-24), trained.Trained.Model.TrainingTo);
        Assert.Equal(24, trained.Report!.Hours.Count);
        var learning = outcomes.Single(o => o.Scope.Host == fleet.Hosts[1].Name);
        Assert.Equal((ScopeState.Learning, 76), (learning.State, learning.LearningHours));
        Assert.Equal("learning (76 of 168 hours)", learning.Describe());
        Assert.Null(learning.Report);
        Assert.False(context.ModelsFor(learning.Scope.Name).Exists);
    }

    [Fact]
    public async Task AHostWithAWeekTooSparseToLearnFromStaysLearningWithTheReason()
    {
        using var context = _workspace.Open();
        var source = HostSource.Compose("quiet01", "syslog");
        // One event a day for 8 days: a week, but 7 of 168 hours hold events (min_training_hours is 48).
        var events = Enumerable.Range(0, 8).Select(d => new LogEvent(SimulatedFleet.Start.AddDays(d).AddHours(3), 4, 7, "cron", "syslog", "quiet01", "daily", $"k{d}")).ToList();
        await context.Store.AddEventsAsync(source, events, null, CancellationToken.None);

        var outcome = Assert.Single(await new FleetService(context).DetectAsync(null, SimulatedFleet.Start.AddDays(8), 1, _workspace.Warnings.Add, CancellationToken.None));

        Assert.Equal((ScopeState.Learning, 168), (outcome.State, outcome.LearningHours));
        Assert.Contains("min_training_hours", outcome.Note);
        Assert.Null(outcome.Error);
    }

    [Fact]
    public async Task DetectForOneHostScoresOnlyThatHostAndAnUnknownHostIsOneLine()
    {
        var fleet = new SimulatedFleet(hosts: 3);
        using var context = _workspace.Open();
        await fleet.StoreAsync(context.Store);
        var service = new FleetService(context);

        var outcome = Assert.Single(await service.DetectAsync(fleet.Hosts[1].Name.ToUpperInvariant(), fleet.End, 6, _workspace.Warnings.Add, CancellationToken.None));
        var unknown = await Assert.ThrowsAsync<PipelineException>(() => service.DetectAsync("nosuch01", fleet.End, 6, _ => { }, CancellationToken.None));

        Assert.Equal(fleet.Hosts[1].Name, outcome.Scope.Host);
        Assert.Equal(6, outcome.Report!.Hours.Count);
        Assert.Contains("nosuch01", unknown.Message);
        Assert.DoesNotContain('\n', unknown.Message);
    }

    [Fact]
    public async Task VerdictsAreKeptPerHostScope()
    {
        var fleet = new SimulatedFleet(hosts: 2);
        using var context = _workspace.Open();
        await fleet.StoreAsync(context.Store);

        var outcomes = await new FleetService(context).DetectAsync(null, fleet.End, 4, _workspace.Warnings.Add, CancellationToken.None);

        foreach (var outcome in outcomes)
        {
            var stored = await context.Store.GetVerdictsAsync(new Core.Detection.VerdictScope([outcome.Scope.Name]).Key, outcome.Report!.Range, CancellationToken.None);
            Assert.Equal(outcome.Report.Hours.Select(h => h.Summary.TotalEvents), stored.Select(v => v.Hour.Summary.TotalEvents));
        }
    }

    [Fact]
    public async Task AnAlertNamesTheHostTheEventsCameFromAndLinksToItsPage()
    {
        var config = _workspace.Config;
        _workspace.Config = config with
        {
            Alerts = config.Alerts with { EnableWebhook = true, PublicUrl = "https://vigil.example/" },
            Webhook = new Vigil.Pipeline.Configuration.WebhookSettings("http://127.0.0.1:9/hook", "secret"),
        };
        var fleet = new SimulatedFleet(hosts: 2);
        fleet.InjectIncident(fleet.Hosts[1].Name, lastHours: 2);
        using var context = _workspace.Open();
        await fleet.StoreAsync(context.Store);
        var service = new FleetService(context);
        await service.SetupAsync(null, fleet.WeekEnd, false, _workspace.Warnings.Add, CancellationToken.None);

        await service.DetectAsync(null, fleet.End, 6, _workspace.Warnings.Add, CancellationToken.None);

        using var outbox = Vigil.Storage.Outbox.SqliteAlertOutbox.Open(_workspace.Config.Vigil.StorePath);
        var alert = Assert.Single(await outbox.ListAsync(null, 10, CancellationToken.None));
        Assert.Equal(HostSource.Compose(fleet.Hosts[1].Name, "syslog"), alert.Source);
        Assert.Contains($"\"Host\":\"{fleet.Hosts[1].Name}\"", alert.Payload);
        Assert.Contains($"https://vigil.example/fleet.html?host={fleet.Hosts[1].Name}", alert.Payload);
    }
}
