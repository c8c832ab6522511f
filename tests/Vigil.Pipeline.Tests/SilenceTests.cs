using Vigil.Collectors.Demo;
using Vigil.Pipeline.Scheduling;
using Vigil.Pipeline.Tests.Support;

namespace Vigil.Pipeline.Tests;

public sealed class SilenceTests : IDisposable
{
    private readonly Workspace _workspace = new("vigil");

    public void Dispose() => _workspace.Dispose();

    [Theory]
    [InlineData("seed")]
    [InlineData("vigil")]
    public async Task ALogThatDiedPagesWithTheSeedsOneHourCollection(string model)
    {
        _workspace.Config = _workspace.Config with { Detection = _workspace.Config.Detection with { Model = model, CollectionHours = 1 } };
        await _workspace.WriteDemoCsvAsync();
        await _workspace.SetupAsync();

        // The demo log ends at DemoScenario.End; three hours later it has said nothing for three hours.
        var report = await _workspace.DetectAsync(new RunRequest(Now: DemoScenario.End.AddHours(3)));

        var hour = Assert.Single(report.Hours);
        Assert.Equal(0, hour.Summary.TotalEvents);
        Assert.True(hour.IsAnomaly, $"score {hour.AnomalyScore}");
    }

    [Fact]
    public async Task ASourceThatNeverProducedAnEventIsStillCollectedZeroEvents()
    {
        await _workspace.WriteDemoCsvAsync();
        await _workspace.SetupAsync();
        var empty = Path.Combine(_workspace.Dir, "empty.csv");
        File.WriteAllText(empty, "time_created,level,event_id,provider,channel,computer,message,record_id\n");

        var error = await Assert.ThrowsAsync<NoEventsException>(() => _workspace.DetectAsync(new RunRequest("file:" + empty, DemoScenario.End, 24)));

        Assert.StartsWith("Collected 0 events from file:", error.Message);
    }

    [Fact]
    public async Task WatchDetectionReadsTheStoreOnlyAndScoresTheSourcesItWasGiven()
    {
        await _workspace.WriteDemoCsvAsync();
        await _workspace.SetupAsync();
        var source = "file:" + _workspace.DemoCsv;
        _workspace.Config = _workspace.Config with { Vigil = _workspace.Config.Vigil with { Source = "file:" + Path.Combine(_workspace.Dir, "configured-but-absent.csv") } };
        // The follower stored the file; it is gone now, so any read of a source would fail.
        File.Move(_workspace.DemoCsv, _workspace.DemoCsv + ".gone");
        using var context = _workspace.Open();
        DateTime? told = null;
        var target = new StoreDetectionTarget(context, _workspace.Warnings.Add, source, collect: false) { Scored = end => told = end };

        await target.ScoreAsync(new Core.Windows.HourRange(DemoScenario.TrainingEnd, DemoScenario.End), CancellationToken.None);

        Assert.Equal(DemoScenario.End, await target.GetLastScoredHourEndAsync(CancellationToken.None));
        Assert.Equal(DemoScenario.End, told);
    }
}
