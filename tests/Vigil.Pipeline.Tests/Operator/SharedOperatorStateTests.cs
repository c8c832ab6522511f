using Vigil.Collectors.Demo;
using Vigil.Pipeline.Alerting;
using Vigil.Pipeline.Configuration;
using Vigil.Pipeline.Operator;
using Vigil.Pipeline.Tests.Support;

namespace Vigil.Pipeline.Tests.Operator;

/// <summary>
/// Two instances on one PostgreSQL database, each with its own data folder (its own SQLite file), as two <c>vigil
/// serve</c> hosts have: what the operator tells one of them, the other's detect runs honour; the incidents one opens,
/// the other lists. (They share the models folder only to train once.)
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SharedOperatorStateTests : IDisposable
{
    private static readonly DateTime Install = DemoScenario.TrainingEnd.AddHours(5);
    private readonly Workspace _first = new(model: "vigil");
    private readonly Workspace _second = new(model: "vigil");

    public SharedOperatorStateTests(PostgresServer server)
    {
        var shared = new StoreSettings(StoreKind.Postgresql, server.CreateDatabase(), 0);
        _first.Config = _first.Config with { Store = shared };
        _second.Config = _first.Config with { Vigil = _first.Config.Vigil with { DataDir = Path.Combine(_second.Dir, "data") } };
    }

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
    }

    [Fact]
    public async Task AMaintenanceWindowSetThroughOneInstanceSuppressesTheOthersPage()
    {
        await _first.WriteDemoCsvAsync();
        await _first.SetupAsync();
        var incident = DemoScenario.IncidentHours[1];
        using (var actions = new OperatorActions(_first.Config))
        {
            await actions.AddMaintenanceAsync($"{incident:yyyy-MM-ddTHH:mm}Z", $"{incident.AddHours(1):yyyy-MM-ddTHH:mm}Z", "disk swap", CancellationToken.None);
        }

        var report = await _second.DetectAsync();

        var hour = Assert.Single(report.Hours, h => h.Summary.Hour == incident);
        Assert.True(hour.IsAnomaly);
        Assert.True(hour.Suppressed);
        Assert.Equal([DemoScenario.IncidentHours[0], DemoScenario.IncidentHours[2]], report.Anomalies.Select(h => h.Summary.Hour));
    }

    [Fact]
    public async Task AKindAcceptedThroughOneInstanceIsNoLongerFlaggedByTheOther()
    {
        await _first.WriteDemoCsvAsync();
        await _first.AppendToDemoCsvAsync($"{Install.AddMinutes(12):yyyy-MM-ddTHH:mm:ssZ},Information,7045,Service Control Manager,System,WIN-SRV01.corp.example,A service was installed in the system.,900001");
        await _first.SetupAsync();
        var before = await _second.DetectAsync();
        using (var actions = new OperatorActions(_first.Config))
        {
            await actions.AcceptAsync("service control manager/7045", CancellationToken.None);
        }

        var after = await _second.DetectAsync();

        Assert.True(Assert.Single(before.Hours, h => h.Summary.Hour == Install).IsAnomaly);
        Assert.False(Assert.Single(after.Hours, h => h.Summary.Hour == Install).IsAnomaly);
        Assert.Equal(DemoScenario.IncidentHours, after.Anomalies.Select(h => h.Summary.Hour));
    }

    [Fact]
    public async Task AFalseAlarmCalledThroughOneInstanceJoinsTheOthersNextTraining()
    {
        await _first.WriteDemoCsvAsync();
        await _first.AppendToDemoCsvAsync([.. Enumerable.Range(0, 6).Select(i =>
            $"{Install.AddMinutes(10 + i):yyyy-MM-ddTHH:mm:ssZ},Information,300,Contoso-Deploy,Application,WIN-SRV01.corp.example,Deployment step {i} finished.,90010{i}")]);
        await _first.SetupAsync();
        var before = await _second.DetectAsync();
        using (var actions = new OperatorActions(_first.Config))
        {
            await actions.AddFalseAlarmAsync($"{Install:yyyy-MM-dd HH:00:00}", "our deploy tool", CancellationToken.None);
        }

        await _second.SetupAsync();
        var after = await _second.DetectAsync();

        Assert.True(Assert.Single(before.Hours, h => h.Summary.Hour == Install).IsAnomaly);
        Assert.False(Assert.Single(after.Hours, h => h.Summary.Hour == Install).IsAnomaly);
    }

    [Fact]
    public async Task TheIncidentOneInstanceOpensTheOtherListsAndAcknowledges()
    {
        await _first.WriteDemoCsvAsync();
        await _first.SetupAsync();

        await _second.DetectAsync();
        using var book = new IncidentBook(_first.Config);
        var incident = Assert.Single(await book.ListAsync(openOnly: false, 10, CancellationToken.None));
        await book.AcknowledgeAsync(incident.Id, "on it", CancellationToken.None);

        using var other = new IncidentBook(_second.Config);
        var seen = Assert.Single(await other.ListAsync(openOnly: false, 10, CancellationToken.None));
        Assert.Equal(DemoScenario.IncidentHours[0], incident.FirstHour);
        Assert.Equal((incident.Id, "on it"), (seen.Id, seen.AcknowledgedNote));
    }
}
