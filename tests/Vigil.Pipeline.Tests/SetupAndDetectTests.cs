using Vigil.Collectors.Demo;
using Vigil.Core.Detection;
using Vigil.Core.Models;
using Vigil.Pipeline.Tests.Support;
using Vigil.Storage;

namespace Vigil.Pipeline.Tests;

public sealed class SetupAndDetectTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task SetupTrainsOn168HoursAndSavesAModelThatRecordsHowItWasTrained()
    {
        await _workspace.WriteDemoCsvAsync();

        var setup = await _workspace.SetupAsync();

        Assert.Equal(SetupService.SuccessMessage, "Setup complete! Model trained successfully.");
        Assert.True(File.Exists(_workspace.Config.Vigil.ModelPath));
        Assert.Equal(168, setup.Model.TrainingHours);
        Assert.Equal((DemoScenario.Start, DemoScenario.TrainingEnd), (setup.Model.TrainingFrom, setup.Model.TrainingTo));
        Assert.Equal(SeedModel.FeatureNames, setup.Model.FeatureNames);
        Assert.Equal(new ModelHyperparameters(100, 0.05, 42, 168), setup.Model.Hyperparameters);
        Assert.Equal("file:" + _workspace.DemoCsv, setup.Model.Source);
    }

    [Fact]
    public async Task DetectFlagsTheInjectedIncidentHoursAndFewOthers()
    {
        await _workspace.WriteDemoCsvAsync();
        await _workspace.SetupAsync();

        var report = await _workspace.DetectAsync();

        Assert.Equal(24, report.Hours.Count);
        var flagged = report.Anomalies.Select(h => h.Summary.Hour).ToHashSet();
        Assert.Superset(DemoScenario.IncidentHours.ToHashSet(), flagged);
        Assert.True(flagged.Count - DemoScenario.IncidentHours.Length <= 3, $"{flagged.Count} hours flagged");
    }

    [Fact]
    public async Task TheDefaultVigilModelFlagsTheInjectedIncidentWithSeverityAndReasons()
    {
        Assert.Equal("vigil", Vigil.Pipeline.Configuration.ConfigLoader.Defaults().Detection.Model);
        using var workspace = new Workspace(model: "vigil");
        await workspace.WriteDemoCsvAsync();
        var setup = await workspace.SetupAsync();

        var report = await workspace.DetectAsync();

        Assert.Equal("vigil", setup.Model.Kind);
        var flagged = report.Anomalies.Select(h => h.Summary.Hour).ToHashSet();
        Assert.Superset(DemoScenario.IncidentHours.ToHashSet(), flagged);
        Assert.True(flagged.Count - DemoScenario.IncidentHours.Length <= 2, $"{flagged.Count} hours flagged");
        Assert.All(report.Anomalies, h => Assert.NotEmpty(h.Reasons));
    }

    [Fact]
    public async Task DetectBeforeSetupGivesTheSeedMessage()
    {
        await _workspace.WriteDemoCsvAsync();

        var error = await Assert.ThrowsAsync<NoModelException>(() => _workspace.DetectAsync());

        Assert.Equal("There are no model files. Run 'vigil setup' first.", error.Message);
    }

    [Fact]
    public async Task ASourceWithNothingInTheRangeSaysCollected0EventsAndWhatToCheck()
    {
        await _workspace.WriteDemoCsvAsync();

        var error = await Assert.ThrowsAsync<NoEventsException>(() => _workspace.SetupAsync(new RunRequest(Now: new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc))));

        Assert.StartsWith("Collected 0 events from file:", error.Message);
        Assert.Contains("--source", error.Message);
        Assert.Contains("time range", error.Message);
        using var context = _workspace.Open();
        var run = (await context.Store.GetRunsAsync(1, CancellationToken.None))[0];
        Assert.False(run.Outcome!.Succeeded);
    }

    [Fact]
    public async Task ForFilesNowDefaultsToTheEndOfTheHourOfTheNewestEvent()
    {
        await _workspace.WriteDemoCsvAsync();

        var setup = await _workspace.SetupAsync(new RunRequest());

        Assert.Equal(DemoScenario.End, setup.Range.End);
        Assert.Equal(DemoScenario.End.AddHours(-168), setup.Range.Start);
    }

    [Fact]
    public async Task CollectingTheSameRangeAgainNeverDoubleCounts()
    {
        await _workspace.WriteDemoCsvAsync();

        var first = await _workspace.SetupAsync();
        var second = await _workspace.SetupAsync();

        Assert.Equal(first.EventsInRange, second.EventsInRange);
        Assert.Equal(0, second.Collected.Added);
        Assert.True(second.Collected.Read > 0);
        using var context = _workspace.Open();
        var stats = await context.Store.GetStatisticsAsync(CancellationToken.None);
        Assert.Equal(first.Collected.Added, stats.Events);
    }

    [Fact]
    public async Task DetectStoresEveryScoredHourAndTheRun()
    {
        await _workspace.WriteDemoCsvAsync();
        await _workspace.SetupAsync();

        var report = await _workspace.DetectAsync();

        using var context = _workspace.Open();
        var stored = await context.Store.GetVerdictsAsync(new VerdictScope(["file:" + _workspace.DemoCsv]).Key, report.Range, CancellationToken.None);
        Assert.Equal(report.Hours.Select(h => (h.Summary, h.IsAnomaly, h.Severity, h.Threshold)), stored.Select(v => (v.Hour.Summary, v.Hour.IsAnomaly, v.Hour.Severity, v.Hour.Threshold)));
        Assert.All(stored, v => Assert.Equal(report.Model.Id, v.ModelId));
        var runs = await context.Store.GetRunsAsync(10, CancellationToken.None);
        Assert.Equal(["detect", "setup"], runs.Select(r => r.Kind));
        Assert.Equal(report.Anomalies.Count, runs[0].Outcome!.Anomalies);
    }

    [Fact]
    public async Task AModelOfAnotherFormatVersionIsRefusedWithAClearMessage()
    {
        await _workspace.WriteDemoCsvAsync();
        await _workspace.SetupAsync();
        var path = _workspace.Config.Vigil.ModelPath;
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"FormatVersion\":1", "\"FormatVersion\":99", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<ModelFormatException>(() => _workspace.DetectAsync());

        Assert.Contains("model format version 99 is not supported", error.Message);
        Assert.Contains("vigil setup", error.Message);
    }

    [Fact]
    public async Task AModelWithAnotherFeatureSetIsRefusedWithAClearMessage()
    {
        await _workspace.WriteDemoCsvAsync();
        await _workspace.SetupAsync();
        var path = _workspace.Config.Vigil.ModelPath;
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"error_rate\"", "\"mystery\"", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<ModelFormatException>(() => _workspace.DetectAsync());

        Assert.Contains("mystery", error.Message);
        Assert.Contains("does not match", error.Message);
    }

    [Fact]
    public async Task ADamagedForestInTheModelFileIsRefusedWithAClearMessage()
    {
        await _workspace.WriteDemoCsvAsync();
        await _workspace.SetupAsync();
        var path = _workspace.Config.Vigil.ModelPath;
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"Roots\":[0,", "\"Roots\":[999999999,", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<ModelFormatException>(() => _workspace.DetectAsync());

        Assert.Contains("damaged", error.Message);
        Assert.Contains("vigil setup", error.Message);
    }

    [Fact]
    public async Task ASavedModelScoresExactlyAsTheModelThatWasTrained()
    {
        await _workspace.WriteDemoCsvAsync();
        var setup = await _workspace.SetupAsync();
        using var context = _workspace.Open();

        var loaded = SeedModel.FromDocument((await new ModelRepository(_workspace.Config.Vigil.ModelPath).LoadAsync(CancellationToken.None))!, "test");
        var hours = (await HourWindows.ReadAsync(context, ["file:" + _workspace.DemoCsv], setup.Range, CancellationToken.None)).Select(w => w.Summary).ToList();
        var retrained = SeedModel.Train(hours, new Core.Forest.IsolationForestOptions(), "x", DateTime.UtcNow);

        Assert.Equal(retrained.Score(hours).Select(h => h.AnomalyScore), loaded.Score(hours).Select(h => h.AnomalyScore));
        Assert.Equal(setup.Model.Forest.Offset, loaded.Document.Forest.Offset);
    }
}
