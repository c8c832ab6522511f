using Vigil.Collectors.Demo;
using Vigil.Core.Detection;
using Vigil.Pipeline.Operator;
using Vigil.Pipeline.Tests.Support;

namespace Vigil.Pipeline.Tests.Operator;

/// <summary>Maintenance windows and accepted kinds through the real road: a SQLite store, setup, detect, stored verdicts.</summary>
public sealed class OperatorKnowledgeTests : IDisposable
{
    private static readonly DateTime Install = DemoScenario.TrainingEnd.AddHours(5);
    private readonly Workspace _workspace = new(model: "vigil");

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task AcceptingTheOnlyKindBehindAFlaggedHourUnflagsItOnTheNextDetect()
    {
        await _workspace.WriteDemoCsvAsync();
        await _workspace.AppendToDemoCsvAsync($"{Install.AddMinutes(12):yyyy-MM-ddTHH:mm:ssZ},Information,7045,Service Control Manager,System,WIN-SRV01.corp.example,A service was installed in the system.,900001");
        await _workspace.SetupAsync();

        var before = await _workspace.DetectAsync();
        using (var actions = new OperatorActions(_workspace.Config))
        {
            await actions.AcceptAsync("Service Control Manager/7045", CancellationToken.None);
        }

        var after = await _workspace.DetectAsync();

        var flagged = Assert.Single(before.Hours, h => h.Summary.Hour == Install);
        Assert.True(flagged.IsAnomaly);
        Assert.Contains("never seen before: Service Control Manager/7045 x1 (a service was installed)", flagged.Reasons);
        Assert.False(Assert.Single(after.Hours, h => h.Summary.Hour == Install).IsAnomaly);
        Assert.Equal(DemoScenario.IncidentHours, after.Anomalies.Select(h => h.Summary.Hour));
    }

    [Fact]
    public async Task AMaintenanceWindowSuppressesTheAlertButKeepsTheVerdict()
    {
        await _workspace.WriteDemoCsvAsync();
        await _workspace.SetupAsync();
        var incident = DemoScenario.IncidentHours[1];
        using (var actions = new OperatorActions(_workspace.Config))
        {
            await actions.AddMaintenanceAsync($"{incident:yyyy-MM-ddTHH:mm}Z", $"{incident.AddHours(1):yyyy-MM-ddTHH:mm}Z", "disk swap", CancellationToken.None);
        }

        var report = await _workspace.DetectAsync();
        IReadOnlyList<Vigil.Storage.StoredVerdict> stored;
        using (var context = _workspace.Open())
        {
            stored = await context.Store.GetVerdictsAsync(new VerdictScope([report.Sources]).Key, new Core.Windows.HourRange(incident, incident.AddHours(1)), CancellationToken.None);
        }

        var hour = Assert.Single(report.Hours, h => h.Summary.Hour == incident);
        Assert.True(hour.IsAnomaly);
        Assert.True(hour.Suppressed);
        Assert.DoesNotContain(incident, report.Anomalies.Select(h => h.Summary.Hour));
        Assert.Equal(2, report.Anomalies.Count);
        var verdict = Assert.Single(stored).Hour;
        Assert.True(verdict.IsAnomaly);
        Assert.True(verdict.Suppressed);
        Assert.Contains(verdict.Reasons, r => r.StartsWith("suppressed: maintenance window #1", StringComparison.Ordinal) && r.EndsWith("disk swap", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnHourCalledAFalseAlarmJoinsTheBaselineAtTheNextTraining()
    {
        await _workspace.WriteDemoCsvAsync();
        await _workspace.AppendToDemoCsvAsync($"{Install.AddMinutes(12):yyyy-MM-ddTHH:mm:ssZ},Information,7045,Service Control Manager,System,WIN-SRV01.corp.example,A service was installed in the system.,900001");
        await _workspace.SetupAsync();
        var before = await _workspace.DetectAsync();
        await _workspace.SetupAsync();
        var retrainedWithoutFeedback = await _workspace.DetectAsync();
        using (var actions = new OperatorActions(_workspace.Config))
        {
            await actions.AddFalseAlarmAsync($"{Install:yyyy-MM-dd HH:00:00}", "our deploy tool", CancellationToken.None);
        }

        var setup = await _workspace.SetupAsync();
        var after = await _workspace.DetectAsync();

        Assert.True(Assert.Single(before.Hours, h => h.Summary.Hour == Install).IsAnomaly);
        Assert.True(Assert.Single(retrainedWithoutFeedback.Hours, h => h.Summary.Hour == Install).IsAnomaly);
        Assert.False(Assert.Single(after.Hours, h => h.Summary.Hour == Install).IsAnomaly);
        Assert.Equal(DemoScenario.TrainingEnd, setup.Model.TrainingTo);
    }

    [Theory]
    [InlineData("yesterday", "2026-03-01T03:00Z")]
    [InlineData("2026-03-01T03:00Z", "2026-03-01T02:00Z")]
    public async Task ABadWindowIsRefusedWithOneLine(string from, string to)
    {
        using var actions = new OperatorActions(_workspace.Config);

        var error = await Assert.ThrowsAsync<PipelineException>(() => actions.AddMaintenanceAsync(from, to, null, CancellationToken.None));

        Assert.DoesNotContain('\n', error.Message);
        Assert.Empty(await actions.ListMaintenanceAsync(CancellationToken.None));
    }
}
