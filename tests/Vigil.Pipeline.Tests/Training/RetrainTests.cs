using Vigil.Collectors.Demo;
using Vigil.Core.Windows;
using Vigil.Pipeline.Operator;
using Vigil.Pipeline.Tests.Support;

namespace Vigil.Pipeline.Tests.Training;

/// <summary>Retraining on the latest clean week: flagged hours stay out of the baseline, false alarms join it, new kinds become known.</summary>
public sealed class RetrainTests : IDisposable
{
    // A deploy tool's first run, on the detection day: a burst of a kind never seen in training pages.
    private static readonly DateTime Deploy = DemoScenario.TrainingEnd.AddHours(5);
    private readonly Workspace _workspace = new(model: "vigil");

    public void Dispose() => _workspace.Dispose();

    private async Task<DetectReport> TrainAndDetectWithADeployAsync()
    {
        await _workspace.WriteDemoCsvAsync();
        await _workspace.AppendToDemoCsvAsync([.. Enumerable.Range(0, 6).Select(i =>
            $"{Deploy.AddMinutes(10 + i):yyyy-MM-ddTHH:mm:ssZ},Information,300,Contoso-Deploy,Application,WIN-SRV01.corp.example,Deployment step {i} finished.,90010{i}")]);
        await _workspace.SetupAsync();
        return await _workspace.DetectAsync();
    }

    private async Task<SetupResult> RetrainAsync()
    {
        using var context = _workspace.Open();
        return await new SetupService(context).RetrainAsync(new RunRequest(Now: DemoScenario.End, Collect: false), null, _workspace.Warnings.Add, CancellationToken.None);
    }

    [Fact]
    public async Task FlaggedHoursAreLeftOutOfTheRetrainAndTheIncidentStillPagesAfterIt()
    {
        var before = await TrainAndDetectWithADeployAsync();

        var retrain = await RetrainAsync();
        var after = await _workspace.DetectAsync();

        Assert.Equal([Deploy, .. DemoScenario.IncidentHours], before.Anomalies.Select(h => h.Summary.Hour));
        Assert.Equal(4, retrain.HoursLeftOut);
        Assert.Equal(168, retrain.Model.TrainingHours);
        Assert.Equal(DemoScenario.End, retrain.Model.TrainingTo);
        Assert.All(DemoScenario.IncidentHours, h => Assert.True(Assert.Single(after.Hours, a => a.Summary.Hour == h).IsAnomaly));
    }

    [Fact]
    public async Task AFalseAlarmHourJoinsTheNextRetrainAndABenignNewKindIsKnownAfterIt()
    {
        await TrainAndDetectWithADeployAsync();
        using (var actions = new OperatorActions(_workspace.Config))
        {
            await actions.AddFalseAlarmAsync($"{Deploy:yyyy-MM-dd HH:00:00}", "our deploy tool", CancellationToken.None);
        }

        var retrain = await RetrainAsync();

        Assert.Equal(3, retrain.HoursLeftOut);
        Assert.Contains(new EventKey("Contoso-Deploy", 300), retrain.Model.Vigil!.KnownKinds);
    }

    [Fact]
    public async Task KindsOfFlaggedHoursAreKnownAfterTheRetrainWithoutFeedback()
    {
        await TrainAndDetectWithADeployAsync();

        var retrain = await RetrainAsync();
        await _workspace.AppendToDemoCsvAsync($"{DemoScenario.End.AddMinutes(20):yyyy-MM-ddTHH:mm:ssZ},Information,300,Contoso-Deploy,Application,WIN-SRV01.corp.example,Deployment step 1 finished.,900200");
        var next = await _workspace.DetectAsync(new RunRequest(Now: DemoScenario.End.AddHours(1), Hours: 1));

        Assert.Contains(new EventKey("Contoso-Deploy", 300), retrain.Model.Vigil!.KnownKinds);
        Assert.DoesNotContain(retrain.Model.Vigil.TopKinds, k => k.Provider == "Contoso-Deploy");
        Assert.DoesNotContain(Assert.Single(next.Hours).Reasons, r => r.Contains("Contoso-Deploy", StringComparison.Ordinal));
    }
}
